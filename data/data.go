// Package data embeds the default dictionaries, theme definitions and corpus
// resources shipped in data/, so that the binary works from any directory.
// The files on disk are the editable originals: the loader reads them from
// the resources directory when present and falls back to these copies.
package data

import _ "embed"

// Themes is the default theme file (themes.yaml).
//
//go:embed themes.yaml
var Themes []byte

// DomainDict is the default domain dictionary (dict/domain.txt).
//
//go:embed dict/domain.txt
var DomainDict []byte

// StopWords is the default stop-word list (dict/stopwords.txt).
//
//go:embed dict/stopwords.txt
var StopWords []byte

// Metrics is the default metric catalogue (metrics.yaml).
//
//go:embed metrics.yaml
var Metrics []byte

// Units is the default unit catalogue (units.yaml).
//
//go:embed units.yaml
var Units []byte

// Lexicon is the default word lists of the indicator extractor
// (lexicon.yaml).
//
//go:embed lexicon.yaml
var Lexicon []byte

// MetaLexicon is the default word lists of the metadata inference
// (meta_lexicon.yaml).
//
//go:embed meta_lexicon.yaml
var MetaLexicon []byte

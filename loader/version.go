package loader

import (
	"embed"

	"github.com/policylens/policylens/loader/dedup"
	"github.com/policylens/policylens/loader/extract"
	"github.com/policylens/policylens/loader/gazetteer"
	"github.com/policylens/policylens/loader/hanzi"
	"github.com/policylens/policylens/loader/internal/codeversion"
	"github.com/policylens/policylens/loader/meta"
	"github.com/policylens/policylens/loader/segment"
	"github.com/policylens/policylens/loader/source"
	"github.com/policylens/policylens/loader/text"
	"github.com/policylens/policylens/loader/themes"
)

//go:embed *.go
var ownSource embed.FS

// codeVersion is a digest of the code that turns a notice into rows: this
// package and every package it processes notices with, each digested from
// its own source at build time. It replaces a hand-edited algorithm
// version: an upgraded binary whose extraction, metadata inference,
// cleaning or segmentation changed rebuilds stale rows on its next load.
var codeVersion = func() string {
	v := codeversion.Digest(ownSource)
	for _, p := range []string{extract.CodeVersion, meta.CodeVersion, text.CodeVersion, source.CodeVersion,
		segment.CodeVersion, themes.CodeVersion, dedup.CodeVersion, gazetteer.CodeVersion, hanzi.CodeVersion} {
		v += "-" + p
	}
	return v
}()

package loader

import (
	"database/sql"
	"encoding/hex"
	"sort"
	"time"
	"unicode/utf8"

	"github.com/policylens/policylens/loader/dedup"
	"github.com/policylens/policylens/loader/extract"
	"github.com/policylens/policylens/loader/meta"
	"github.com/policylens/policylens/loader/schema"
	"github.com/policylens/policylens/loader/segment"
	"github.com/policylens/policylens/loader/source"
	"github.com/policylens/policylens/loader/text"
	"github.com/policylens/policylens/loader/themes"
)

// processed is everything one notice contributes to the database.
type processed struct {
	meta       meta.Metadata
	doc        *source.Document
	textHash   string
	sig        dedup.Signature
	numbers    []string
	body       string
	chars      int
	tokens     int
	sentences  []text.Sentence
	terms      map[string]int
	hits       []themes.Hit
	indicators []extract.Indicator
}

// process turns one read document into rows. It does no I/O. The parts
// that need no segmenter come first, so that they run while it is built.
func (r *resources) process(doc *source.Document, relPath string) (*processed, error) {
	md := r.metaLex.Infer(doc, relPath, r.gaz)
	body := doc.Text
	p := &processed{
		meta:    md,
		doc:     doc,
		body:    body,
		numbers: dedup.Numbers(body),
		chars:   utf8.RuneCountInString(body),
	}
	sum, sig := dedup.Fingerprint(body)
	p.textHash, p.sig = hex.EncodeToString(sum[:]), sig
	years := text.Years{Reviewed: md.ReviewedYear, Plan: md.PlanYear}
	p.sentences = text.Split(body, years)
	p.indicators = r.extractor.Document(extract.Doc{
		Sentences:    p.sentences,
		Title:        md.Title,
		ReviewedYear: md.ReviewedYear,
		PlanYear:     md.PlanYear,
		Published:    md.Published,
		Province:     md.Province,
		City:         md.City,
		County:       md.County,
		Level:        md.Level,
	})

	seg, err := r.segmenter()
	if err != nil {
		return nil, &fatalError{err}
	}
	// Segment sentence by sentence: no token spans a sentence boundary.
	c := segment.NewCounts()
	for _, s := range p.sentences {
		seg.Add(&c, s.Text)
	}
	seg.Tally(&c)
	p.tokens, p.terms = c.Tokens, c.Terms
	p.hits = r.themes.Score(c.Words, p.tokens)
	return p, nil
}

// fatalError stops a load: it is no fault of the file being processed.
type fatalError struct{ err error }

func (e *fatalError) Error() string { return e.err.Error() }
func (e *fatalError) Unwrap() error { return e.err }

// year is the year a notice is compared under: its publication year, else
// the year it plans for, else the year it reviews.
func (p *processed) year() sql.Null[int32] {
	switch {
	case !p.meta.Published.IsZero():
		return schema.Null(int32(p.meta.Published.Year()))
	case p.meta.PlanYear > 0:
		return schema.Null(int32(p.meta.PlanYear))
	}
	return schema.Null(int32(p.meta.ReviewedYear))
}

// published is the publication date as a DATE: the calendar day, in UTC.
func (p *processed) published() sql.Null[time.Time] {
	if p.meta.Published.IsZero() {
		return sql.Null[time.Time]{}
	}
	t := p.meta.Published
	return schema.Null(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC))
}

// sortedKeys returns a map's keys in a stable order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

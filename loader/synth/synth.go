package synth

import (
	"fmt"
	"math/rand/v2"
	"time"
)

// Options says how many notices to generate and from which seed.
type Options struct {
	// N is the number of notices.
	N int
	// Seed makes the corpus reproducible: the same Seed and index always
	// give the same notice, whatever N is.
	Seed uint64
	// FirstYear and LastYear bound the publication years; zero means
	// 2019 and 2026.
	FirstYear, LastYear int
}

func (o Options) years() (int, int) {
	a, b := o.FirstYear, o.LastYear
	if a == 0 {
		a = 2019
	}
	if b == 0 {
		b = 2026
	}
	if b < a {
		b = a
	}
	return a, b
}

// Truth is the metadata a careful reader would state for one notice, in the
// terms of ../shared/gold/seed_documents.csv.
type Truth struct {
	Doc          string    // the notice's path relative to the corpus dir, '/' separated
	Title        string    // the title as written
	Province     string    // full name: 山东省
	City         string    // official prefecture name, for city and county notices
	County       string    // county-level unit, for county notices
	Level        string    // province, city or county
	Issuer       string    // the issuing body as written: 山东省通信管理局
	Published    time.Time // publication date (midnight UTC)
	ReviewedYear int       // the year whose work it reports on; 0 if none
	PlanYear     int       // the year whose tasks it sets out; 0 if none
	DocType      string    // 工作会议, 工作要点, 巡察整改通报, 署名文章, 新闻
	Format       string    // txt, md or html
}

// TruthIndicator is one numeric indicator of a notice, in the terms of
// ../shared/gold/seed_indicators.csv.
type TruthIndicator struct {
	Doc       string  // the notice's path, as Truth.Doc
	Kind      string  // achievement, target, other or ignore
	Year      int     // the year the figure refers to
	Metric    string  // short Chinese name of what is counted
	Value     float64 // normalised value: 24.2万 → 242000
	ValueMax  float64 // upper end of a range, when HasMax
	HasMax    bool    // the figure is a range
	Unit      string  // 个, 元, %, 户, EFLOPS, 位次 …
	Qualifier string  // exact, over, at_least, approx, at_most, range
	Surface   string  // a substring of the notice text holding the figure and its subject
	Scope     string  // own, national or other
}

// Notice is one generated notice with its truth.
type Notice struct {
	Path       string // relative file name, '/' separated: d03/01517.txt
	Text       string // the whole file content
	Meta       Truth
	Indicators []TruthIndicator
}

// Generate returns notices 0..N-1. It holds them all in memory; use Each or
// WriteCorpus for large corpora.
func Generate(opts Options) []Notice {
	out := make([]Notice, 0, max(opts.N, 0))
	_ = Each(opts, func(n Notice) error {
		out = append(out, n)
		return nil
	})
	return out
}

// Each generates notices 0..N-1 in order and hands each to fn, stopping at
// the first error fn returns.
func Each(opts Options, fn func(Notice) error) error {
	for i := range opts.N {
		if err := fn(At(opts, i)); err != nil {
			return err
		}
	}
	return nil
}

// At generates notice i of the corpus described by opts. It depends only on
// opts.Seed, the year bounds and i, so corpora of different sizes share
// their first notices.
func At(opts Options, i int) Notice {
	r := rand.New(rand.NewPCG(opts.Seed, uint64(i)*0x9e3779b97f4a7c15+0x632be59bd9b4e019))
	first, last := opts.years()
	g := newGen(r, first+r.IntN(last-first+1))
	g.compose()
	ext := g.format
	path := fmt.Sprintf("d%02d/%05d.%s", i/500, i, ext)
	n := Notice{Path: path, Text: g.render(), Meta: g.truth, Indicators: g.inds}
	n.Meta.Doc = path
	n.Meta.Format = ext
	for k := range n.Indicators {
		n.Indicators[k].Doc = path
	}
	return n
}

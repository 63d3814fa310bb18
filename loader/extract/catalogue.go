package extract

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Metric is one canonical metric of the catalogue.
type Metric struct {
	// Name is the canonical Chinese name (5G基站).
	Name string `yaml:"name"`
	// Measure is the usual measure: total, increment, rate, growth, rank or count.
	Measure string `yaml:"measure"`
	// Units are the units a figure of this metric may carry; empty means any.
	Units []string `yaml:"units"`
	// Synonyms are phrases naming the metric; Name always counts as one.
	Synonyms []string `yaml:"synonyms"`
}

// Catalogue is the editable list of canonical metrics (data/metrics.yaml)
// that lines the same metric up across notices and provinces.
type Catalogue struct {
	Metrics []Metric `yaml:"metrics"`

	// syns holds every synonym, longest first, for matching; byFirst
	// indexes them by first rune.
	syns    []synonym
	byFirst map[rune][]synonym
}

type synonym struct {
	phrase string
	metric int
}

var measures = map[string]bool{"total": true, "increment": true, "rate": true, "growth": true, "rank": true, "count": true}

// LoadCatalogue reads and parses a catalogue file.
func LoadCatalogue(path string) (*Catalogue, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("metrics catalogue: %w", err)
	}
	c, err := ParseCatalogue(b)
	if err != nil {
		return nil, fmt.Errorf("metrics catalogue %s: %w", path, err)
	}
	return c, nil
}

// ParseCatalogue parses a catalogue in the format of data/metrics.yaml and
// checks it: every entry needs a name, a known measure and no duplicate name.
func ParseCatalogue(b []byte) (*Catalogue, error) {
	c := &Catalogue{}
	if err := yaml.Unmarshal(b, c); err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	seen := map[string]bool{}
	for i, m := range c.Metrics {
		m.Name = strings.TrimSpace(m.Name)
		if m.Name == "" {
			return nil, fmt.Errorf("entry %d: no name", i+1)
		}
		if seen[m.Name] {
			return nil, fmt.Errorf("entry %d: duplicate name %q", i+1, m.Name)
		}
		seen[m.Name] = true
		if m.Measure == "" {
			m.Measure = "total"
		}
		if !measures[m.Measure] {
			return nil, fmt.Errorf("entry %q: unknown measure %q", m.Name, m.Measure)
		}
		c.Metrics[i] = m
		c.syns = append(c.syns, synonym{normaliseMetric(m.Name), i})
		for _, s := range m.Synonyms {
			if s = normaliseMetric(s); s != "" {
				c.syns = append(c.syns, synonym{s, i})
			}
		}
	}
	sort.SliceStable(c.syns, func(a, b int) bool { return len(c.syns[a].phrase) > len(c.syns[b].phrase) })
	c.byFirst = map[rune][]synonym{}
	for _, s := range c.syns {
		r, _ := utf8.DecodeRuneInString(s.phrase)
		c.byFirst[r] = append(c.byFirst[r], s)
	}
	return c, nil
}

// normaliseMetric folds the variants that differ between notices: quotes,
// spaces, the full-width plus sign and letter case.
func normaliseMetric(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '“', '”', '"', '‘', '’', '\'', ' ', '\u3000', '「', '」':
			continue
		case '﹢', '＋':
			r = '+'
		}
		if r >= 'a' && r <= 'z' {
			r -= 'a' - 'A'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Match returns the catalogue entry for a metric phrase in a unit: the entry
// with the longest synonym contained in the phrase whose units admit the
// unit. ok is false when none does.
func (c *Catalogue) Match(phrase, unit string) (m Metric, ok bool) {
	if c == nil {
		return Metric{}, false
	}
	p := normaliseMetric(phrase)
	best, bestLen := -1, 0
	for i, r := range p {
		for _, s := range c.byFirst[r] {
			if len(s.phrase) < bestLen || (len(s.phrase) == bestLen && s.metric >= best) || !strings.HasPrefix(p[i:], s.phrase) {
				continue
			}
			cand := c.Metrics[s.metric]
			if len(cand.Units) > 0 && !contains(cand.Units, unit) {
				continue
			}
			best, bestLen = s.metric, len(s.phrase)
		}
	}
	if best < 0 {
		return Metric{}, false
	}
	return c.Metrics[best], true
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

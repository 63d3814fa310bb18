// Package themes reads the editable theme file and scores documents against
// it: a theme's hits are the occurrences of its keywords among a document's
// tokens, and its intensity is hits per 10,000 tokens.
package themes

import (
	"fmt"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// Theme is one theme definition.
type Theme struct {
	ID       string   `yaml:"id"`
	Label    string   `yaml:"label"`
	Keywords []string `yaml:"keywords"`
}

// Set is the whole theme file.
type Set struct {
	Themes []Theme `yaml:"themes"`
}

var idPattern = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// Parse reads a theme file and checks it: ids are lower-case identifiers and
// unique, every theme has a label and at least one keyword, and no keyword is
// empty. name is used in errors.
func Parse(name string, b []byte) (*Set, error) {
	var s Set
	if err := yaml.Unmarshal(b, &s); err != nil {
		return nil, fmt.Errorf("themes %s: %w", name, err)
	}
	if len(s.Themes) == 0 {
		return nil, fmt.Errorf("themes %s: no themes defined", name)
	}
	seen := map[string]bool{}
	for i, t := range s.Themes {
		switch {
		case !idPattern.MatchString(t.ID):
			return nil, fmt.Errorf("themes %s: theme %d: id %q must be lower-case letters, digits and _", name, i+1, t.ID)
		case seen[t.ID]:
			return nil, fmt.Errorf("themes %s: theme id %q defined twice", name, t.ID)
		case strings.TrimSpace(t.Label) == "":
			return nil, fmt.Errorf("themes %s: theme %q has no label", name, t.ID)
		case len(t.Keywords) == 0:
			return nil, fmt.Errorf("themes %s: theme %q has no keywords", name, t.ID)
		}
		seen[t.ID] = true
		for j, k := range t.Keywords {
			k = strings.TrimSpace(k)
			if k == "" {
				return nil, fmt.Errorf("themes %s: theme %q: keyword %d is empty", name, t.ID, j+1)
			}
			s.Themes[i].Keywords[j] = k
		}
	}
	return &s, nil
}

// Keywords lists every keyword of every theme, for the segmenter's
// dictionary.
func (s *Set) Keywords() []string {
	var out []string
	for _, t := range s.Themes {
		out = append(out, t.Keywords...)
	}
	return out
}

// Hit is one theme's score in one document.
type Hit struct {
	Theme  string
	Hits   int
	Per10k float64
}

// Score counts each theme's keyword occurrences in words (token → count) and
// normalises by tokens. Themes without hits are left out. A keyword listed
// under several themes counts for each.
func (s *Set) Score(words map[string]int, tokens int) []Hit {
	var out []Hit
	for _, t := range s.Themes {
		n := 0
		for _, k := range t.Keywords {
			n += words[k]
		}
		if n == 0 {
			continue
		}
		h := Hit{Theme: t.ID, Hits: n}
		if tokens > 0 {
			h.Per10k = float64(n) * 10000 / float64(tokens)
		}
		out = append(out, h)
	}
	return out
}

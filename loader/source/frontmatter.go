package source

import (
	"errors"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// splitFrontMatter separates YAML front matter (between "---" lines at the
// very start) from the body. found is false when the text has none. When
// the YAML is invalid, found is true, the body is still returned and err
// says why the fields were dropped.
//
// Hugo's TOML front matter (between "+++" lines) is read too, as flat
// key = value pairs.
func splitFrontMatter(s string) (fields map[string]string, body string, found bool, err error) {
	t := strings.TrimLeft(s, "\ufeff \t\n")
	if strings.HasPrefix(t, "+++\n") {
		head, rest, ok := strings.Cut(t[len("+++\n"):], "\n+++")
		if !ok {
			return nil, s, false, nil
		}
		_, body, _ = strings.Cut(rest, "\n")
		fields, err = parseTOMLMap(head)
		return fields, body, true, err
	}
	if !strings.HasPrefix(t, "---\n") && !strings.HasPrefix(t, "---\r\n") {
		return nil, s, false, nil
	}
	rest := t[strings.IndexByte(t, '\n')+1:]
	end := -1
	for off := 0; off < len(rest); {
		nl := strings.IndexByte(rest[off:], '\n')
		line := rest[off:]
		if nl >= 0 {
			line = rest[off : off+nl]
		}
		if l := strings.TrimRight(line, " \t\r"); l == "---" || l == "..." {
			end = off
			off += len(line)
			if nl >= 0 {
				off++
			}
			body = rest[off:]
			break
		}
		if nl < 0 {
			break
		}
		off += nl + 1
	}
	if end < 0 {
		return nil, s, false, nil // a horizontal rule, not front matter
	}
	fields, err = parseYAMLMap([]byte(rest[:end]))
	return fields, body, true, err
}

// parseYAMLMap reads a flat YAML mapping into lower-case keys and the scalar
// values as written (dates stay text; lists are joined with ",").
func parseYAMLMap(data []byte) (map[string]string, error) {
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil {
		return nil, err
	}
	out := map[string]string{}
	if n.Kind == 0 {
		return out, nil // empty document
	}
	if n.Kind != yaml.DocumentNode || len(n.Content) != 1 {
		return nil, errors.New("not a YAML mapping")
	}
	m := n.Content[0]
	if m.Kind == yaml.ScalarNode && m.Value == "" {
		return out, nil
	}
	if m.Kind != yaml.MappingNode {
		return nil, errors.New("not a YAML mapping")
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		key := strings.ToLower(strings.TrimSpace(k.Value))
		switch v.Kind {
		case yaml.ScalarNode:
			if v.Tag == "!!null" {
				continue
			}
			out[key] = strings.TrimSpace(v.Value)
		case yaml.SequenceNode:
			var parts []string
			for _, e := range v.Content {
				if e.Kind == yaml.ScalarNode {
					parts = append(parts, e.Value)
				}
			}
			out[key] = strings.Join(parts, ",")
		default:
			return nil, fmt.Errorf("field %q: nested values are not supported", key)
		}
	}
	return out, nil
}

// parseTOMLMap reads the flat key = value lines of TOML front matter:
// quoted strings, bare dates and numbers, and arrays of strings.
func parseTOMLMap(head string) (map[string]string, error) {
	out := map[string]string{}
	for i, line := range strings.Split(head, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if strings.HasPrefix(line, "[") {
			break // a table: nested values are not supported, stop here
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			return nil, fmt.Errorf("line %d: not key = value", i+1)
		}
		k = strings.ToLower(strings.Trim(strings.TrimSpace(k), `"'`))
		v = strings.TrimSpace(v)
		if strings.HasPrefix(v, "[") && strings.HasSuffix(v, "]") {
			var parts []string
			for _, p := range strings.Split(v[1:len(v)-1], ",") {
				if p = strings.Trim(strings.TrimSpace(p), `"'`); p != "" {
					parts = append(parts, p)
				}
			}
			v = strings.Join(parts, ",")
		} else if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') {
			if v[len(v)-1] != v[0] {
				return nil, fmt.Errorf("line %d: unterminated string", i+1)
			}
			v = v[1 : len(v)-1]
		}
		out[k] = v
	}
	return out, nil
}

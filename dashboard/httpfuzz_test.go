package dashboard_test

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/policylens/policylens/dashboard"
)

// fuzzMarker is put into every hostile value that carries markup; if it
// ever comes back unescaped in a page, input became markup.
const fuzzMarker = "<i-fz"

// hostileValues are the values every parameter of every route is sent:
// broken encodings, control characters, huge and odd numbers, SQL and HTML
// metacharacters, and long values.
func hostileValues() []string {
	return []string{
		"\xff", "a\xfe\xfdb", "\xed\xa0\x80", // invalid UTF-8, a lone surrogate
		"\x00", "\x1b[31m", "\r\nSet-Cookie: x=1",
		strings.Repeat("A", 100<<10), strings.Repeat("省", 5000),
		"99999999999999999999999999", "-1", "1e308", "NaN",
		"' OR 1=1 --", `" ) UNION SELECT * FROM duckdb_settings() --`,
		fuzzMarker + `>"'&<script>alert(1)</script>`, `"><svg onload=alert(1)>` + fuzzMarker + `>`,
		`"__f__",alert(1),1__f__`, "</script><script>alert(1)</script>",
		"", "山东省",
	}
}

// randomValue is a random string of random bytes, runes or digits.
func randomValue(rng *rand.Rand) string {
	n := rng.IntN(40)
	var b strings.Builder
	switch rng.IntN(3) {
	case 0:
		for range n {
			b.WriteByte(byte(rng.IntN(256)))
		}
	case 1:
		for range n {
			b.WriteRune(rune(rng.IntN(0x10000)))
		}
	default:
		b.WriteString(strconv.FormatInt(rng.Int64()-rng.Int64(), 10))
	}
	return b.String()
}

// TestHTTPFuzz sends every route hostile and random values for every
// parameter it declares (and in its path): no answer may be a 5xx, none
// may echo markup unescaped, and the server must still answer at the end.
func TestHTTPFuzz(t *testing.T) {
	base := startServer(t)
	seed := uint64(time.Now().UnixNano())
	if s, err := strconv.ParseUint(os.Getenv("POLICYLENS_FUZZ_SEED"), 10, 64); err == nil {
		seed = s
	}
	t.Logf("seed %d (POLICYLENS_FUZZ_SEED=%d reproduces this run)", seed, seed)
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	token := formToken(t, base+"/sql")

	// Good path values, so that the query parameters are checked deeper
	// than the path.
	_, list, _ := get(t, base+"/documents")
	id := regexp.MustCompile(`href="/documents/(\d+)"`).FindStringSubmatch(list)
	if id == nil {
		t.Fatal("no document in the list")
	}
	goodPath := map[string]string{"id": id[1], "chart": "x", "file": "documents.csv"}

	requests := 0
	send := func(method, path string, q url.Values) {
		t.Helper()
		requests++
		u := base + path
		var form url.Values
		if method == http.MethodPost {
			form = q
			form.Set("csrf", token)
		} else if len(q) > 0 {
			u += "?" + q.Encode()
		}
		status, body, hdr := do(t, method, u, form, nil)
		if status >= 500 {
			t.Errorf("%s %.200s: status %d: %.300s", method, u, status, body)
		}
		if strings.HasPrefix(hdr.Get("Content-Type"), "text/html") && strings.Contains(body, fuzzMarker) {
			i := strings.Index(body, fuzzMarker)
			t.Errorf("%s %.200s: markup from the request came back unescaped: …%s…", method, u, body[max(0, i-80):min(len(body), i+80)])
		}
	}
	fillPath := func(path string, override map[string]string) string {
		parts := strings.Split(path, "/")
		for i, p := range parts {
			if name, ok := strings.CutPrefix(p, ":"); ok {
				v, ok := override[name]
				if !ok {
					v = goodPath[name]
				}
				parts[i] = url.PathEscape(v)
			}
		}
		return strings.Join(parts, "/")
	}

	routes := dashboard.RoutesForFuzz()
	if len(routes) < 10 {
		t.Fatalf("only %d routes", len(routes))
	}
	for _, r := range routes {
		values := hostileValues()
		for range 2 {
			values = append(values, randomValue(rng))
		}
		for _, name := range r.Params {
			for _, v := range values {
				send(r.Method, fillPath(r.Path, nil), url.Values{name: {v}})
			}
		}
		for _, name := range r.PathParams {
			for _, v := range values {
				if v == "" || len(v) > 2000 {
					continue // an empty segment is another path; a huge one is the URL limit's business
				}
				send(r.Method, fillPath(r.Path, map[string]string{name: v}), nil)
			}
		}
		// All parameters at once, each a random pick of the shorter values
		// (a URL has a length limit of its own).
		for range 3 {
			q := url.Values{}
			for _, name := range r.Params {
				v := values[rng.IntN(len(values))]
				if len(v) > 2000 {
					v = v[:2000]
				}
				q.Set(name, v)
			}
			send(r.Method, fillPath(r.Path, nil), q)
		}
	}
	if status, _, _ := get(t, base+"/"); status != 200 {
		t.Fatalf("after %d hostile requests the server answers %d", requests, status)
	}
	t.Log(fmt.Sprintf("%d requests over %d routes", requests, len(routes)))
}

package dashboard_test

import (
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/policylens/policylens/dashboard"
)

// do sends a request with extra headers and returns status, body and
// headers.
func do(t *testing.T, method, u string, body url.Values, hdr map[string]string) (int, string, http.Header) {
	t.Helper()
	var rd io.Reader
	if body != nil {
		rd = strings.NewReader(body.Encode())
	}
	req, err := http.NewRequest(method, u, rd)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range hdr {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		msg := err.Error()
		if len(msg) > 300 {
			msg = msg[:300] + "…"
		}
		t.Fatalf("%s %.200s: %s", method, u, msg)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

// TestInvalidParamsRefused sends what crashed or broke the server before
// the parameters were checked at the edge: invalid UTF-8 (DuckDB crashed
// the process on ?province=%ff), NUL, over-long values and numbers out of
// range. Each must get 400 with a Chinese message, and the server must
// still answer afterwards.
func TestInvalidParamsRefused(t *testing.T) {
	base := startServer(t)
	cases := []string{
		"/?province=%ff",
		"/themes?province=%ff%fe",
		"/terms?level=%ff",
		"/documents?type=%c3%28",
		"/documents?has_theme=%ff",
		"/terms?term=%ff",
		"/kwic?term=%ff",
		"/indicators?metric=%ff",
		"/csv/overview/overview-heatmap?province=%ff",
		"/csv/themes/themes-heatmap?level=%ff",
		"/csv/indicators/indicators-years?metric=%ff",
		"/documents/1?hl=%ff",
		"/sql?q=select+%27%ff%27",
		"/sql.csv?q=select+%27%ff%27",
		"/?province=a%00b",
		"/terms?term=%00",
		"/?province=" + strings.Repeat("省", 1000),
		"/indicators?metric=" + strings.Repeat("x", 100000),
		"/?from=99999999999999999999999",
		"/?from=1e9",
		"/?to=-5",
		"/?from=abc",
		"/documents?reviewed=123456",
		"/documents?sort=%3Cscript%3E",
		"/documents?pub_from=2024-13",
		"/terms?a=year:99999",
		"/documents/99999999999999999999999",
		"/documents/-1",
		"/documents/%ff",
		"/csv/document/document-themes?id=%ff",
		"/themes?theme=%3Cb%3E",
		"/?province=a&province=b&" + strings.Repeat("province=c&", 100),
	}
	for _, path := range cases {
		status, body, _ := get(t, base+path)
		if status != http.StatusBadRequest {
			t.Errorf("GET %.80s: status %d, want 400", path, status)
			continue
		}
		if !strings.Contains(body, `role="alert"`) || !strings.Contains(body, "参数") {
			t.Errorf("GET %.80s: no clear message: %.300s", path, body)
		}
	}
	if status, _, _ := get(t, base+"/?province=%E6%B5%99%E6%B1%9F%E7%9C%81"); status != 200 {
		t.Errorf("the server does not answer a good request after the bad ones: %d", status)
	}
}

// TestHostAllowList checks the defence against DNS rebinding: only the
// host names the server was started for are answered.
func TestHostAllowList(t *testing.T) {
	app := dashboard.New(dashboard.Options{Store: openStore(t), AllowHosts: []string{"policy.lan", "0.0.0.0:8080"},
		Logger: slog.New(slog.NewTextHandler(testLog{t}, nil))})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go app.Listener(ln)
	t.Cleanup(func() { app.Shutdown() })
	base := "http://" + ln.Addr().String()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	for host, want := range map[string]int{
		"127.0.0.1:" + port:    200,
		"localhost:" + port:    200,
		"LOCALHOST.:" + port:   200,
		"[::1]:" + port:        200,
		"policy.lan:" + port:   200,
		"evil.example:" + port: 421,
		"evil.example":         421,
		"127.0.0.1.evil.test":  421,
		"0.0.0.0:" + port:      421,
		"192.168.1.5:" + port:  421,
	} {
		status, body, _ := do(t, "GET", base+"/", nil, map[string]string{"Host": host})
		if status != want {
			t.Errorf("Host %s: status %d, want %d", host, status, want)
		}
		if want == 421 && !strings.Contains(body, "允许") {
			t.Errorf("Host %s: no message saying why", host)
		}
	}
	// The theme editor and the console are refused to a rebound name too.
	status, _, _ := do(t, "POST", base+"/sql", url.Values{"q": {"select 1"}},
		map[string]string{"Host": "evil.example:" + port, "Origin": "http://evil.example:" + port})
	if status != 421 {
		t.Errorf("POST /sql with a rebound Host: status %d, want 421", status)
	}
}

// TestStateChangingRequests checks that a post needs the page's CSRF token
// and the server's own origin, and that another site's page can neither
// post, nor load pages or downloads, nor make the console run a query.
func TestStateChangingRequests(t *testing.T) {
	base := startServer(t)
	token := formToken(t, base+"/sql")
	q := "select 42 as answer"
	for _, c := range []struct {
		name string
		form url.Values
		hdr  map[string]string
		want int
	}{
		{"no token", url.Values{"q": {q}}, nil, 403},
		{"wrong token", url.Values{"q": {q}, "csrf": {strings.Repeat("0", 64)}}, nil, 403},
		{"token from another site", url.Values{"q": {q}, "csrf": {token}}, map[string]string{"Origin": "http://evil.example"}, 403},
		{"token, other port", url.Values{"q": {q}, "csrf": {token}}, map[string]string{"Origin": "http://127.0.0.1:1"}, 403},
		{"referer from another site", url.Values{"q": {q}, "csrf": {token}}, map[string]string{"Referer": "http://evil.example/x"}, 403},
		{"cross-site fetch", url.Values{"q": {q}, "csrf": {token}}, map[string]string{"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "cors"}, 403},
		{"cross-site form", url.Values{"q": {q}, "csrf": {token}}, map[string]string{"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document"}, 403},
		{"opaque origin, no fetch metadata", url.Values{"q": {q}, "csrf": {token}}, map[string]string{"Origin": "null"}, 403},
		{"same origin, fetch metadata", url.Values{"q": {q}, "csrf": {token}}, map[string]string{"Origin": "null", "Sec-Fetch-Site": "same-origin"}, 200},
		{"same origin", url.Values{"q": {q}, "csrf": {token}}, map[string]string{"Origin": base}, 200},
	} {
		status, body, _ := do(t, "POST", base+"/sql", c.form, c.hdr)
		if status != c.want {
			t.Errorf("POST /sql, %s: status %d, want %d", c.name, status, c.want)
		}
		if ran := strings.Contains(body, `data-result`); ran != (c.want == 200) {
			t.Errorf("POST /sql, %s: query ran = %v", c.name, ran)
		}
	}
	form := url.Values{"themes": {"themes: []\n"}}
	if status, _, _ := do(t, "POST", base+"/themes/edit", form, nil); status != 403 {
		t.Errorf("POST /themes/edit without token: status %d, want 403", status)
	}
	if status, _, _ := do(t, "POST", base+"/sql", nil, map[string]string{"Content-Type": "multipart/form-data; boundary=x"}); status != 415 && status != 403 {
		t.Errorf("POST /sql multipart: status %d", status)
	}

	link := base + "/sql?" + url.Values{"q": {q}}.Encode()
	crossNav := map[string]string{"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "navigate", "Sec-Fetch-Dest": "document"}
	status, body, _ := do(t, "GET", link, nil, crossNav)
	if status != 200 || strings.Contains(body, "data-result") || !strings.Contains(body, "data-not-run") {
		t.Errorf("console link from another site: status %d, ran the query or did not say so", status)
	}
	if status, body, _ := do(t, "GET", link, nil, map[string]string{"Sec-Fetch-Site": "none", "Sec-Fetch-Mode": "navigate"}); status != 200 || !strings.Contains(body, "data-result") {
		t.Errorf("console link typed or bookmarked: status %d, query not run", status)
	}
	for _, u := range []string{
		base + "/sql.csv?" + url.Values{"q": {q}}.Encode(),
		base + "/sql.json?" + url.Values{"q": {q}}.Encode(),
	} {
		if status, _, _ := do(t, "GET", u, nil, crossNav); status != 403 {
			t.Errorf("download from another site's link %s: status %d, want 403", u, status)
		}
	}
	img := map[string]string{"Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors", "Sec-Fetch-Dest": "image"}
	for _, u := range []string{base + "/?province=%E6%B5%99%E6%B1%9F%E7%9C%81", base + "/csv/overview/overview-heatmap", base + "/themes"} {
		if status, _, _ := do(t, "GET", u, nil, img); status != 403 {
			t.Errorf("another site's <img> of %s: status %d, want 403", u, status)
		}
	}
	if status, _, _ := do(t, "GET", base+"/themes", nil, crossNav); status != 200 {
		t.Errorf("a link from another site to a page: status %d, want 200", status)
	}
}

// TestMethodNotAllowed checks 405 with Allow for methods a path does not
// take, and 404 for paths that do not exist.
func TestMethodNotAllowed(t *testing.T) {
	base := startServer(t)
	for _, c := range []struct {
		method, path string
		allow        []string
	}{
		{"POST", "/", []string{"GET", "HEAD"}},
		{"DELETE", "/sql", []string{"GET", "POST"}},
		{"PUT", "/themes/edit", []string{"GET", "POST"}},
		{"POST", "/documents/1", []string{"GET"}},
		{"PATCH", "/csv/themes/themes-heatmap", []string{"GET"}},
	} {
		status, body, hdr := do(t, c.method, base+c.path, nil, nil)
		if status != 405 {
			t.Errorf("%s %s: status %d, want 405", c.method, c.path, status)
			continue
		}
		allow := strings.Join(hdr.Values("Allow"), ", ")
		for _, m := range c.allow {
			if !strings.Contains(allow, m) {
				t.Errorf("%s %s: Allow %q lacks %s", c.method, c.path, allow, m)
			}
		}
		if !strings.Contains(body, "不支持该请求方法") {
			t.Errorf("%s %s: no message", c.method, c.path)
		}
	}
	if status, _, _ := do(t, "DELETE", base+"/no-such-page", nil, nil); status != 404 {
		t.Errorf("DELETE /no-such-page: status %d, want 404", status)
	}
}

// TestSecurityHeaders checks the headers every response carries.
func TestSecurityHeaders(t *testing.T) {
	base := startServer(t)
	for _, path := range []string{"/", "/themes", "/sql", "/documents/1", "/no-such-page", "/assets/app.js", "/csv/overview/overview-heatmap", "/?province=%ff"} {
		_, _, hdr := get(t, base+path)
		csp := hdr.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("GET %s: CSP %q lacks %s", path, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
			t.Errorf("GET %s: CSP %q allows inline code", path, csp)
		}
		if v := hdr.Get("X-Content-Type-Options"); v != "nosniff" {
			t.Errorf("GET %s: X-Content-Type-Options %q", path, v)
		}
		if v := hdr.Get("Referrer-Policy"); v != "no-referrer" {
			t.Errorf("GET %s: Referrer-Policy %q", path, v)
		}
	}
}

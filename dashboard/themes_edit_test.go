package dashboard_test

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/policylens/policylens/dashboard"
	"github.com/policylens/policylens/loader"
	"github.com/policylens/policylens/queries"
	"github.com/policylens/policylens/queries/querytest"
)

// TestThemeEditor edits the theme file from the dashboard: a broken file is
// refused with the reason, a post from another site is forbidden, and a good
// file is saved and the themes page shows the recomputed scores.
func TestThemeEditor(t *testing.T) {
	ctx := context.Background()
	dataDir := t.TempDir()
	seeds, _ := filepath.Glob(filepath.Join(querytest.SeedDir(), "*.txt"))
	for _, s := range seeds {
		b, _ := os.ReadFile(s)
		os.WriteFile(filepath.Join(dataDir, filepath.Base(s)), b, 0o644)
	}
	tf := loader.ThemeFile{Load: loader.Options{DataDir: dataDir, DBPath: filepath.Join(t.TempDir(), "p.duckdb"), ResourcesDir: t.TempDir()}}
	if _, err := loader.Load(ctx, tf.Load); err != nil {
		t.Fatal(err)
	}
	store, err := queries.OpenStore(ctx, tf.Load.DBPath)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	app := dashboard.New(dashboard.Options{Store: store, Logger: slog.New(slog.NewTextHandler(testLog{t}, nil)),
		Themes: dashboard.ThemeEditor{
			Load: tf.Themes,
			Save: func(ctx context.Context, b []byte) error { _, err := tf.SaveThemes(ctx, b); return err },
		}})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go app.Listener(ln)
	defer app.Shutdown()
	base := "http://" + ln.Addr().String()

	_, page, _ := get(t, base+"/themes/edit")
	if !strings.Contains(page, "anti_fraud") || !strings.Contains(page, "<textarea") {
		t.Fatalf("editor does not show the current theme file")
	}
	token := formToken(t, base+"/themes/edit")
	post := func(content, origin string) (int, string) {
		req, _ := http.NewRequest("POST", base+"/themes/edit", strings.NewReader(url.Values{"themes": {content}, "csrf": {token}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if status, body := post("themes:\n - id: Bad\n   label: x\n   keywords: [a]\n", base); status != 200 || !strings.Contains(body, `data-error="themes"`) || !strings.Contains(body, "lower-case") {
		t.Errorf("broken file: status %d, no clear error", status)
	}
	if _, err := os.Stat(tf.Path()); err == nil {
		t.Error("a refused theme file was written")
	}
	good := "themes:\n - id: fraud\n   label: 反诈专题\n   keywords: [反诈, 诈骗]\n"
	if status, _ := post(good, "http://evil.example"); status != 403 {
		t.Errorf("post from another site: status %d, want 403", status)
	}
	if status, body := post(good, base); status != 200 || !strings.Contains(body, "data-saved") {
		t.Fatalf("good file: status %d, not saved", status)
	}
	if b, _ := os.ReadFile(tf.Path()); string(b) != good {
		t.Errorf("theme file holds %q", b)
	}
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		_, themes, _ := get(t, base+"/themes")
		if strings.Contains(themes, "反诈专题") && !strings.Contains(themes, "网络基础设施") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the themes page does not show the edited dictionary")
		}
	}
}

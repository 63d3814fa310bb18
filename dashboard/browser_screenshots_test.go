package dashboard_test

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

var screenshots = flag.String("screenshots", "", "write the README's pictures of every page, at 31 provinces, to this folder (TestScreenshots; make screenshots)")

// shot is one picture of the README: a page, and either one element of it
// (a chart's figure) or the top of the page at height pixels.
type shot struct {
	file    string
	path    string
	element string // CSS selector; "" for the top of the page
	height  int64
	prepare string // JavaScript run before the picture (opening a list)
	typing  string // typed into the filter bar's province search first
}

var readmeShots = []shot{
	{file: "overview.png", path: "/", height: 1250},
	{file: "themes.png", path: "/themes", element: "#fig-themes-heatmap"},
	{file: "series.png", path: "/themes", element: "#fig-themes-province"},
	{file: "residuals.png", path: "/themes", element: "#fig-themes-residual"},
	{file: "map.png", path: "/themes?theme=anti_fraud", element: "#fig-themes-map"},
	{file: "filter.png", path: "/themes?province=山东省&province=广东省", height: 560, typing: "江"},
	{file: "terms.png", path: "/terms", height: 1400},
	{file: "term.png", path: "/terms?term=5G", element: "#fig-term-provinces"},
	{file: "indicators.png", path: "/indicators", height: 1300},
	{file: "documents.png", path: "/documents", height: 1100},
	{file: "console.png", path: "/sql?q=select+province%2C+count(*)+as+documents+from+documents+group+by+province+order+by+2+desc", height: 1100},
}

// TestScreenshots writes the README's pictures of the dashboard over 300
// synthetic notices from all 31 provinces, when run with -screenshots=DIR
// (make screenshots writes them to docs/).
func TestScreenshots(t *testing.T) {
	if *screenshots == "" {
		t.Skip("run with -screenshots=DIR (make screenshots) to write the README's pictures")
	}
	b := newBrowser(t)
	base := startNational(t)
	if err := os.MkdirAll(*screenshots, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, s := range readmeShots {
		ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
		height := s.height
		if height == 0 {
			height = 1000
		}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(1400, height)); err != nil {
			t.Fatal(err)
		}
		b.checkPage(t, base+s.path, nil, localOnly(base))
		if s.path == "/terms" || s.path == "/terms?term=5G" {
			time.Sleep(2 * time.Second) // the word clouds place their words one by one
		}
		if s.typing != "" {
			if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(`form.filter .ms-search`), s.typing)); err != nil {
				t.Fatal(err)
			}
		}
		var png []byte
		var err error
		if s.element != "" {
			png, err = chromedp.Run(ctx, chromedp.Screenshot(chromedp.CSS(s.element)))
		} else {
			png, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
		}
		if s.typing != "" {
			chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape))
		}
		cancel()
		if err != nil {
			t.Fatalf("%s: %v", s.file, err)
		}
		if err := os.WriteFile(filepath.Join(*screenshots, s.file), png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %s (%d KB)", s.file, s.path, len(png)/1024)
	}
}

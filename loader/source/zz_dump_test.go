package source

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestZZDump(t *testing.T) {
	paths, _ := filepath.Glob(os.Getenv("DUMP"))
	for _, p := range paths {
		d, err := Read(p)
		if err != nil {
			fmt.Println("ERR", err)
			continue
		}
		fmt.Printf("=== %s format=%s enc=%s title=%q\nfront=%v\nbyline=%q\nurls=%q\nwarn=%q\n", p, d.Format, d.Encoding, d.Title, d.Front, d.Byline, d.URLs, d.Warnings)
		r := []rune(d.Text)
		if len(r) > 700 && os.Getenv("FULL") == "" {
			fmt.Println(string(r[:300]), "\n......\n", string(r[len(r)-400:]))
		} else {
			fmt.Println(d.Text)
		}
	}
}

package loader

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// ProgressBar returns a Progress callback that draws a one-line bar on w (a
// terminal), redrawn at most ten times a second and finished with a newline.
func ProgressBar(w io.Writer) func(done, total int) {
	var mu sync.Mutex
	var last time.Time
	start := time.Now()
	return func(done, total int) {
		mu.Lock()
		defer mu.Unlock()
		if done < total && time.Since(last) < 100*time.Millisecond {
			return
		}
		last = time.Now()
		const width = 30
		filled := 0
		if total > 0 {
			filled = done * width / total
		}
		bar := strings.Repeat("█", filled) + strings.Repeat("░", width-filled)
		fmt.Fprintf(w, "\rloading %s %d/%d files  %s", bar, done, total, time.Since(start).Round(time.Second))
		if done >= total {
			fmt.Fprintln(w)
		}
	}
}

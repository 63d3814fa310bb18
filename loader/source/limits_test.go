package source

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/policylens/policylens/loader/internal/hostile"
)

const para = "会议指出，2024年全省新建5G基站3.2万个，累计达到18.6万个，千兆宽带用户突破1200万户，行业反诈工作成效明显。\n"

// TestNoticeLimits: a notice just under the limits is read whole; one over
// either limit is refused with ErrTooLarge and a message naming the limit.
func TestNoticeLimits(t *testing.T) {
	dir := t.TempDir()
	lim := Limits{MaxFileBytes: 64 << 10, MaxTextBytes: 32 << 10}
	write := func(name string, n int) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("四川省通信管理局召开2025年工作会议\n"+strings.Repeat(para, n)), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	n := 30<<10/len(para) - 1
	doc, err := lim.Read(write("under.txt", n))
	if err != nil {
		t.Fatalf("under the limits: %v", err)
	}
	if got := strings.Count(doc.Text, "\n") + 1; got != n {
		t.Errorf("%d paragraphs, want %d", got, n)
	}
	for _, tt := range []struct {
		name string
		n    int
		want string
	}{
		{"text.txt", 40 << 10 / len(para), "--max-notice-text"},
		{"file.txt", 70 << 10 / len(para), "--max-notice-size"},
		{"text.html", 40 << 10 / len(para), "--max-notice-text"},
	} {
		_, err := lim.Read(write(tt.name, tt.n))
		if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: want ErrTooLarge naming %s, got %v", tt.name, tt.want, err)
		}
	}
}

// TestHugeFileRefusedUnread: a 200 MB notice is refused by its size before
// anything is read (the file is sparse: reading it would take 200 MB).
func TestHugeFileRefusedUnread(t *testing.T) {
	p := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("四川省通信管理局召开2025年工作会议\n")
	if err := f.Truncate(200 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err = Read(p)
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "200 MiB") || !strings.Contains(err.Error(), "20 MiB") {
		t.Errorf("want the size and the limit in the error, got %v", err)
	}
	if got := after.TotalAlloc - before.TotalAlloc; got > 1<<20 {
		t.Errorf("refusing a 200 MB file allocated %d bytes", got)
	}
}

// TestDocxBombs: zip bombs are refused with the true reason, by declared
// size or ratio before inflating, by the bytes actually inflated when the
// archive lies, and in every case without inflating more than the limits.
func TestDocxBombs(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		name string
		opts hostile.BombOptions
		want string
	}{
		{"honest", hostile.BombOptions{Size: 1 << 30, Declared: -1}, "declares 1 GiB uncompressed"},
		{"ratio", hostile.BombOptions{Size: 16 << 20, Declared: -1}, "more than 100 to 1"},
		{"lying", hostile.BombOptions{Size: 1 << 30, Declared: 100 << 10}, "inflates past the 100 KiB it declares"},
		{"zero", hostile.BombOptions{Size: 1 << 30, Declared: 0}, "inflates past the 0 bytes it declares"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(dir, tt.name+".docx")
			if err := hostile.DocxBomb(p, tt.opts); err != nil {
				t.Fatal(err)
			}
			if st, _ := os.Stat(p); st.Size() > 2<<20 {
				t.Fatalf("bomb of %d bytes, want about 1 MB", st.Size())
			}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, err := Read(p)
			runtime.ReadMemStats(&after)
			if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "word/document.xml") {
				t.Errorf("want ErrTooLarge (%q), got %v", tt.want, err)
			}
			if err != nil && strings.Contains(err.Error(), "XML syntax") {
				t.Errorf("misleading reason: %v", err)
			}
			if got := after.TotalAlloc - before.TotalAlloc; got > 64<<20 {
				t.Errorf("refusing the bomb allocated %d MB", got>>20)
			}
		})
	}
}

// TestDocxTextLimit: a .docx whose paragraphs pass the text limit is
// refused while it is read.
func TestDocxTextLimit(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	w.Write([]byte(`<w:document xmlns:w="x"><w:body>`))
	for range 2000 {
		w.Write([]byte(`<w:p><w:r><w:t>` + para + `</w:t></w:r></w:p>`))
	}
	w.Write([]byte(`</w:body></w:document>`))
	zw.Close()
	_, err := Limits{MaxTextBytes: 64 << 10}.Parse("a.docx", buf.Bytes())
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "--max-notice-text") {
		t.Errorf("want the text limit, got %v", err)
	}
	if _, err := Parse("a.docx", buf.Bytes()); err != nil {
		t.Errorf("under the default limits: %v", err)
	}
}

func TestByteSize(t *testing.T) {
	for in, want := range map[string]int64{"20MB": 20 << 20, "20m": 20 << 20, "512K": 512 << 10, "1.5GiB": 3 << 29, "4096": 4096, " 2 mb ": 2 << 20, "10 bytes": 10} {
		var b ByteSize
		if err := b.Set(in); err != nil || int64(b) != want {
			t.Errorf("Set(%q) = %d, %v; want %d", in, b, err, want)
		}
	}
	for _, in := range []string{"", "x", "-1", "0", "1T", "MB", "1e30"} {
		var b ByteSize
		if err := b.Set(in); err == nil {
			t.Errorf("Set(%q) = %d, want an error", in, b)
		}
	}
	if s := ByteSize(20 << 20).String(); s != "20 MiB" {
		t.Errorf("String = %q", s)
	}
}

// TestFileName: names that are not UTF-8 become readable ones.
func TestFileName(t *testing.T) {
	for _, tt := range []struct{ raw, want, how string }{
		{"山东/通知.txt", "山东/通知.txt", ""},
		{"\xc9\xbd\xb6\xab/\xcd\xa8\xd6\xaa.txt", "山东/通知.txt", "decoded as GB18030"},
		{"caf\xe9.txt", `caf\xe9.txt`, "its bytes outside ASCII written as \\xNN"},
		{"\xcd\xa8\xd6\xaa/\xc9\xbd\xb6\xab.txt", "通知/山东.txt", "decoded as GB18030"},
		{"山东/\xff\xfe.txt", `山东/\xff\xfe.txt`, "its bytes outside ASCII written as \\xNN"},
	} {
		name, how := FileName(tt.raw)
		if name != tt.want || how != tt.how {
			t.Errorf("FileName(%q) = %q, %q; want %q, %q", tt.raw, name, how, tt.want, tt.how)
		}
	}
}

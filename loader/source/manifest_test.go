package source

import (
	"os"
	"strings"
	"testing"
)

func TestReadManifest(t *testing.T) {
	// The layout of loader/testdata/real/sources.csv.
	f, err := os.Open("../testdata/real/sources.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, err := ReadManifest(f)
	if err != nil {
		t.Fatal(err)
	}
	if m.Len() != 260 || len(m.Skipped) != 0 {
		t.Errorf("real sources.csv: %d addresses, skipped %v; want 260 and none", m.Len(), m.Skipped)
	}
	if u, ok := m.Lookup("notices/A02_72a8e35c4483d83a.txt"); !ok || u != "http://www.cqn.com.cn/cj/content/2019-11/11/content_7754495.htm" {
		t.Errorf("Lookup by file name under a folder = %q, %v", u, ok)
	}

	for _, tt := range []struct {
		name, csv string
		want      map[string]string // file -> address; nil: an error containing err
		err       string
		skipped   int
	}{
		{"doc column, a path", "doc,url\nsub/a.txt,https://x.gov.cn/a.html\n", map[string]string{"sub/a.txt": "https://x.gov.cn/a.html", "a.txt": ""}, "", 0},
		{"file column, BOM, case", "\ufeffFile,URL\na.txt,http://x.cn/1\n", map[string]string{"a.txt": "http://x.cn/1"}, "", 0},
		{"a note for an address is skipped", "id,url\na.txt,(search result without an address)\nb.txt,http://x.cn/b\n", map[string]string{"a.txt": "", "b.txt": "http://x.cn/b"}, "", 1},
		{"empty url", "id,url\na.txt,\n", map[string]string{"a.txt": ""}, "", 0},
		{"unknown column", "id,ulr\na.txt,http://x.cn\n", nil, `unknown column "ulr"`, 0},
		{"no url column", "id,site\na.txt,x.cn\n", nil, "needs a file column", 0},
		{"no file column", "url\nhttp://x.cn\n", nil, "needs a file column", 0},
		{"broken CSV", "id,url\n\"a.txt,http://x.cn\n", nil, "not CSV", 0},
		{"ragged row", "id,url\na.txt,http://x.cn,extra\n", nil, "not CSV", 0},
		{"empty", "", nil, "empty file", 0},
	} {
		m, err := ReadManifest(strings.NewReader(tt.csv))
		if tt.want == nil {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: err %v, want one containing %q", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		for file, want := range tt.want {
			if got, _ := m.Lookup(file); got != want {
				t.Errorf("%s: Lookup(%q) = %q, want %q", tt.name, file, got, want)
			}
		}
		if len(m.Skipped) != tt.skipped {
			t.Errorf("%s: skipped %v, want %d", tt.name, m.Skipped, tt.skipped)
		}
	}
}

// TestAddressLine reads the page's address from the text: a labelled
// line anywhere, a bare address at the top or bottom; a bare link in the
// middle of the page is not its address. The line leaves the body.
func TestAddressLine(t *testing.T) {
	body := "全省新建5G基站2.3万个，累计开通5G基站9.6万个，实现乡镇以上区域全覆盖。"
	for _, tt := range []struct {
		name, text, want string
	}{
		{"原文链接", "湖南5G建设提速\n" + body + "\n原文链接：http://www.cqn.com.cn/cj/content/2019-11/11/content_7754495.htm", "http://www.cqn.com.cn/cj/content/2019-11/11/content_7754495.htm"},
		{"来源 with an address", "来源：https://gxca.miit.gov.cn/a/202106/t20210603_1.html\n" + body, "https://gxca.miit.gov.cn/a/202106/t20210603_1.html"},
		{"URL:", "标题\nURL: https://x.gov.cn/2020-07/31/c_1.htm\n" + body, "https://x.gov.cn/2020-07/31/c_1.htm"},
		{"bare at the top", "https://x.gov.cn/2020-07/31/c_1.htm\n标题\n" + body, "https://x.gov.cn/2020-07/31/c_1.htm"},
		{"bare at the bottom", "标题\n" + body + "\nhttp://x.cn/t20191111_2.html", "http://x.cn/t20191111_2.html"},
		{"bare in the middle", "标题\n" + body + "\n一\n二\nhttp://x.cn/t20191111_2.html\n" + body + "\n三\n四\n" + body, ""},
		{"none", "标题\n" + body, ""},
	} {
		doc, err := Parse("a.txt", []byte(tt.text))
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if doc.Address != tt.want {
			t.Errorf("%s: Address = %q, want %q", tt.name, doc.Address, tt.want)
		}
		if tt.want != "" && (doc.AddressFrom != "text" || strings.Contains(doc.Text, "http")) {
			t.Errorf("%s: AddressFrom %q, body %q: want text, and no address in the body", tt.name, doc.AddressFrom, doc.Text)
		}
	}
}

package loader

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/policylens/policylens/data"
)

// TestResourcesVersionCoversMetaLexicon checks that the metadata word lists
// enter the resources version: the same file as the built-in one gives the
// built-in version, an edited list another, so a load rebuilds on it.
func TestResourcesVersionCoversMetaLexicon(t *testing.T) {
	builtin, err := readResources("")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	same := filepath.Join(dir, metaLexFile)
	if err := os.WriteFile(same, data.MetaLexicon, 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := readResources(dir)
	if err != nil {
		t.Fatal(err)
	}
	if r.origin[metaLexFile] != same || r.version() != builtin.version() {
		t.Errorf("a copy of the built-in meta lexicon: origin %q, version %s, want %s", r.origin[metaLexFile], r.version(), builtin.version())
	}
	edited := strings.Replace(string(data.MetaLexicon), "  - 近日\n", "  - 近日\n  - 日内\n", 1)
	if edited == string(data.MetaLexicon) {
		t.Fatal("the edit did not apply")
	}
	if err := os.WriteFile(same, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	if r, err = readResources(dir); err != nil {
		t.Fatal(err)
	}
	if r.version() == builtin.version() {
		t.Error("an edited meta lexicon left the resources version unchanged")
	}
	if _, err := r.build(); err != nil {
		t.Errorf("the edited lexicon does not build: %v", err)
	}
}

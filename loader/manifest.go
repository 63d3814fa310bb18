package loader

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/policylens/policylens/loader/source"
)

// Page addresses. Analysts keep the address of every page they save, in a
// manifest (source.ManifestName, sources.csv) with a file column and a url
// column. A manifest applies to the notices in its folder and every
// folder below it; the data dir's parent may hold one too, for the layout
// of a labelled set (set/sources.csv beside set/notices/). Where two
// manifests name a notice, the nearer one wins. The address becomes part
// of the notice's stat and hash, so adding or changing its row re-derives
// that notice (and no other) on the next load.

// manifests finds and caches the manifests of one scan.
type manifests struct {
	root   *os.Root
	parent string // the data dir's parent folder, absolute
	base   string // the data dir's name within parent
	byDir  map[string]*source.Manifest
	issues []Issue // manifests that could not be read
}

func newManifests(root *os.Root, realDir string) *manifests {
	return &manifests{root: root, parent: filepath.Dir(realDir), base: filepath.Base(realDir), byDir: map[string]*source.Manifest{}}
}

// in is the manifest of folder dir ("." the data dir, ".." its parent),
// nil when it has none or it cannot be read (an issue then names it).
func (ms *manifests) in(dir string) *source.Manifest {
	if m, ok := ms.byDir[dir]; ok {
		return m
	}
	var (
		m    *source.Manifest
		f    fs.File
		err  error
		name = path.Join(dir, source.ManifestName)
	)
	if dir == ".." {
		f, err = os.Open(filepath.Join(ms.parent, source.ManifestName))
	} else {
		f, err = ms.root.Open(name)
	}
	if err == nil {
		m, err = source.ReadManifest(f)
		f.Close()
	}
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		m = nil
		ms.issues = append(ms.issues, Issue{Path: name, Severity: "error",
			Message: fmt.Sprintf("page-address manifest not used: %v", source.BareError(err))})
	}
	if m != nil && len(m.Skipped) > 0 {
		ms.issues = append(ms.issues, Issue{Path: name, Severity: "warning",
			Message: fmt.Sprintf("page-address manifest: %d rows skipped: %s", len(m.Skipped), strings.Join(m.Skipped, "; "))})
	}
	ms.byDir[dir] = m
	return m
}

// addressOf is the address the nearest manifest gives the notice at rel
// ('/'-separated, relative to the data dir), "" when none does.
func (ms *manifests) addressOf(rel string) string {
	dir := path.Dir(rel)
	for {
		sub := rel
		if dir != "." {
			sub = rel[len(dir)+1:]
		}
		if u, ok := ms.in(dir).Lookup(sub); ok {
			return u
		}
		if dir == "." {
			break
		}
		dir = path.Dir(dir)
	}
	if u, ok := ms.in("..").Lookup(ms.base + "/" + rel); ok {
		return u
	}
	return ""
}

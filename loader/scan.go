package loader

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/policylens/policylens/loader/source"
)

// dataDir is the opened data folder. Every notice is read through root, so
// no read can leave the folder, whatever symbolic links say.
type dataDir struct {
	root      *os.Root
	lim       source.Limits
	manifests *manifests
}

func (d *dataDir) close() error { return d.root.Close() }

// diskFile is one supported file found under the data dir.
type diskFile struct {
	path  string   // its name in the database: relative, '/' separated, valid UTF-8
	name  string   // relative, '/' separated, as the file system spells it
	hash  string   // "" when the file was not read (an error, or too large)
	stat  string   // size and modification time of the file and its sidecar, and its address; "" when too recent to trust
	url   string   // the page's address from a manifest (sources.csv), "" when none
	err   error    // the file cannot be loaded (nil: read it)
	notes []string // warnings about the file itself (its name)
	in    *dataDir
}

// read reads and cleans the notice.
func (f *diskFile) read() (*source.Document, error) {
	doc, err := f.in.lim.ReadIn(f.in.root, f.name)
	if err != nil {
		if errors.Is(err, source.ErrTooLarge) {
			// Whether it fits depends on the limits, not only on the file:
			// record no verdict, so a later load with other limits retries.
			f.hash = ""
		}
		return nil, err
	}
	doc.Warnings = append(append([]string(nil), f.notes...), doc.Warnings...)
	if f.url != "" {
		doc.Address, doc.AddressFrom = f.url, "manifest"
	}
	return doc, nil
}

// scan lists the supported files under dir (or just only), gives each a
// name valid as UTF-8 and its stat (hashFiles hashes them). Files that cannot be loaded are
// listed with their reason: symbolic links leading out of dir, files over
// the size limit, special files, unreadable folders. Links to folders
// inside dir are not followed (their notices are loaded under their own
// path).
func scan(dir string, only []string, lim source.Limits) (*dataDir, []*diskFile, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, nil, err
	}
	real, err := filepath.EvalSymlinks(dir)
	if err == nil {
		real, err = filepath.Abs(real)
	}
	if err != nil {
		root.Close()
		return nil, nil, err
	}
	s := &scanner{dir: dir, real: real, in: &dataDir{root: root, lim: lim, manifests: newManifests(root, real)}, now: time.Now()}
	if only != nil {
		for _, rel := range only {
			s.only(rel)
		}
	} else if err := s.walk("."); err != nil {
		root.Close()
		return nil, nil, err
	}
	s.nameFiles()
	sort.Slice(s.files, func(i, j int) bool { return s.files[i].path < s.files[j].path })
	return s.in, s.files, nil
}

// hashFiles hashes the files on workers, but those whose stat is the one
// the database recorded with their hash: an unchanged file is not read
// again, so a load after adding one notice to 100,000 reads one notice.
func hashFiles(files []*diskFile, known map[string]fileRecord, workers int) {
	var todo []*diskFile
	for _, f := range files {
		if f.err != nil {
			continue
		}
		if rec, ok := known[f.path]; ok && f.stat != "" && rec.stat == f.stat {
			f.hash = rec.hash
			continue
		}
		todo = append(todo, f)
	}
	next := make(chan *diskFile)
	var wg sync.WaitGroup
	for range min(workers, len(todo)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range next {
				f.hash, f.err = hashFile(f.in.root, f.name, f.url)
			}
		}()
	}
	for _, f := range todo {
		next <- f
	}
	close(next)
	wg.Wait()
}

// racyWindow is how recent a file's modification time may be and still be
// trusted to change with its content: a file written within it of the scan
// could change again without its time changing (a coarse clock, a FAT
// file system's two seconds), so it is hashed on every load until it is older.
const racyWindow = 3 * time.Second

// statOf is the part of a stat that changes when a file is written.
func statOf(st fs.FileInfo) string {
	return strconv.FormatInt(st.Size(), 10) + ":" + strconv.FormatInt(st.ModTime().UnixNano(), 10)
}

// scanner collects the files of one scan.
type scanner struct {
	dir   string // the data dir as given
	real  string // the data dir, absolute, symbolic links resolved
	in    *dataDir
	files []*diskFile
	now   time.Time // when the scan began
}

func (s *scanner) add(name string, err error) *diskFile {
	f := &diskFile{name: name, err: err, in: s.in}
	s.files = append(s.files, f)
	return f
}

// walk lists the folder p (relative to the data dir) and everything under
// it but hidden files and folders. (Not fs.WalkDir: io/fs wants names in
// UTF-8, and a data folder need not have them.)
func (s *scanner) walk(p string) error {
	var entries []fs.DirEntry
	// The folder opened once as a root of its own: each of its files is
	// then one stat, not a walk down from the data dir.
	dir, err := s.in.root.OpenRoot(p)
	if err == nil {
		defer dir.Close()
		var f *os.File
		if f, err = dir.Open("."); err == nil {
			entries, err = f.ReadDir(-1)
			f.Close()
		}
	}
	if err != nil {
		if p == "." {
			return err
		}
		// An unreadable sub-folder is reported as a failed file.
		s.add(p, fmt.Errorf("cannot read the folder: %w", source.BareError(err)))
		return nil
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name() < entries[j].Name() })
	listed := make(map[string]bool, len(entries))
	for _, d := range entries {
		listed[d.Name()] = true
	}
	for _, d := range entries {
		name := d.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		if p != "." {
			name = p + "/" + name
		}
		switch {
		case d.IsDir():
			if err := s.walk(name); err != nil {
				return err
			}
		case d.Type()&fs.ModeSymlink != 0:
			s.link(name)
		case !source.Supported(name):
		case !d.Type().IsRegular():
			s.add(name, fmt.Errorf("not a regular file (%s)", d.Type()))
		default:
			s.regular(name, dir, listed)
		}
	}
	return nil
}

// only adds one file named by the caller (add), whatever it is.
func (s *scanner) only(rel string) {
	p := path.Clean(filepath.ToSlash(rel))
	st, err := s.in.root.Lstat(p)
	switch {
	case err != nil:
		s.add(p, source.BareError(err))
	case st.Mode()&fs.ModeSymlink != 0:
		s.link(p)
	case !st.Mode().IsRegular():
		s.add(p, fmt.Errorf("not a regular file (%s)", st.Mode().Type()))
	default:
		s.regular(p, nil, nil)
	}
}

// regular adds a regular file, refusing it unread when it is over the size
// limit, with its stat and its sidecar's. dir, when set, is its folder
// opened as a root and listed the names in it (nil: look the sidecar up).
func (s *scanner) regular(p string, dir *os.Root, listed map[string]bool) {
	stat := func(name string) (fs.FileInfo, error) {
		if dir != nil {
			return dir.Stat(path.Base(name))
		}
		return s.in.root.Stat(name)
	}
	st, err := stat(p)
	if err != nil {
		s.add(p, source.BareError(err))
		return
	}
	f := s.add(p, s.in.lim.FileSize(st.Size()))
	f.stat = statOf(st)
	recent := st.ModTime().After(s.now.Add(-racyWindow))
	for _, sp := range source.SidecarPaths(p) {
		if listed != nil && !listed[path.Base(sp)] {
			continue
		}
		if sst, err := stat(sp); err == nil {
			f.stat += " " + statOf(sst)
			recent = recent || sst.ModTime().After(s.now.Add(-racyWindow))
			break
		}
	}
	if f.url = s.in.manifests.addressOf(p); f.url != "" {
		f.stat += " url:" + f.url
	}
	if recent {
		f.stat = ""
	}
}

// link adds the symbolic link p if it leads to a notice inside the data
// dir, and refuses it, named, if it leads outside. Links to folders inside
// are not followed; links to other files are ignored like the files.
func (s *scanner) link(p string) {
	target, err := filepath.EvalSymlinks(filepath.Join(s.dir, filepath.FromSlash(p)))
	if err == nil {
		target, err = filepath.Abs(target)
	}
	if err != nil {
		if source.Supported(p) {
			s.add(p, fmt.Errorf("broken symbolic link: %w", source.BareError(err)))
		}
		return
	}
	st, statErr := os.Stat(target)
	if !within(s.real, target) {
		if source.Supported(p) || (statErr == nil && st.IsDir()) {
			s.add(p, fmt.Errorf("symbolic link leads outside the data folder (to %s): not read", source.DisplayName(target)))
		}
		return
	}
	// Inside: read it through the root, which also refuses a chain that
	// passes outside on its way back in.
	st, err = s.in.root.Stat(p)
	switch {
	case err != nil:
		if source.Supported(p) {
			s.add(p, fmt.Errorf("symbolic link passes outside the data folder: not read (%w)", source.BareError(err)))
		}
	case st.IsDir(), !source.Supported(p):
	case !st.Mode().IsRegular():
		s.add(p, fmt.Errorf("not a regular file (%s)", st.Mode().Type()))
	default:
		s.regular(p, nil, nil)
	}
}

// within reports whether the absolute path p is dir or lies under it.
func within(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// nameFiles gives every file its name in the database. A name that is not
// valid UTF-8 (GBK from a zip made on Chinese Windows) is decoded or
// escaped, with a warning; one whose readable form another file already
// has is escaped instead, or failing that refused.
func (s *scanner) nameFiles() {
	taken := map[string]bool{}
	var odd []*diskFile
	for _, f := range s.files {
		if name, how := source.FileName(f.name); how == "" {
			f.path = name
			taken[name] = true
		} else {
			odd = append(odd, f)
		}
	}
	sort.Slice(odd, func(i, j int) bool { return odd[i].name < odd[j].name })
	for _, f := range odd {
		name, how := source.FileName(f.name)
		if taken[name] {
			name, how = source.EscapeName(f.name), "its bytes outside ASCII written as \\xNN (decoded, it would be the name of another file)"
		}
		f.path = name
		if taken[name] {
			if f.err == nil {
				f.err = fmt.Errorf("file name is not valid UTF-8 and its readable form is the name of another file: rename it")
			}
			continue
		}
		taken[name] = true
		f.notes = append(f.notes, fmt.Sprintf("file name is not valid UTF-8: %s (the bytes on disk: %s)", how, source.EscapeName(f.name)))
	}
}

// hashFile digests a notice together with its sidecar metadata file and
// the address a manifest gives it, so that editing any of them reloads the
// notice.
func hashFile(root *os.Root, name, url string) (string, error) {
	h := sha256.New()
	if err := hashInto(h, root, name); err != nil {
		return "", source.BareError(err)
	}
	for _, sp := range source.SidecarPaths(name) {
		if err := hashInto(h, root, sp); err == nil {
			break
		}
	}
	if url != "" {
		fmt.Fprintf(h, "\x00url %s", url)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func hashInto(h hash.Hash, root *os.Root, name string) error {
	f, err := root.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	fmt.Fprintf(h, "%s\n", path.Base(name))
	_, err = io.Copy(h, f)
	return err
}

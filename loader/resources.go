package loader

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/policylens/policylens/data"
	"github.com/policylens/policylens/loader/extract"
	"github.com/policylens/policylens/loader/gazetteer"
	"github.com/policylens/policylens/loader/meta"
	"github.com/policylens/policylens/loader/segment"
	"github.com/policylens/policylens/loader/themes"
)

// Resource files, relative to the resources directory.
const (
	themesFile  = "themes.yaml"
	domainFile  = "dict/domain.txt"
	stopFile    = "dict/stopwords.txt"
	metricsFile = "metrics.yaml"
	unitsFile   = "units.yaml"
	lexiconFile = "lexicon.yaml"
	// metaLexFile is the metadata inference's word lists.
	metaLexFile = "meta_lexicon.yaml"
)

// resourceBytes holds the raw resource files: from the resources directory
// when present there, else the copies embedded in the binary.
type resourceBytes struct {
	themes, domain, stop, metrics, units, lexicon, metaLex []byte
	// origin says where each file came from, for the summary and meta table.
	origin map[string]string
}

func readResources(dir string) (*resourceBytes, error) {
	r := &resourceBytes{origin: map[string]string{}}
	for _, f := range []struct {
		name     string
		dst      *[]byte
		embedded []byte
	}{
		{themesFile, &r.themes, data.Themes},
		{domainFile, &r.domain, data.DomainDict},
		{stopFile, &r.stop, data.StopWords},
		{metricsFile, &r.metrics, data.Metrics},
		{unitsFile, &r.units, data.Units},
		{lexiconFile, &r.lexicon, data.Lexicon},
		{metaLexFile, &r.metaLex, data.MetaLexicon},
	} {
		*f.dst = f.embedded
		r.origin[f.name] = "embedded"
		if dir == "" {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(f.name))
		b, err := os.ReadFile(p)
		switch {
		case err == nil:
			*f.dst = b
			r.origin[f.name] = p
		case errors.Is(err, fs.ErrNotExist):
		default:
			return nil, fmt.Errorf("read %s: %w", p, err)
		}
	}
	return r, nil
}

// version is a digest of everything that decides the rows a notice yields
// besides its own bytes: the resource files and the code that processes
// notices (codeVersion, derived from the source at build time).
func (r *resourceBytes) version() string {
	h := sha256.New()
	for _, b := range [][]byte{[]byte(codeVersion), r.themes, r.domain, r.stop, r.metrics, r.units, r.lexicon, r.metaLex} {
		fmt.Fprintf(h, "%d:", len(b))
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// themesVersion is a digest of the theme file alone, recorded so that a
// user can tell which version of the theme dictionary produced the scores.
func (r *resourceBytes) themesVersion() string {
	sum := sha256.Sum256(r.themes)
	return hex.EncodeToString(sum[:])[:12]
}

// resources are the parsed, ready-to-use processing resources.
type resources struct {
	version   string
	themes    *themes.Set
	extractor *extract.Extractor
	metaLex   *meta.Lexicon
	gaz       *gazetteer.Gazetteer

	// The segmenter takes a second or two of one core to build (gse's
	// dictionary); it is built in the background while the load scans,
	// reads and extracts, and waited for only where a notice is segmented.
	segReady chan struct{}
	seg      *segment.Segmenter
	segErr   error
}

// build parses the resources and starts building the segmenter.
func (r *resourceBytes) build() (*resources, error) {
	ts, err := themes.Parse(themesFile, r.themes)
	if err != nil {
		return nil, err
	}
	cat, err := extract.ParseCatalogue(r.metrics)
	if err != nil {
		return nil, fmt.Errorf("metrics catalogue %s: %w", r.origin[metricsFile], err)
	}
	units, err := extract.ParseUnits(r.units)
	if err != nil {
		return nil, fmt.Errorf("unit catalogue %s: %w", r.origin[unitsFile], err)
	}
	lex, err := extract.ParseLexicon(r.lexicon)
	if err != nil {
		return nil, fmt.Errorf("lexicon %s: %w", r.origin[lexiconFile], err)
	}
	metaLex, err := meta.ParseLexicon(r.metaLex)
	if err != nil {
		return nil, fmt.Errorf("meta lexicon %s: %w", r.origin[metaLexFile], err)
	}
	gaz := gazetteer.Default()
	res := &resources{
		version:   r.version(),
		themes:    ts,
		extractor: extract.New(cat, extract.WithUnits(units), extract.WithLexicon(lex), extract.WithGazetteer(gaz)),
		metaLex:   metaLex,
		gaz:       gaz,
		segReady:  make(chan struct{}),
	}
	go func() {
		defer close(res.segReady)
		res.seg, res.segErr = segment.New(r.domain, r.stop, ts.Keywords())
	}()
	return res, nil
}

// segmenter waits for the segmenter to be built.
func (r *resources) segmenter() (*segment.Segmenter, error) {
	<-r.segReady
	return r.seg, r.segErr
}

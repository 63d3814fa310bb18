package synth

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"
)

// DocumentColumns is the header of documents.csv: the columns of
// ../shared/gold/seed_documents.csv, then doc_type and format.
var DocumentColumns = []string{"doc", "title", "province", "city", "county", "level", "issuer", "published", "reviewed_year", "plan_year", "doc_type", "format"}

// IndicatorColumns is the header of indicators.csv: the gold format of
// ../shared/gold/seed_indicators.csv with scope and scope_place.
var IndicatorColumns = []string{"doc", "kind", "year", "metric", "value", "value_max", "unit", "qualifier", "surface", "scope", "scope_place"}

// Manifest describes a written corpus.
type Manifest struct {
	NoticesDir     string // where the notices were written
	DocumentsCSV   string // path of documents.csv
	IndicatorsCSV  string // path of indicators.csv
	Notices        int    // number of notice files
	Indicators     int    // number of indicator rows
	Bytes          int64  // total size of the notice files
	ByFormat       map[string]int
	ByDocType      map[string]int
	ByLevel        map[string]int
	IndicatorKinds map[string]int
}

// WriteCorpus writes opts.N notices under noticesDir (in subdirectories
// d00, d01 …) and their truth as documents.csv and indicators.csv in
// truthDir. It streams: memory does not grow with N. Existing files with
// the same names are overwritten; nothing else is removed.
func WriteCorpus(noticesDir, truthDir string, opts Options) (Manifest, error) {
	m := Manifest{
		NoticesDir:     noticesDir,
		DocumentsCSV:   filepath.Join(truthDir, "documents.csv"),
		IndicatorsCSV:  filepath.Join(truthDir, "indicators.csv"),
		ByFormat:       map[string]int{},
		ByDocType:      map[string]int{},
		ByLevel:        map[string]int{},
		IndicatorKinds: map[string]int{},
	}
	if err := os.MkdirAll(truthDir, 0o755); err != nil {
		return m, fmt.Errorf("synth: create truth dir %s: %w", truthDir, err)
	}
	docs, err := newCSVFile(m.DocumentsCSV, DocumentColumns)
	if err != nil {
		return m, err
	}
	defer docs.close()
	inds, err := newCSVFile(m.IndicatorsCSV, IndicatorColumns)
	if err != nil {
		return m, err
	}
	defer inds.close()

	made := map[string]bool{}
	err = Each(opts, func(n Notice) error {
		p := filepath.Join(noticesDir, filepath.FromSlash(n.Path))
		if d := filepath.Dir(p); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return fmt.Errorf("synth: create %s: %w", d, err)
			}
			made[d] = true
		}
		if err := os.WriteFile(p, []byte(n.Text), 0o644); err != nil {
			return fmt.Errorf("synth: write %s: %w", p, err)
		}
		if err := docs.w.Write(documentRecord(n.Meta)); err != nil {
			return fmt.Errorf("synth: write %s: %w", m.DocumentsCSV, err)
		}
		for _, in := range n.Indicators {
			if err := inds.w.Write(indicatorRecord(in)); err != nil {
				return fmt.Errorf("synth: write %s: %w", m.IndicatorsCSV, err)
			}
			m.IndicatorKinds[in.Kind]++
		}
		m.Notices++
		m.Indicators += len(n.Indicators)
		m.Bytes += int64(len(n.Text))
		m.ByFormat[n.Meta.Format]++
		m.ByDocType[n.Meta.DocType]++
		m.ByLevel[n.Meta.Level]++
		return nil
	})
	if err != nil {
		return m, err
	}
	if err := docs.close(); err != nil {
		return m, err
	}
	return m, inds.close()
}

// csvFile is a CSV writer over a buffered file.
type csvFile struct {
	path   string
	f      *os.File
	bw     *bufio.Writer
	w      *csv.Writer
	closed bool
}

func newCSVFile(path string, header []string) (*csvFile, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("synth: create %s: %w", path, err)
	}
	c := &csvFile{path: path, f: f, bw: bufio.NewWriterSize(f, 1<<16)}
	c.w = csv.NewWriter(c.bw)
	if err := c.w.Write(header); err != nil {
		f.Close()
		return nil, fmt.Errorf("synth: write %s: %w", path, err)
	}
	return c, nil
}

func (c *csvFile) close() error {
	if c.closed {
		return nil
	}
	c.closed = true
	c.w.Flush()
	err := c.w.Error()
	if e := c.bw.Flush(); err == nil {
		err = e
	}
	if e := c.f.Close(); err == nil {
		err = e
	}
	if err != nil {
		return fmt.Errorf("synth: write %s: %w", c.path, err)
	}
	return nil
}

func yearField(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

// FormatValue writes a value as the gold files do: plain decimal, no
// exponent, no trailing zeros (242000, 99.99, 1000000000000).
func FormatValue(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func documentRecord(t Truth) []string {
	pub := ""
	if !t.Published.IsZero() {
		pub = t.Published.Format("2006-01-02")
	}
	return []string{t.Doc, t.Title, t.Province, t.City, t.County, t.Level, t.Issuer, pub,
		yearField(t.ReviewedYear), yearField(t.PlanYear), t.DocType, t.Format}
}

func indicatorRecord(in TruthIndicator) []string {
	vmax := ""
	if in.HasMax {
		vmax = FormatValue(in.ValueMax)
	}
	return []string{in.Doc, in.Kind, yearField(in.Year), in.Metric, FormatValue(in.Value), vmax, in.Unit, in.Qualifier, in.Surface, in.Scope, ""}
}

// ReadDocuments reads a documents CSV: the file WriteCorpus writes, or a
// gold seed_documents.csv (without doc_type and format). Columns are found
// by header name.
func ReadDocuments(path string) ([]Truth, error) {
	var out []Truth
	err := readCSV(path, []string{"doc", "title", "province", "level"}, func(get func(string) string) error {
		t := Truth{Doc: get("doc"), Title: get("title"), Province: get("province"), City: get("city"), County: get("county"),
			Level: get("level"), Issuer: get("issuer"), DocType: get("doc_type"), Format: get("format")}
		var err error
		if s := get("published"); s != "" {
			if t.Published, err = time.Parse("2006-01-02", s); err != nil {
				return fmt.Errorf("published %q: %w", s, err)
			}
		}
		if t.ReviewedYear, err = atoiEmpty(get("reviewed_year")); err != nil {
			return fmt.Errorf("reviewed_year: %w", err)
		}
		if t.PlanYear, err = atoiEmpty(get("plan_year")); err != nil {
			return fmt.Errorf("plan_year: %w", err)
		}
		out = append(out, t)
		return nil
	})
	return out, err
}

// ReadIndicators reads an indicators CSV in the gold format.
func ReadIndicators(path string) ([]TruthIndicator, error) {
	var out []TruthIndicator
	err := readCSV(path, IndicatorColumns[:9], func(get func(string) string) error {
		in := TruthIndicator{Doc: get("doc"), Kind: get("kind"), Metric: get("metric"), Unit: get("unit"), Qualifier: get("qualifier"), Surface: get("surface"), Scope: get("scope")}
		var err error
		if in.Year, err = atoiEmpty(get("year")); err != nil {
			return fmt.Errorf("year: %w", err)
		}
		if in.Value, err = strconv.ParseFloat(get("value"), 64); err != nil {
			return fmt.Errorf("value: %w", err)
		}
		if s := get("value_max"); s != "" {
			if in.ValueMax, err = strconv.ParseFloat(s, 64); err != nil {
				return fmt.Errorf("value_max: %w", err)
			}
			in.HasMax = true
		}
		out = append(out, in)
		return nil
	})
	return out, err
}

func atoiEmpty(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	return strconv.Atoi(s)
}

// readCSV calls row for each record with a getter by column name; need
// lists the columns that must be present.
func readCSV(path string, need []string, row func(get func(string) string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("synth: read %s: %w", path, err)
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReader(f))
	header, err := r.Read()
	if err != nil {
		return fmt.Errorf("synth: read %s header: %w", path, err)
	}
	col := map[string]int{}
	for i, h := range header {
		if i == 0 {
			h = trimBOM(h)
		}
		col[h] = i
	}
	for _, n := range need {
		if _, ok := col[n]; !ok {
			return fmt.Errorf("synth: read %s: no column %q", path, n)
		}
	}
	var rec []string
	get := func(name string) string {
		if i, ok := col[name]; ok && i < len(rec) {
			return rec[i]
		}
		return ""
	}
	for line := 2; ; line++ {
		rec, err = r.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("synth: read %s: %w", path, err)
		}
		if err := row(get); err != nil {
			return fmt.Errorf("synth: read %s line %d: %w", path, line, err)
		}
	}
}

func trimBOM(s string) string {
	if len(s) >= 3 && s[:3] == "\xef\xbb\xbf" {
		return s[3:]
	}
	return s
}

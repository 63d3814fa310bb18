package eval

import (
	"context"
	"database/sql"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/policylens/policylens/loader/gazetteer"
	"github.com/policylens/policylens/loader/meta"
)

// DocFields are the metadata fields scored against a documents CSV, in
// the order they are reported: the columns of shared/gold/seed_documents.csv
// that the loader infers and a reader can check (title and issuer are free
// text and are not scored).
var DocFields = []string{"province", "city", "county", "level", "published", "reviewed_year", "plan_year"}

// GoldDoc is one hand-labelled notice's metadata: a row of a documents CSV
// (doc,title,province,city,county,level,issuer,published,reviewed_year,
// plan_year). Values holds each of DocFields the file has a column for, in
// the form it is compared in (see docValues); a field the file lacks is
// not scored.
type GoldDoc struct {
	Doc    string // file name of the notice
	Values map[string]string
}

// LoadedDoc is a notice's metadata as the database holds it.
type LoadedDoc struct {
	File                          string // path relative to the data dir
	CopyOf                        string // for a file recorded as a copy, the document it copies (whose metadata this is); else ""
	Province, City, County, Level string
	Published                     time.Time // zero when unknown
	ReviewedYear, PlanYear        int       // 0 when unknown
}

// ReadGoldDocs reads a documents CSV with a header row naming doc and any
// of DocFields. Empty cells are labels too: an empty city says the notice
// is not local, an empty plan_year that it sets out no year's tasks, and
// the database must then hold no value either.
func ReadGoldDocs(r io.Reader) ([]GoldDoc, error) {
	t, err := newLabelledCSV(r, "documents")
	if err != nil {
		return nil, err
	}
	if !t.has("doc") {
		return nil, fmt.Errorf("documents: header lacks column %q", "doc")
	}
	var fields []string
	for _, f := range DocFields {
		if t.has(f) {
			fields = append(fields, f)
		}
	}
	if len(fields) == 0 {
		return nil, fmt.Errorf("documents: header names none of %s", strings.Join(DocFields, ", "))
	}
	var out []GoldDoc
	for {
		more, err := t.next()
		if !more {
			return out, err
		}
		get, line := t.get, t.line
		d := GoldDoc{Doc: get("doc"), Values: map[string]string{}}
		if d.Doc == "" {
			continue
		}
		var ld LoadedDoc
		ld.Province, ld.City, ld.County, ld.Level = get("province"), get("city"), get("county"), get("level")
		if s := get("published"); s != "" {
			if ld.Published, err = parseDate(s); err != nil {
				return nil, fmt.Errorf("documents: line %d: published %q is not a date (YYYY-MM-DD)", line, s)
			}
		}
		for _, y := range []struct {
			name string
			dst  *int
		}{{"reviewed_year", &ld.ReviewedYear}, {"plan_year", &ld.PlanYear}} {
			if s := strings.TrimSuffix(get(y.name), "年"); s != "" {
				if *y.dst, err = strconv.Atoi(s); err != nil {
					return nil, fmt.Errorf("documents: line %d: %s %q is not a year", line, y.name, s)
				}
			}
		}
		all := docValues(ld)
		for _, f := range fields {
			d.Values[f] = all[f]
		}
		out = append(out, d)
	}
}

// ReadGoldDocsFiles reads and concatenates several documents CSV files.
func ReadGoldDocsFiles(paths ...string) ([]GoldDoc, error) {
	return readFiles(ReadGoldDocs, paths)
}

// parseDate reads a labelled publication date: 2024-01-22 as the gold
// README writes it, and the forms a hand-made file slips into (2024-1-22,
// 2024/1/22, 2024.1.22, 2024年1月22日, a time after the date).
func parseDate(s string) (time.Time, error) {
	s, _, _ = strings.Cut(s, " ")
	var err error
	for _, layout := range []string{"2006-1-2", "2006/1/2", "2006.1.2", "2006年1月2日"} {
		var t time.Time
		if t, err = time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, err
}

//go:embed LoadedDocuments.sql
var loadedDocumentsSQL string

// LoadedDocuments reads the metadata of every loaded notice, and of every
// file recorded as a copy of one (with the metadata of the document it
// copies, which is what the dashboard shows for it).
func LoadedDocuments(ctx context.Context, db *sql.DB) ([]LoadedDoc, error) {
	rows, err := db.QueryContext(ctx, loadedDocumentsSQL)
	if err != nil {
		return nil, fmt.Errorf("query LoadedDocuments: %w", err)
	}
	defer rows.Close()
	var out []LoadedDoc
	for rows.Next() {
		var d LoadedDoc
		var copyOf, province, city, county, level sql.NullString
		var published sql.NullTime
		var reviewed, plan sql.NullInt64
		if err := rows.Scan(&d.File, &copyOf, &province, &city, &county, &level, &published, &reviewed, &plan); err != nil {
			return nil, fmt.Errorf("query LoadedDocuments: scan: %w", err)
		}
		d.CopyOf, d.Province, d.City, d.County, d.Level = copyOf.String, province.String, city.String, county.String, level.String
		if published.Valid {
			d.Published = published.Time
		}
		d.ReviewedYear, d.PlanYear = int(reviewed.Int64), int(plan.Int64)
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("query LoadedDocuments: %w", err)
	}
	return out, nil
}

// docValues is a notice's metadata in the form both sides are compared in:
// places as the loader stores them (simplified characters, the gazetteer's
// full name: 广西 → 广西壮族自治区, 滨州 → 滨州市; a municipality's district
// with or without the municipality as its city), unknown and empty alike
// as "", the level in lower case, the date as YYYY-MM-DD and years as
// digits ("" for unknown, whether the database holds NULL or 0).
func docValues(d LoadedDoc) map[string]string {
	province, city, county := canonPlaces(gazetteer.Default(), d.Province, d.City, d.County)
	published := ""
	if !d.Published.IsZero() {
		published = d.Published.Format("2006-01-02")
	}
	return map[string]string{
		"province": province, "city": city, "county": county,
		"level":         placeForm(strings.ToLower(d.Level)),
		"published":     published,
		"reviewed_year": yearForm(d.ReviewedYear),
		"plan_year":     yearForm(d.PlanYear),
	}
}

func yearForm(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

// placeForm is a place name or level as the loader stores text, with the
// loader's unknown as "".
func placeForm(s string) string {
	s = loadedForm(strings.TrimSpace(s))
	if s == meta.Unknown {
		return ""
	}
	return s
}

// canonPlaces puts a province, city and county into the gazetteer's full
// names, reading each name in the province (and city) above it; a name the
// gazetteer does not know stays as written. A municipality's city is its
// own name or empty; both compare as empty.
func canonPlaces(g *gazetteer.Gazetteer, province, city, county string) (string, string, string) {
	province, city, county = placeForm(province), placeForm(city), placeForm(county)
	if p, ok := g.Province(province); ok {
		province = p.Province
	}
	city = canonUnit(g, city, gazetteer.LevelCity, province, "")
	if city == province {
		// A district of a municipality: the gazetteer, and so the loader,
		// gives it the municipality as its city (上海市, 上海市, 崇明区);
		// labels write that or leave the city empty. Both say the same.
		city = ""
	}
	county = canonUnit(g, county, gazetteer.LevelCounty, province, city)
	return province, city, county
}

// canonUnit is the full name of the unit of the given level known as name:
// the one under province (and city) if there is one, else the only one in
// the country. A municipality named as a city (北京 for the city of a
// district of Beijing) is its full name.
func canonUnit(g *gazetteer.Gazetteer, name, level, province, city string) string {
	if name == "" {
		return ""
	}
	var all []gazetteer.Place
	for _, c := range g.Lookup(name) {
		if c.Level == level {
			all = append(all, c.Place)
			if c.Province == province && (city == "" || c.City == city) {
				return c.Name()
			}
		}
	}
	if len(all) == 1 {
		return all[0].Name()
	}
	if level == gazetteer.LevelCity && len(all) == 0 {
		if p, ok := g.Province(name); ok && strings.HasSuffix(p.Province, "市") {
			return p.Province
		}
	}
	return name
}

// DocMiss is a gold document whose field the database got wrong.
type DocMiss struct {
	Doc, Gold, Got string // Gold and Got in compared form; "" is empty or unknown
}

// FieldScore is one field's accuracy over the gold documents that label it;
// a gold document missing from the database counts wrong.
type FieldScore struct {
	Field    string
	Right, N int
	Wrong    []DocMiss // documents found with a wrong value (the missing ones are in DocReport.Missing)
}

// Accuracy is Right over N (1 when nothing was scored).
func (f FieldScore) Accuracy() float64 { return ratio(f.Right, f.N) }

// DocReport holds the metadata scores of a run.
type DocReport struct {
	Gold    int      // gold documents
	Missing []string // gold documents neither loaded nor recorded as a copy
	Copies  []string // gold documents scored through the document they copy: "copy → original"
	Fields  []FieldScore
}

// ScoreDocs matches each gold document to a loaded one by file name (the
// same path, else the same base name: the gold names a notice by its file,
// the database by its path under the data dir) and scores each field.
func ScoreDocs(gold []GoldDoc, loaded []LoadedDoc) DocReport {
	byPath := map[string]LoadedDoc{}
	byBase := map[string]LoadedDoc{}
	for _, d := range loaded {
		byPath[d.File] = d
		if _, ok := byBase[baseName(d.File)]; !ok {
			byBase[baseName(d.File)] = d // loaded is in path order: the first path wins
		}
	}
	r := DocReport{Gold: len(gold)}
	scores := map[string]*FieldScore{}
	for _, f := range DocFields {
		scores[f] = &FieldScore{Field: f}
	}
	for _, g := range gold {
		d, ok := byPath[g.Doc]
		if !ok {
			d, ok = byBase[baseName(g.Doc)]
		}
		if !ok {
			r.Missing = append(r.Missing, g.Doc)
		} else if d.CopyOf != "" {
			r.Copies = append(r.Copies, g.Doc+" → "+d.CopyOf)
		}
		var got map[string]string
		if ok {
			got = docValues(d)
		}
		for _, f := range DocFields {
			want, labelled := g.Values[f]
			if !labelled {
				continue
			}
			s := scores[f]
			s.N++
			switch {
			case !ok:
			case got[f] == want:
				s.Right++
			default:
				s.Wrong = append(s.Wrong, DocMiss{Doc: g.Doc, Gold: want, Got: got[f]})
			}
		}
	}
	for _, f := range DocFields {
		if scores[f].N > 0 {
			r.Fields = append(r.Fields, *scores[f])
		}
	}
	return r
}

// Write prints the per-field table, then the missing documents and each
// field's wrong values (doc, gold, got), for a builder to sort into
// classes of error.
func (r DocReport) Write(w io.Writer) {
	fmt.Fprintf(w, "documents: gold %d  found %d  missing %d (a missing one counts wrong in every field)\n",
		r.Gold, r.Gold-len(r.Missing), len(r.Missing))
	fmt.Fprintf(w, "%-14s %8s %11s\n", "field", "accuracy", "right/gold")
	for _, f := range r.Fields {
		fmt.Fprintf(w, "%-14s %8.3f %11s\n", f.Field, f.Accuracy(), fmt.Sprintf("%d/%d", f.Right, f.N))
	}
	if len(r.Missing) > 0 {
		fmt.Fprintf(w, "\nmissing from the database (%d):\n", len(r.Missing))
		for _, d := range r.Missing {
			fmt.Fprintf(w, "  %s\n", d)
		}
	}
	if len(r.Copies) > 0 {
		fmt.Fprintf(w, "\nloaded as copies, scored with the metadata of the document they copy (%d):\n", len(r.Copies))
		for _, d := range r.Copies {
			fmt.Fprintf(w, "  %s\n", d)
		}
	}
	for _, f := range r.Fields {
		if len(f.Wrong) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s wrong (%d):\n", f.Field, len(f.Wrong))
		for _, m := range f.Wrong {
			fmt.Fprintf(w, "  %s  gold %s  got %s\n", m.Doc, orDash(m.Gold), orDash(m.Got))
		}
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// SetOf is the set a notice belongs to by the letters its file name starts
// with (A01_….txt → A, b07_….txt → b, DE3_….txt → DE); "-" for a name that
// starts with none (the seeds' 000_….txt).
func SetOf(doc string) string {
	b := baseName(doc)
	i := strings.IndexFunc(b, func(r rune) bool { return !(r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z') })
	if i < 0 {
		i = len(b)
	}
	if i == 0 {
		return "-"
	}
	return b[:i]
}

// WriteDocSets prints the metadata scores split by SetOf, one row per set
// of the gold documents and a row for all of them.
func WriteDocSets(w io.Writer, gold []GoldDoc, loaded []LoadedDoc) {
	groups := map[string][]GoldDoc{}
	for _, g := range gold {
		groups[SetOf(g.Doc)] = append(groups[SetOf(g.Doc)], g)
	}
	fmt.Fprintf(w, "documents by set:\n%-6s %5s %7s", "set", "docs", "missing")
	for _, f := range DocFields {
		fmt.Fprintf(w, " %13s", f)
	}
	fmt.Fprintln(w)
	row := func(set string, gs []GoldDoc) {
		r := ScoreDocs(gs, loaded)
		fmt.Fprintf(w, "%-6s %5d %7d", set, r.Gold, len(r.Missing))
		acc := map[string]float64{}
		for _, f := range r.Fields {
			acc[f.Field] = f.Accuracy()
		}
		for _, f := range DocFields {
			if a, ok := acc[f]; ok {
				fmt.Fprintf(w, " %13.3f", a)
			} else {
				fmt.Fprintf(w, " %13s", "-")
			}
		}
		fmt.Fprintln(w)
	}
	for _, s := range sortedSets(groups) {
		row(s, groups[s])
	}
	row("all", gold)
}

// WriteIndicatorSets prints the indicator scores split by SetOf (of the
// gold rows' documents and of the predictions' files), one row per set
// and a row for all of them.
func WriteIndicatorSets(w io.Writer, gold []Gold, pred []Prediction) {
	golds := map[string][]Gold{}
	preds := map[string][]Prediction{}
	sets := map[string]bool{}
	for _, g := range gold {
		golds[SetOf(g.Doc)] = append(golds[SetOf(g.Doc)], g)
		sets[SetOf(g.Doc)] = true
	}
	for _, p := range pred {
		preds[SetOf(p.File)] = append(preds[SetOf(p.File)], p)
		sets[SetOf(p.File)] = true
	}
	fmt.Fprintf(w, "indicators by set:\n%-6s %5s %5s %9s %7s %6s %6s %6s %9s %6s %6s %6s\n",
		"set", "docs", "gold", "predicted", "matched", "P", "R", "F1", "target F1", "year", "year+0", "scope")
	row := func(set string, g []Gold, p []Prediction) {
		docs := map[string]bool{}
		for _, x := range g {
			docs[baseName(x.Doc)] = true
		}
		r := Score(g, p)
		scope := "-"
		if r.ScopeN > 0 {
			scope = fmt.Sprintf("%.3f", r.ScopeAcc)
		}
		fmt.Fprintf(w, "%-6s %5d %5d %9d %7d %6.3f %6.3f %6.3f %9.3f %6.3f %6.3f %6s\n", set, len(docs), r.Gold, r.Predicted,
			r.Matched, r.Precision, r.Recall, r.F1, r.TargetF1, r.YearAcc, r.YearAccAll, scope)
	}
	for _, s := range sortedSets(sets) {
		row(s, golds[s], preds[s])
	}
	row("all", gold, pred)
}

func sortedSets[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	// A, b, C …: the order the team names its sets in.
	sort.Slice(out, func(i, j int) bool {
		if li, lj := strings.ToLower(out[i]), strings.ToLower(out[j]); li != lj {
			return li < lj
		}
		return out[i] < out[j]
	})
	return out
}

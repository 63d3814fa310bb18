package queries

import (
	"context"
	"database/sql"
)

// Theme is one theme of the theme file: its id, Chinese label, position and
// keywords (joined with 、).
type Theme struct {
	Theme    string
	Label    string
	Order    int
	Keywords string
}

// Themes lists the themes in file order.
func Themes(ctx context.Context, db *sql.DB) ([]Theme, error) {
	return selectRows(ctx, db, "Themes", func(r *sql.Rows, v *Theme) error {
		return r.Scan(&v.Theme, &v.Label, &v.Order, &v.Keywords)
	})
}

// ThemeCell is the intensity of one theme in one province and year:
// keyword hits per 10,000 tokens of the documents in the cell.
type ThemeCell struct {
	Province  string
	Year      int // 0 when unknown
	Theme     string
	Label     string
	Order     int
	Documents int64
	Hits      int64
	Tokens    int64
	Per10k    float64
}

// ThemeByProvinceYear returns theme intensity by province, year and theme
// for the filtered documents; with the zero Filter it equals the view
// theme_intensity.
func ThemeByProvinceYear(ctx context.Context, db *sql.DB, f Filter) ([]ThemeCell, error) {
	return selectRows(ctx, db, "ThemeByProvinceYear", func(r *sql.Rows, v *ThemeCell) error {
		var year sql.NullInt64
		err := r.Scan(&v.Province, &year, &v.Theme, &v.Label, &v.Order, &v.Documents, &v.Hits, &v.Tokens, &v.Per10k)
		v.Year = nullInt(year)
		return err
	}, f.args()...)
}

// ProvinceTheme is the intensity of one theme in one province over the
// filtered years, with the hits expected if provinces did not differ in
// emphasis and the adjusted standardised residual: beyond ±2 the province
// stresses the theme more (or less) than the others at about 5%.
type ProvinceTheme struct {
	Province  string
	Theme     string
	Label     string
	Order     int
	Documents int64
	Hits      int64
	Tokens    int64
	Per10k    float64
	Expected  float64
	Residual  float64
}

// ThemeByProvince returns theme intensity by province and theme for the
// filtered documents; with the zero Filter it equals the view
// theme_by_province.
func ThemeByProvince(ctx context.Context, db *sql.DB, f Filter) ([]ProvinceTheme, error) {
	return selectRows(ctx, db, "ThemeByProvince", func(r *sql.Rows, v *ProvinceTheme) error {
		return r.Scan(&v.Province, &v.Theme, &v.Label, &v.Order, &v.Documents, &v.Hits, &v.Tokens, &v.Per10k, &v.Expected, &v.Residual)
	}, f.args()...)
}

// ThemeSentence is a sentence that mentions a theme, with the keywords of
// the theme it contains.
type ThemeSentence struct {
	ConcordanceLine
	Keywords []string
}

// ThemeSentences returns up to limit sentences of the filtered documents
// that contain a keyword of theme: what a cell of the themes heatmap
// counts.
func ThemeSentences(ctx context.Context, db *sql.DB, f Filter, theme string, limit int) ([]ThemeSentence, error) {
	if limit <= 0 {
		limit = 200
	}
	args := append(f.args(), sql.Named("theme", theme), sql.Named("limit", limit))
	return selectRows(ctx, db, "ThemeSentences", func(r *sql.Rows, v *ThemeSentence) error {
		var year sql.NullInt64
		var kws []any
		err := r.Scan(&v.DocID, &v.SentenceNo, &v.Title, &v.Province, &v.City, &v.County, &year, &v.Text, &kws)
		v.Year = nullInt(year)
		for _, k := range kws {
			if s, ok := k.(string); ok {
				v.Keywords = append(v.Keywords, s)
			}
		}
		return err
	}, args...)
}

// ThemeFileVersion says which version of the theme dictionary produced the
// theme scores of a database, as the loader recorded it in meta. A field
// the database lacks (an older file) is "".
type ThemeFileVersion struct {
	// Themes is a digest of the theme file alone (meta themes_version).
	Themes string
	// Resources is a digest of every processing resource: dictionaries,
	// stop words, themes, metrics (meta resources_version).
	Resources string
	// File is where the theme file came from: "embedded" or its path.
	File string
	// LoadedAt is when the last load finished (RFC 3339).
	LoadedAt string
}

// ThemeVersion reads from meta which version of the theme file the
// scores were computed from.
func ThemeVersion(ctx context.Context, db *sql.DB) (ThemeFileVersion, error) {
	rows, err := selectRows(ctx, db, "ThemeVersion", func(r *sql.Rows, v *ThemeFileVersion) error {
		return r.Scan(&v.Themes, &v.Resources, &v.File, &v.LoadedAt)
	})
	if err != nil || len(rows) == 0 {
		return ThemeFileVersion{}, err
	}
	return rows[0], nil
}

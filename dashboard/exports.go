package dashboard

import (
	"bufio"
	"context"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/policylens/policylens/queries"
)

// exportTimeout bounds one export; an export streams every row, so it may
// run longer than a page.
const exportTimeout = 5 * time.Minute

// exportFormats are the formats of /export/:table.:format, with their
// content types.
var exportFormats = map[string]string{
	queries.FormatCSV:     "text/csv; charset=utf-8",
	queries.FormatJSON:    fiber.MIMEApplicationJSONCharsetUTF8,
	queries.FormatParquet: "application/vnd.apache.parquet",
}

// exportTable names the table behind each paginated list of the
// dashboard and builds it from a request: the same filter and fields as
// the page, every row.
var exportTables = map[string]func(r request) (queries.Table, error){
	"documents": func(r request) (queries.Table, error) {
		f := parseDocFilters(r.query)
		key, desc := r.query.Get("sort"), r.query.Get("dir") == "desc"
		return queries.DocumentsTable(parseFilter(r.query), f.list(key, desc, queries.Page{})), nil
	},
	"indicators": func(r request) (queries.Table, error) {
		return queries.IndicatorsTable(parseFilter(r.query), r.query.Get("metric"), parseIndicatorSelect(r.query)), nil
	},
	"targets": func(r request) (queries.Table, error) {
		return queries.TargetsTable(parseFilter(r.query), r.query.Get("metric")), nil
	},
	"search": func(r request) (queries.Table, error) {
		s, err := queries.ParseSearch(r.query.Get("q"), r.query.Get("mode") == "regex")
		if err != nil {
			return queries.Table{}, fiber.NewError(fiber.StatusBadRequest, strings.TrimPrefix(err.Error(), queries.ErrBadSearch.Error()+": "))
		}
		return queries.SearchTable(parseFilter(r.query), s), nil
	},
}

// exportPage is the page whose parameters each table's export reads.
var exportPage = map[string]string{"documents": "documents", "indicators": "indicators", "targets": "indicators", "search": "search"}

// exportParams are the parameters of /export/TABLE.FORMAT: those of the
// page the table is on, and the file name.
func exportParams(table string) []paramSpec {
	return append(slices.Clone(pageParams[exportPage[table]]),
		matchParam("file", "文件", `[a-z]+\.(?:csv|json|parquet)`, 32).inPath())
}

// jsonParams are the parameters of /json/NAME: the page's own and its name.
func jsonParams(page string) []paramSpec {
	return append(slices.Clone(pageParams[page]), matchParam("page", "页面", `[a-z][a-z-]*`, 32).inPath())
}

// exportLink is the address of a whole table in one format, with the
// request's filter and fields (its page dropped).
func exportLink(r request, table, format string) string {
	if r.site.static {
		return ""
	}
	q := with(with(r.query, "page", ""), "tpage", "")
	link := "/export/" + table + "." + format
	if len(q) > 0 {
		link += "?" + q.Encode()
	}
	return link
}

// exportLinks are a table's download links in every format.
type exportLinks struct{ CSV, JSON, Parquet string }

func tableExports(r request, table string) exportLinks {
	return exportLinks{exportLink(r, table, queries.FormatCSV), exportLink(r, table, queries.FormatJSON), exportLink(r, table, queries.FormatParquet)}
}

// tableExport streams a whole table (/export/documents.csv?...). The rows
// are written as they are read, after the handler returns, on a database
// handle of their own; a failure half-way ends the download short, which
// the client sees as a broken transfer rather than a silently short file.
func (s *server) tableExport(c *fiber.Ctx) error {
	name, format, ok := strings.Cut(c.Params("file"), ".")
	build := exportTables[name]
	ctype := exportFormats[format]
	if !ok || build == nil || ctype == "" {
		return fiber.ErrNotFound
	}
	if err := s.export[name].check(c); err != nil {
		return err
	}
	var table queries.Table
	if err := s.withDB(c, func(r request) error {
		var err error
		table, err = build(r)
		return err
	}); err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, ctype)
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+name+"."+format+`"`)
	store, log := s.store, s.log
	c.Context().SetBodyStreamWriter(func(w *bufio.Writer) {
		ctx, cancel := context.WithTimeout(context.Background(), exportTimeout)
		defer cancel()
		var err error
		if format == queries.FormatParquet {
			err = store.WriteParquet(ctx, table, w)
		} else {
			err = func() error {
				db, release, err := store.DB(ctx)
				if err != nil {
					return err
				}
				defer release()
				rw, err := queries.NewRowWriter(w, format)
				if err != nil {
					return err
				}
				_, err = table.Write(ctx, db, rw)
				return err
			}()
		}
		if err == nil {
			err = w.Flush()
		}
		if err != nil {
			log.Error("export failed", "table", name, "format", format, "err", err)
		}
	})
	return nil
}

// chartData is one chart's data in the JSON of a page.
type chartData struct {
	Name    string     `json:"name"`
	Title   string     `json:"title"`
	Query   string     `json:"query,omitempty"`
	Columns []string   `json:"columns"`
	Rows    [][]string `json:"rows"`
}

// pageJSON serves the data of every chart of a page as JSON
// (/json/themes?...), built by the same code that draws the page, with the
// addresses of its tables' complete exports.
func (s *server) pageJSON(c *fiber.Ctx) error {
	name := c.Params("page")
	build, ok := pages[name]
	if !ok || name == "document" {
		return fiber.ErrNotFound
	}
	if err := s.json[name].check(c); err != nil {
		return err
	}
	return s.withDB(c, func(r request) error {
		p, err := build(r)
		if err != nil {
			return err
		}
		out := struct {
			Page   string                 `json:"page"`
			Title  string                 `json:"title"`
			Charts []chartData            `json:"charts"`
			Tables map[string]exportLinks `json:"tables,omitempty"`
		}{Page: name, Title: p.Title, Charts: []chartData{}, Tables: p.Exports}
		for _, cv := range p.Charts {
			rows := cv.rows
			if rows == nil {
				rows = [][]string{}
			}
			out.Charts = append(out.Charts, chartData{Name: cv.Name, Title: cv.Title, Query: cv.Query, Columns: cv.header, Rows: rows})
		}
		c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSONCharsetUTF8)
		enc := json.NewEncoder(c)
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	})
}

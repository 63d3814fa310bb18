package dashboard

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/filesystem"

	"github.com/policylens/policylens/queries"
)

// Options configure the dashboard server.
type Options struct {
	// Store is the read-only database the pages query.
	Store *queries.Store
	// Dev reads templates and static files from dashboard/ on disk on every
	// request (run from the repository root), for editing them live.
	Dev bool
	// Logger receives internal errors, once each; nil discards them.
	Logger *slog.Logger
	// Themes, when set, lets users edit the theme file from the themes
	// page; the dashboard then rewrites that one file and reloads.
	Themes ThemeEditor
	// AllowHosts are host names the server answers to besides 127.0.0.1,
	// localhost and [::1]: the host of --addr and each --allow-host. A
	// request naming any other host is refused (421), which defeats DNS
	// rebinding.
	AllowHosts []string
}

// pageTimeout bounds the queries of one page; the views are small, so
// anything longer is a fault, not a slow page.
const pageTimeout = 30 * time.Second

type server struct {
	themes ThemeEditor
	store  *queries.Store
	render *renderer
	log    *slog.Logger
	csrf   csrfToken
	csv    map[string]*paramChecker // parameter check of /csv/NAME/... and /json/NAME/...
	json   map[string]*paramChecker // parameter check of /json/NAME
	export map[string]*paramChecker // parameter check of /export/TABLE.FORMAT
}

// route is one route of the dashboard: a method (GET also answers HEAD),
// a path, the parameters it reads (see params.go) and its handler.
type route struct {
	method string
	path   string
	params []paramSpec
	handle fiber.Handler
}

// routes lists every route the dashboard answers. Other methods on these
// paths get 405 with Allow, other paths 404.
func (s *server) routes() []route {
	pageRoute := func(path, name string) route {
		return route{fiber.MethodGet, path, pageParams[name], s.page(name)}
	}
	return []route{
		pageRoute("/", "overview"),
		pageRoute("/themes", "themes"),
		pageRoute("/theme-sentences", "theme-sentences"),
		pageRoute("/terms", "terms"),
		pageRoute("/kwic", "kwic"),
		pageRoute("/indicators", "indicators"),
		pageRoute("/documents", "documents"),
		pageRoute("/search", "search"),
		pageRoute("/documents/:id", "document"),
		{fiber.MethodGet, "/themes/edit", nil, s.themeEdit},
		{fiber.MethodPost, "/themes/edit", []paramSpec{themesFileParam, csrfParam}, s.themeEdit},
		{fiber.MethodGet, "/csv/:page/:chart", nil, s.chartCSV},
		{fiber.MethodGet, "/json/:page/:chart", nil, s.chartJSON},
		{fiber.MethodGet, "/json/:page", nil, s.pageJSON},
		{fiber.MethodGet, "/export/:file", nil, s.tableExport},
		{fiber.MethodGet, "/sql", []paramSpec{sqlParam}, s.console},
		{fiber.MethodPost, "/sql", []paramSpec{sqlParam, csrfParam}, s.console},
		{fiber.MethodGet, "/sql.csv", []paramSpec{sqlParam}, s.consoleDownload("csv")},
		{fiber.MethodGet, "/sql.json", []paramSpec{sqlParam}, s.consoleDownload("json")},
	}
}

// New returns the dashboard as a Fiber app: the pages, their CSV data, the
// SQL console and the embedded assets under /assets/. Every request passes
// the Host allow-list and the fetch-metadata check, and its parameters the
// declarations of params.go, before a handler runs. Errors become a status
// and an error page; internal ones are logged once.
func New(opts Options) *fiber.App {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &server{themes: opts.Themes, store: opts.Store, render: newRenderer(opts.Dev), log: log,
		csrf: newCSRFToken(), csv: map[string]*paramChecker{}}
	s.json, s.export = map[string]*paramChecker{}, map[string]*paramChecker{}
	for name := range pages {
		s.csv[name] = newParamChecker(csvParams(name))
		s.json[name] = newParamChecker(jsonParams(name))
	}
	for table := range exportTables {
		s.export[table] = newParamChecker(exportParams(table))
	}
	app := fiber.New(fiber.Config{
		AppName:               "policylens",
		DisableStartupMessage: true,
		ErrorHandler:          s.handleError,
		ReadTimeout:           time.Minute,
		WriteTimeout:          time.Minute,
		BodyLimit:             maxFormBytes,
		// Room for a console query in a link (/sql?q=...): the parameter
		// check, not the header parser, then answers an over-long one.
		ReadBufferSize: 256 << 10,
	})

	app.Use(securityHeaders)
	app.Use(hostGuard(allowedHosts(opts.AllowHosts)))
	app.Use(fetchGuard)

	var assets fs.FS
	if opts.Dev {
		assets = os.DirFS("dashboard/static")
	} else {
		assets, _ = fs.Sub(staticFiles, "static")
	}
	app.Use("/assets", filesystem.New(filesystem.Config{Root: http.FS(assets), MaxAge: 3600}))

	for _, r := range s.routes() {
		app.Add(r.method, r.path, checkParams(r.params), r.handle)
		if r.method == fiber.MethodGet {
			app.Add(fiber.MethodHead, r.path, checkParams(r.params), r.handle)
		}
	}
	return app
}

// maxFormBytes bounds a request body: the theme file is the largest form.
const maxFormBytes = 1 << 20

// withDB runs fn with the current database handle and the request's
// validated parameters.
func (s *server) withDB(c *fiber.Ctx, fn func(r request) error) error {
	if s.store == nil {
		return errors.New("dashboard: no database store")
	}
	ctx, cancel := context.WithTimeout(c.UserContext(), pageTimeout)
	defer cancel()
	db, release, err := s.store.DB(ctx)
	if err != nil {
		return err
	}
	defer release()
	return fn(request{ctx: ctx, db: db, site: serverSite(), query: params(c), id: strings.Clone(c.Params("id"))})
}

// page serves one page by name.
func (s *server) page(name string) fiber.Handler {
	build := pages[name]
	return func(c *fiber.Ctx) error {
		return s.withDB(c, func(r request) error {
			p, err := build(r)
			if err != nil {
				return err
			}
			return s.send(c, fiber.StatusOK, p)
		})
	}
}

// send renders p and writes it with status. A page served from an old
// database file because the new one failed to open says so.
func (s *server) send(c *fiber.Ctx, status int, p *page) error {
	if s.store != nil {
		if err := s.store.ReloadError(); err != nil {
			p.Stale = err.Error()
		}
	}
	p.CSRF = string(s.csrf)
	body, err := s.render.render(p)
	if err != nil {
		return err
	}
	c.Status(status)
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	return c.Send(body)
}

// chartCSV serves the data of one chart of a page as CSV, built by the same
// code that draws the chart.
func (s *server) chartCSV(c *fiber.Ctx) error {
	return s.chartData(c, func(cv *chartView) error {
		c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
		c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+cv.Name+`.csv"`)
		return writeChartCSV(c, cv)
	})
}

// chartJSON serves the data of one chart of a page as JSON, as chartCSV
// does as CSV.
func (s *server) chartJSON(c *fiber.Ctx) error {
	return s.chartData(c, func(cv *chartView) error {
		rows := cv.rows
		if rows == nil {
			rows = [][]string{}
		}
		c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSONCharsetUTF8)
		enc := json.NewEncoder(c)
		enc.SetEscapeHTML(false)
		return enc.Encode(chartData{Name: cv.Name, Title: cv.Title, Query: cv.Query, Columns: cv.header, Rows: rows})
	})
}

// chartData builds the page of /csv/:page/:chart or /json/:page/:chart
// and hands its chart to write.
func (s *server) chartData(c *fiber.Ctx, write func(*chartView) error) error {
	name, chart := c.Params("page"), c.Params("chart")
	build, ok := pages[name]
	if !ok {
		return fiber.ErrNotFound
	}
	if err := s.csv[name].check(c); err != nil {
		return err
	}
	return s.withDB(c, func(r request) error {
		if name == "document" {
			r.id = r.query.Get("id")
		}
		p, err := build(r)
		if err != nil {
			return err
		}
		cv := p.findChart(chart)
		if cv == nil {
			return fiber.ErrNotFound
		}
		return write(cv)
	})
}

// writeChartCSV writes a chart's data as CSV, UTF-8 with a byte-order
// mark so that Excel on a Chinese Windows reads it right.
func writeChartCSV(w interface{ Write([]byte) (int, error) }, cv *chartView) error {
	if _, err := w.Write([]byte("\uFEFF")); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(cv.header); err != nil {
		return err
	}
	if err := cw.WriteAll(cv.rows); err != nil {
		return err
	}
	return cw.Error()
}

// console serves the SQL console; a query comes as q in the form or URL. A
// query that fails still gets the console page (status 200) with the error
// shown in it: the page itself worked, and the browser logs no failed
// request. The downloads answer a failed query with 400.
func (s *server) console(c *fiber.Ctx) error {
	if c.Method() == fiber.MethodPost {
		if err := s.csrf.checkState(c); err != nil {
			return err
		}
	}
	query := strings.TrimSpace(params(c).Get("q"))
	return s.withDB(c, func(r request) error {
		r.sandbox = s.store
		// A query that comes in a link followed from another site's page
		// is shown, not run: the user runs it with the button.
		p := consolePage(r, query, !fromOtherSite(c))
		return s.send(c, fiber.StatusOK, p)
	})
}

// consoleDownload serves a console query's whole result as CSV (with a
// byte order mark, for Excel) or JSON, streamed as DuckDB's rows are read
// and cut at downloadLimits; a cut file ends with a line that says so. A
// query that fails gets 400 with the reason.
func (s *server) consoleDownload(format string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if fromOtherSite(c) {
			return fiber.NewError(fiber.StatusForbidden, "下载只能从本机仪表板的页面发起。")
		}
		if s.store == nil {
			return errors.New("dashboard: no database store")
		}
		query := strings.TrimSpace(params(c).Get("q"))
		ctx, cancel := context.WithTimeout(context.Background(), downloadTimeout)
		rs, err := s.store.OpenSandboxed(ctx, query, downloadLimits)
		if err != nil {
			cancel()
			return fiber.NewError(fiber.StatusBadRequest, consoleError(err))
		}
		if format == "json" {
			c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSONCharsetUTF8)
			c.Set(fiber.HeaderContentDisposition, `attachment; filename="query.json"`)
		} else {
			c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
			c.Set(fiber.HeaderContentDisposition, `attachment; filename="query.csv"`)
		}
		c.Context().SetBodyStreamWriter(func(w *bufio.Writer) {
			defer cancel()
			defer rs.Close()
			var rw queries.RowWriter
			if format == "json" {
				rw = queries.NewJSONWriter(w, queries.JSONOptions{MarkCut: true})
			} else {
				rw = queries.NewCSVWriter(w, queries.CSVOptions{BOM: true, MarkCut: true})
			}
			if _, err := rs.Copy(rw); err != nil {
				s.log.Warn("console download stopped", "err", err)
			}
		})
		return nil
	}
}

type errorData struct {
	Status  int
	Message string
}

// handleError is the one place errors become responses: a status and an
// error page. Internal errors are logged here, once, and shown without
// their details.
func (s *server) handleError(c *fiber.Ctx, err error) error {
	status := fiber.StatusInternalServerError
	msg := "服务器内部错误，详情见服务日志。"
	var fe *fiber.Error
	switch {
	case errors.As(err, &fe):
		status = fe.Code
		switch status {
		case fiber.StatusNotFound:
			msg = "页面不存在。"
		case fiber.StatusMethodNotAllowed:
			msg = "不支持该请求方法。"
		default:
			msg = fe.Message
		}
	case errors.Is(err, queries.ErrNoDocument):
		status, msg = fiber.StatusNotFound, "没有这篇文档。"
	case errors.Is(err, queries.ErrInvalidText):
		status, msg = fiber.StatusBadRequest, "参数不是有效的 UTF-8 文本。"
	case errors.Is(err, errBadID):
		status, msg = fiber.StatusBadRequest, "文档编号无效。"
	case errors.Is(err, context.DeadlineExceeded):
		status, msg = fiber.StatusServiceUnavailable, "查询超时，请稍后再试。"
	}
	if status >= 500 {
		s.log.Error("dashboard request failed", "method", c.Method(), "path", c.Path(), "err", err)
	}
	p := &page{Name: "error", Title: "出错了", Site: serverSite(), Data: errorData{Status: status, Message: msg}}
	body, rerr := s.render.render(p)
	if rerr != nil {
		s.log.Error("dashboard error page failed", "err", rerr)
		return c.Status(status).SendString(msg)
	}
	c.Status(status)
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	return c.Send(body)
}

// contentSecurityPolicy lets pages load scripts, styles and data only from
// the dashboard itself, so that not even a crafted document or query result
// could make a browser fetch from elsewhere. Nothing inline runs or
// applies: no inline script (chart options are JSON data that app.js
// reads), no inline style (tooltips are built as DOM nodes).
const contentSecurityPolicy = "default-src 'self'; script-src 'self'; " +
	"style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
	"font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// securityHeaders sets the headers every response carries.
func securityHeaders(c *fiber.Ctx) error {
	c.Set("Content-Security-Policy", contentSecurityPolicy)
	c.Set("X-Content-Type-Options", "nosniff")
	c.Set("Referrer-Policy", "no-referrer")
	return c.Next()
}

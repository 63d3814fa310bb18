package queries

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// Result is the outcome of an ad-hoc query: column names and DuckDB type
// names, and rows of printable values (see FormatValue for what a value can
// be). Truncated says the row cap cut the result short.
type Result struct {
	Columns   []string
	Types     []string
	Rows      [][]any
	Truncated bool
	Elapsed   time.Duration
}

// SandboxLimits bounds an ad-hoc query. A zero field takes the default
// (DefaultSandboxTimeout, DefaultSandboxMaxRows); a negative one lifts the
// limit (for the command line, where the user runs their own queries).
type SandboxLimits struct {
	Timeout time.Duration
	MaxRows int
}

// Defaults for SandboxLimits: long enough for any query over the corpus,
// short enough that a runaway query does not hold a core of a shared
// machine; enough rows to read, few enough for a browser table.
const (
	DefaultSandboxTimeout = 10 * time.Second
	DefaultSandboxMaxRows = 10000
)

// ErrQueryRefused marks a query the sandbox will not run; the error's text
// says why ("query refused: writes are not allowed (CREATE TABLE)").
var ErrQueryRefused = errors.New("query refused")

// ErrQueryTimeout marks a query stopped by its time limit ("query timed out
// after 10s").
var ErrQueryTimeout = errors.New("query timed out")

func refuse(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrQueryRefused, fmt.Sprintf(format, args...))
}

// RunSandboxed runs one user-written query on db, which must be a handle
// from a Store (read-only, external access off, configuration locked: the
// real guarantees). On top of those it accepts a single read statement only
// (SELECT, WITH, VALUES, TABLE, FROM-first, DESCRIBE, SHOW, SUMMARIZE,
// EXPLAIN of a read, and the PRAGMAs DuckDB turns into reads such as
// table_info), refuses file-reading functions by name, caps the rows and
// stops the query at the time limit. Each query runs on a fresh connection
// that is thrown away afterwards, so nothing it sets can leak into the
// dashboard's own queries.
//
// Errors wrap ErrQueryRefused, ErrQueryTimeout, or carry DuckDB's own
// message ("query failed: Parser Error: ...").
func RunSandboxed(ctx context.Context, db *sql.DB, query string, lim SandboxLimits) (*Result, error) {
	if db == nil {
		return nil, errors.New("run query: no database handle")
	}
	if lim.Timeout == 0 {
		lim.Timeout = DefaultSandboxTimeout
	}
	if lim.MaxRows == 0 {
		lim.MaxRows = DefaultSandboxMaxRows
	}

	if checkText(query) != nil {
		return nil, refuse("the query is not valid UTF-8 text or contains NUL")
	}
	stmts := splitSQLStatements(query)
	switch {
	case len(stmts) == 0:
		return nil, errors.New("query is empty")
	case len(stmts) > 1:
		return nil, refuse("only one statement at a time is allowed (found %d)", len(stmts))
	}
	q := stmts[0]
	toks := lexSQL(q)
	if err := refuseByKeyword(q, toks); err != nil {
		return nil, err
	}
	if name, ok := findFileAccess(toks); ok {
		return nil, refuse("file access is disabled (%s)", name)
	}
	if name, reason, ok := findDeniedFunction(toks); ok {
		return nil, refuse("%s (%s)", reason, name)
	}

	runCtx := ctx
	if lim.Timeout > 0 {
		var cancel context.CancelFunc
		runCtx, cancel = context.WithTimeout(ctx, lim.Timeout)
		defer cancel()
	}
	conn, err := db.Conn(runCtx)
	if err != nil {
		return nil, sandboxError(ctx, runCtx, lim, err)
	}
	defer discardConn(conn)

	red := pathRedactor(runCtx, conn)
	exec := q
	err = conn.Raw(func(dc any) error {
		c, ok := dc.(*duckdb.Conn)
		if !ok {
			return fmt.Errorf("run query: the sandbox needs a DuckDB connection, got %T", dc)
		}
		exec, err = vetStatement(c, q, toks, lim.MaxRows, 0)
		return err
	})
	if err != nil {
		return nil, red.err(sandboxError(ctx, runCtx, lim, err))
	}

	start := time.Now()
	rows, err := conn.QueryContext(runCtx, exec)
	if err != nil {
		return nil, red.err(sandboxError(ctx, runCtx, lim, err))
	}
	defer rows.Close()
	res, err := collectRows(rows, lim.MaxRows, red)
	if err != nil {
		return nil, red.err(sandboxError(ctx, runCtx, lim, err))
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

// vetStatement prepares q without running it, checks its statement type and
// returns the text to run: q itself, or q wrapped in a LIMIT so that DuckDB
// (whose Go driver materialises whole results) never builds more rows than
// the cap needs.
func vetStatement(c *duckdb.Conn, q string, toks []sqlToken, maxRows, depth int) (string, error) {
	typ, err := statementType(c, q)
	if err != nil {
		return "", err
	}
	switch typ {
	case duckdb.STATEMENT_TYPE_SELECT:
		if maxRows < 0 || depth > 0 {
			return q, nil
		}
		wrapped := "SELECT * FROM (\n" + q + "\n) LIMIT " + strconv.Itoa(maxRows+1)
		if wt, err := statementType(c, wrapped); err == nil && wt == duckdb.STATEMENT_TYPE_SELECT {
			return wrapped, nil
		}
		return q, nil // PRAGMA table_info and the like cannot be a subquery
	case duckdb.STATEMENT_TYPE_EXPLAIN:
		target, ok := explainTarget(q, toks)
		if !ok || depth > 0 {
			return "", refuse("EXPLAIN of this form is not supported")
		}
		if _, err := vetStatement(c, target, lexSQL(target), maxRows, depth+1); err != nil {
			return "", err
		}
		return q, nil
	}
	name := leadingWords(toks)
	if strings.HasPrefix(name, "WITH") || name == "statement" {
		name = stmtTypeNames[typ] // WITH x AS (...) INSERT ...
	}
	return "", refuseStatement(typ, name)
}

// stmtTypeNames names statement types for refusals when the statement's
// first words do not.
var stmtTypeNames = map[duckdb.StmtType]string{
	duckdb.STATEMENT_TYPE_INSERT: "INSERT", duckdb.STATEMENT_TYPE_UPDATE: "UPDATE",
	duckdb.STATEMENT_TYPE_DELETE: "DELETE", duckdb.STATEMENT_TYPE_CREATE: "CREATE",
	duckdb.STATEMENT_TYPE_COPY: "COPY", duckdb.STATEMENT_TYPE_ALTER: "ALTER",
	duckdb.STATEMENT_TYPE_DROP: "DROP", duckdb.STATEMENT_TYPE_SET: "SET",
	duckdb.STATEMENT_TYPE_PRAGMA: "PRAGMA", duckdb.STATEMENT_TYPE_CALL: "CALL",
}

// statementType prepares q on c and returns its type. The driver's
// context-free Prepare refuses text that holds several statements instead
// of running all but the last, which PrepareContext would do.
func statementType(c *duckdb.Conn, q string) (duckdb.StmtType, error) {
	st, err := c.Prepare(q)
	if err != nil {
		if strings.Contains(err.Error(), "multi-statement") {
			return duckdb.STATEMENT_TYPE_INVALID, refuse("the statement expands to several statements " +
				"(PIVOT without an IN list does; list the values with IN (...))")
		}
		return duckdb.STATEMENT_TYPE_INVALID, err
	}
	defer st.Close()
	ds, ok := st.(*duckdb.Stmt)
	if !ok {
		return duckdb.STATEMENT_TYPE_INVALID, fmt.Errorf("prepare query: unexpected statement %T", st)
	}
	return ds.StatementType()
}

// refuseByKeyword refuses statements that DuckDB would already fail to
// prepare for want of file access (COPY, EXPORT and IMPORT DATABASE touch
// files while binding), so that the message names the statement.
func refuseByKeyword(q string, toks []sqlToken) error {
	if len(toks) == 0 || toks[0].kind != tokWord {
		return nil
	}
	switch strings.ToUpper(toks[0].text) {
	case "EXPLAIN":
		if target, ok := explainTarget(q, toks); ok {
			return refuseByKeyword(target, lexSQL(target))
		}
	case "COPY", "EXPORT", "IMPORT":
		return refuse("file access is disabled (%s)", leadingWords(toks))
	}
	return nil
}

// refuseStatement explains why a statement type is not allowed.
func refuseStatement(typ duckdb.StmtType, name string) error {
	switch typ {
	case duckdb.STATEMENT_TYPE_INSERT, duckdb.STATEMENT_TYPE_UPDATE, duckdb.STATEMENT_TYPE_DELETE,
		duckdb.STATEMENT_TYPE_CREATE, duckdb.STATEMENT_TYPE_CREATE_FUNC, duckdb.STATEMENT_TYPE_ALTER,
		duckdb.STATEMENT_TYPE_DROP, duckdb.STATEMENT_TYPE_VACUUM, duckdb.STATEMENT_TYPE_ANALYZE:
		return refuse("writes are not allowed (%s)", name)
	case duckdb.STATEMENT_TYPE_COPY, duckdb.STATEMENT_TYPE_EXPORT:
		return refuse("file access is disabled (%s)", name)
	case duckdb.STATEMENT_TYPE_ATTACH, duckdb.STATEMENT_TYPE_DETACH:
		return refuse("attaching other databases is not allowed (%s)", name)
	case duckdb.STATEMENT_TYPE_LOAD, duckdb.STATEMENT_TYPE_EXTENSION:
		return refuse("extensions cannot be installed or loaded (%s)", name)
	case duckdb.STATEMENT_TYPE_SET, duckdb.STATEMENT_TYPE_VARIABLE_SET:
		return refuse("the configuration is locked (%s)", name)
	case duckdb.STATEMENT_TYPE_PRAGMA:
		return refuse("only PRAGMAs that read the catalog are allowed, such as table_info, show_tables and version (%s)", name)
	case duckdb.STATEMENT_TYPE_CALL:
		if !strings.HasPrefix(name, "CALL") {
			return refuse("writes are not allowed (%s)", name) // CHECKPOINT
		}
		return refuse("CALL is not allowed; write SELECT * FROM function(...) instead (%s)", name)
	case duckdb.STATEMENT_TYPE_TRANSACTION:
		return refuse("transactions are not needed, the database is read-only (%s)", name)
	case duckdb.STATEMENT_TYPE_PREPARE, duckdb.STATEMENT_TYPE_EXECUTE:
		return refuse("prepared statements are not allowed (%s)", name)
	}
	return refuse("only SELECT, WITH, VALUES, TABLE, FROM, DESCRIBE, SHOW, SUMMARIZE and EXPLAIN are allowed (%s)", name)
}

var missingExtension = regexp.MustCompile(`exists in the (\w+) extension`)

// sandboxError turns a failure into the error the user sees.
func sandboxError(parent, run context.Context, lim SandboxLimits, err error) error {
	if errors.Is(err, ErrQueryRefused) {
		return err
	}
	if parent.Err() != nil {
		return fmt.Errorf("query canceled: %w", parent.Err())
	}
	if errors.Is(run.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("%w after %s", ErrQueryTimeout, lim.Timeout)
	}
	var de *duckdb.Error
	if errors.As(err, &de) {
		msg := strings.TrimSpace(de.Msg)
		first, _, _ := strings.Cut(msg, "\n")
		switch {
		case de.Type == duckdb.ErrorTypePermission:
			return refuse("file access is disabled (%s)", first)
		case strings.Contains(msg, "read-only mode"):
			return refuse("writes are not allowed (%s)", first)
		case strings.Contains(msg, "configuration has been locked"):
			return refuse("the configuration is locked (%s)", first)
		}
		if m := missingExtension.FindStringSubmatch(msg); m != nil {
			return refuse("extensions cannot be loaded and %s is not built in (%s)", m[1], first)
		}
		return fmt.Errorf("query failed: %s", msg)
	}
	return fmt.Errorf("query failed: %w", err)
}

// discardConn closes the connection instead of returning it to the pool, so
// that per-connection state the query may have changed goes with it.
func discardConn(conn *sql.Conn) {
	_ = conn.Raw(func(any) error { return driver.ErrBadConn })
	_ = conn.Close()
}

// collectRows reads up to maxRows rows (all, when maxRows < 0) and converts
// their values to printable ones.
func collectRows(rows *sql.Rows, maxRows int, red redactor) (*Result, error) {
	cts, err := rows.ColumnTypes()
	if err != nil {
		return nil, err
	}
	res := &Result{Columns: make([]string, len(cts)), Types: make([]string, len(cts)), Rows: [][]any{}}
	for i, ct := range cts {
		res.Columns[i] = ct.Name()
		res.Types[i] = ct.DatabaseTypeName()
	}
	for rows.Next() {
		if maxRows >= 0 && len(res.Rows) >= maxRows {
			res.Truncated = true
			break
		}
		vals := make([]any, len(cts))
		ptrs := make([]any, len(cts))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		for i, v := range vals {
			vals[i] = red.value(printableValue(v, res.Types[i]))
		}
		res.Rows = append(res.Rows, vals)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return res, nil
}

// redactor hides where the database lives from what a user's query shows:
// the attached file's path (duckdb_databases(), PRAGMA database_list,
// the allowed_paths setting, error messages) becomes its base name, its
// folder and the home directory are left out. The user at the keyboard
// knows the path; the point is that a result shared as a screenshot or a
// file, or read by a page that got past the other defences, does not
// carry it.
type redactor struct{ r *strings.Replacer }

// pathRedactor builds the redactor for the database behind conn.
func pathRedactor(ctx context.Context, conn *sql.Conn) redactor {
	var pairs []string
	var path string
	if err := conn.QueryRowContext(ctx, "SELECT path FROM duckdb_databases() WHERE database_name = ?", StoreCatalog).Scan(&path); err == nil && path != "" {
		pairs = append(pairs, path, filepath.Base(path))
		if dir := filepath.Dir(path); dir != "/" && dir != "." {
			pairs = append(pairs, dir+string(filepath.Separator), "", dir, "…")
		}
	}
	if home, err := os.UserHomeDir(); err == nil && home != "" && home != "/" {
		pairs = append(pairs, home, "~")
	}
	if len(pairs) == 0 {
		return redactor{}
	}
	return redactor{strings.NewReplacer(pairs...)}
}

// text redacts one string.
func (r redactor) text(s string) string {
	if r.r == nil {
		return s
	}
	return r.r.Replace(s)
}

// value redacts the strings in a printable value, nested ones included.
func (r redactor) value(v any) any {
	if r.r == nil {
		return v
	}
	switch x := v.(type) {
	case string:
		return r.text(x)
	case []any:
		for i := range x {
			x[i] = r.value(x[i])
		}
	case NestedObject:
		for i := range x {
			x[i].Key = r.text(x[i].Key)
			x[i].Value = r.value(x[i].Value)
		}
	}
	return v
}

// err redacts an error's message, keeping what it wraps for errors.Is.
func (r redactor) err(err error) error {
	if err == nil || r.r == nil {
		return err
	}
	msg := err.Error()
	if red := r.text(msg); red != msg {
		return redactedError{msg: red, err: err}
	}
	return err
}

type redactedError struct {
	msg string
	err error
}

func (e redactedError) Error() string { return e.msg }
func (e redactedError) Unwrap() error { return e.err }

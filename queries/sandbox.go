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
	"slices"
	"strconv"
	"strings"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// Result is the outcome of an ad-hoc query: column names and DuckDB type
// names, and rows of printable values (see FormatValue for what a value can
// be). Truncated says a cap cut the result short, and Cut which one.
type Result struct {
	Columns   []string
	Types     []string
	Rows      [][]any
	Truncated bool
	Cut       *Cut
	Elapsed   time.Duration
}

// SandboxLimits bounds an ad-hoc query. A zero field takes the default; a
// negative one lifts the limit (for the command line, where the user runs
// their own queries).
type SandboxLimits struct {
	// Timeout stops the query (DefaultSandboxTimeout).
	Timeout time.Duration
	// MaxRows caps the rows (DefaultSandboxMaxRows).
	MaxRows int
	// MaxBytes caps the size of the result (DefaultSandboxMaxBytes):
	// RunSandboxed stops collecting once its values hold this many bytes,
	// StreamSandboxed stops writing once it has written this many.
	MaxBytes int64
	// MaxCellChars, when above 0, cuts every text value to this many
	// characters (plus one, so that a cut shows) inside DuckDB, so that a
	// result of huge values is never built: the console's table, where a
	// person reads the start of a value. 0 keeps values whole.
	MaxCellChars int
}

// Defaults for SandboxLimits: long enough for any query over the corpus,
// short enough that a runaway query does not hold a core of a shared
// machine; enough rows to read, few enough for a browser table; a result
// size a page or a download can carry.
const (
	DefaultSandboxTimeout        = 10 * time.Second
	DefaultSandboxMaxRows        = 10000
	DefaultSandboxMaxBytes int64 = 64 << 20
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
// real guarantees; SandboxDB gives one with its own memory limit). On top
// of those it accepts a single read statement only (SELECT, WITH, VALUES,
// TABLE, FROM-first, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN of a read, and the
// PRAGMAs DuckDB turns into reads such as table_info), refuses
// file-reading functions by name, caps the rows and the bytes, and stops
// the query at the time limit. Each query runs on a fresh connection that
// is thrown away afterwards, so nothing it sets can leak into the
// dashboard's own queries. The result says where the database lives
// nowhere (see redactor).
//
// Errors wrap ErrQueryRefused, ErrQueryTimeout, or carry DuckDB's own
// message ("query failed: Parser Error: ...").
func RunSandboxed(ctx context.Context, db *sql.DB, query string, lim SandboxLimits) (*Result, error) {
	return collect(OpenSandboxed(ctx, db, query, lim))
}

// collect reads opened rows into a Result and closes them.
func collect(rs *SandboxRows, err error) (*Result, error) {
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	c := &collector{res: &Result{Rows: [][]any{}}}
	cut, err := rs.Copy(c)
	if err != nil {
		return nil, err
	}
	c.res.Cut, c.res.Truncated, c.res.Elapsed = cut, cut != nil, rs.Elapsed()
	return c.res, nil
}

// StreamSandboxed runs a user-written query as RunSandboxed does and
// writes its rows to w as they are read, never holding the result in Go
// (see SandboxRows.Copy).
func StreamSandboxed(ctx context.Context, db *sql.DB, query string, lim SandboxLimits, w RowWriter) (*Cut, error) {
	return streamTo(w)(OpenSandboxed(ctx, db, query, lim))
}

// streamTo copies opened rows to w and closes them.
func streamTo(w RowWriter) func(*SandboxRows, error) (*Cut, error) {
	return func(rs *SandboxRows, err error) (*Cut, error) {
		if err != nil {
			return nil, err
		}
		defer rs.Close()
		return rs.Copy(w)
	}
}

// SandboxRows is a user-written query that ran: its rows wait to be
// copied to a RowWriter. An HTTP handler opens it to answer a failed query
// with an error status, then copies the rows while the response streams.
type SandboxRows struct {
	ctx, parent context.Context
	cancel      context.CancelFunc
	conn        *sql.Conn
	rows        *sql.Rows
	proc        *workerProc // the worker running the query, instead of rows
	release     func()      // lets go of the store's handle, when not nil
	red         redactor
	lim         SandboxLimits
	rowLimit    int
	// fitted says rowLimit was lowered to the rows that fit the result
	// budget: more rows exist, and the query fetches rowLimit, not one
	// more to look, since the next row may be the huge one.
	fitted bool
	// marked says the rows end with the row that marks their end (see
	// endMarked): a wrapped query's.
	marked  bool
	budget  int64
	types   []string // type names of the query's own columns, where a cut changed them
	start   time.Time
	elapsed time.Duration
}

// memoryRetries is how many times a query that ran out of memory is run
// again, each time for a hundredth of the rows.
const memoryRetries = 3

// OpenSandboxed checks and runs query (see RunSandboxed) and returns its
// rows. DuckDB builds the whole result before the first row can be read;
// where that needs more than its memory, the query runs again for a
// hundredth of the rows (up to memoryRetries times), and Copy reports the
// cut.
// Close the rows when done.
func OpenSandboxed(ctx context.Context, db *sql.DB, query string, lim SandboxLimits) (*SandboxRows, error) {
	if db == nil {
		return nil, errors.New("run query: no database handle")
	}
	if lim.Timeout == 0 {
		lim.Timeout = DefaultSandboxTimeout
	}
	if lim.MaxRows == 0 {
		lim.MaxRows = DefaultSandboxMaxRows
	}
	if lim.MaxBytes == 0 {
		lim.MaxBytes = DefaultSandboxMaxBytes
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

	rs := &SandboxRows{parent: ctx, ctx: ctx, cancel: func() {}, lim: lim, rowLimit: lim.MaxRows}
	if lim.Timeout > 0 {
		rs.ctx, rs.cancel = context.WithTimeout(ctx, lim.Timeout)
	}
	fail := func(err error) (*SandboxRows, error) {
		err = rs.red.err(sandboxError(ctx, rs.ctx, lim, err))
		rs.Close()
		return nil, err
	}
	conn, err := db.Conn(rs.ctx)
	if err != nil {
		return fail(err)
	}
	rs.conn = conn
	rs.red = pathRedactor(rs.ctx, conn)
	var plan execPlan
	err = conn.Raw(func(dc any) error {
		c, ok := dc.(*duckdb.Conn)
		if !ok {
			return fmt.Errorf("run query: the sandbox needs a DuckDB connection, got %T", dc)
		}
		plan, err = vetStatement(c, q, toks, 0)
		return err
	})
	if err != nil {
		return fail(err)
	}
	rs.start = time.Now()
	rs.marked = plan.wrapped
	if plan.wrapped {
		// First measure the rows as they will be fetched, so that DuckDB
		// never builds more of the result than the budget holds: whole
		// values for a file, the start of each for a table.
		rs.budget = resultBudget(lim)
		n, err := rowsWithin(rs.ctx, conn, plan, rs.rowLimit, lim.MaxCellChars, rs.budget)
		if err != nil {
			return fail(err)
		}
		if n >= 0 && (rs.rowLimit < 0 || n < rs.rowLimit) {
			rs.rowLimit, rs.fitted = n, true
		}
		if lim.MaxCellChars > 0 && plan.castsForCut() {
			if rs.types, err = columnTypeNames(rs.ctx, conn, plan); err != nil {
				return fail(err)
			}
		}
	}
	for attempt := 0; ; attempt++ {
		fetch := rs.rowLimit
		if fetch >= 0 && !rs.fitted {
			fetch++ // one more, to know whether the result goes on
		}
		rows, err := conn.QueryContext(rs.ctx, plan.text(fetch, lim.MaxCellChars))
		if err == nil {
			rs.rows = rows
			rs.elapsed = time.Since(rs.start)
			return rs, nil
		}
		if plan.wrapped && isOutOfMemory(err) && attempt < memoryRetries && rs.rowLimit != 0 {
			if rs.rowLimit < 0 {
				rs.rowLimit = 1_000_000
			}
			rs.rowLimit /= 100
			rs.fitted, rs.budget = false, SandboxResultBudget
			continue
		}
		return fail(err)
	}
}

// Elapsed is how long the query took to run (before its rows were read).
func (rs *SandboxRows) Elapsed() time.Duration { return rs.elapsed }

// Copy writes the rows to w: the header, then each row's printable,
// redacted values, until the rows end, the row cap is reached, or w has
// written the byte cap. It returns the cut (nil when every row went out),
// which w was told in End.
func (rs *SandboxRows) Copy(w RowWriter) (*Cut, error) {
	if rs.proc != nil {
		return rs.proc.copyTo(rs.ctx, w, rs.lim)
	}
	var memory *Cut
	if rs.rowLimit != rs.lim.MaxRows {
		memory = &Cut{Reason: CutMemory, Limit: rs.budget}
	}
	cut, err := copyRows(rs.ctx, rs.rows, w, rs.lim, rs.rowLimit, memory, rs.fitted, rs.marked, rs.types, rs.red)
	if err != nil {
		return nil, rs.red.err(sandboxError(rs.parent, rs.ctx, rs.lim, err))
	}
	return cut, nil
}

// Close releases the rows, the connection and the time limit.
func (rs *SandboxRows) Close() {
	if rs.proc != nil {
		rs.proc.kill()
	}
	if rs.rows != nil {
		rs.rows.Close()
	}
	if rs.conn != nil {
		discardConn(rs.conn)
	}
	rs.cancel()
	if rs.release != nil {
		rs.release()
		rs.release = nil
	}
}

// SandboxResultBudget bounds the result DuckDB builds for a query whose
// values are not cut: its Go driver materialises the whole result,
// outside DuckDB's memory limit, before the first row is read.
const SandboxResultBudget = 128 << 20

// resultBudget is how large a result DuckDB may build for lim: the
// SandboxResultBudget, or for a table of cut values that stops at
// MaxBytes anyway, twice that.
func resultBudget(lim SandboxLimits) int64 {
	if lim.MaxCellChars > 0 && lim.MaxBytes > 0 {
		return min(SandboxResultBudget, 2*lim.MaxBytes)
	}
	return SandboxResultBudget
}

// nestedWeight is how many bytes a nested value (LIST, STRUCT, MAP, ...)
// is counted for each character of its text: in Go every element becomes
// an interface value, and then a printable one.
const nestedWeight = 4

// rowsWithin returns how many of the first rows of the plan's query fit
// in budget bytes (their values as text, cut to cellChars when above 0),
// or -1 when all of the first maxRows+1 do. It runs the query once for
// the sizes alone, which DuckDB holds as one number per row.
func rowsWithin(ctx context.Context, conn *sql.Conn, plan execPlan, maxRows, cellChars int, budget int64) (int, error) {
	sizes := make([]string, len(plan.columns))
	for i := range plan.columns {
		sizes[i] = plan.sizeExpr(i, cellChars)
	}
	probe := "SELECT " + strings.Join(sizes, " + ") + " FROM (\n" + plan.q + "\n) AS policylens_q"
	if maxRows >= 0 {
		probe += " LIMIT " + strconv.Itoa(maxRows+1)
	}
	// The sizes are never NULL: a NULL row marks their end (see endMarked).
	rows, err := conn.QueryContext(ctx, endMarked(probe, "NULL"))
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	var total int64
	n := 0
	for rows.Next() {
		var b sql.NullInt64
		if err := rows.Scan(&b); err != nil {
			return 0, err
		}
		if !b.Valid {
			return -1, rows.Err()
		}
		total += b.Int64 + int64(len(plan.columns))
		if total > budget {
			return n, rows.Err()
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	return 0, brokenOff(int64(n))
}

// endMarked is query (a SELECT that may end in LIMIT) followed by one row
// of last, which marks the end of its rows. DuckDB's Go driver reads a
// result a chunk at a time, and when DuckDB fails to hand over a chunk
// (it cannot allocate the chunk's memory, say) the driver takes the
// failure for the end of the rows: Next returns false and Err nil. Rows
// that stop before the marker were broken off. UNION ALL keeps the order
// of its inputs (DuckDB's order-preservation rules), so the marker comes
// last.
func endMarked(query, last string) string {
	return "(" + query + ")\nUNION ALL\nSELECT " + last
}

// brokenOff is the error for rows that stopped after n of them, before
// the row that marks their end (see endMarked); sandboxError adds "query
// failed". The likeliest cause is memory: what fails is an allocation
// while the rows are read, in a process at its memory cap (see
// SandboxWorker) after a try that ran out of it.
func brokenOff(n int64) error {
	return fmt.Errorf("Out of Memory Error: the result broke off after %d rows "+
		"(DuckDB stopped handing over rows without an error, most likely for want of memory)", n)
}

// isOutOfMemory reports whether err is DuckDB's out-of-memory error.
func isOutOfMemory(err error) bool {
	var de *duckdb.Error
	return errors.As(err, &de) && (de.Type == duckdb.ErrorTypeOutOfMemory || strings.HasPrefix(de.Msg, "Out of Memory Error"))
}

// execPlan is how a vetted statement is run.
type execPlan struct {
	q       string
	wrapped bool          // a SELECT that can be wrapped in a row cap
	columns []string      // its columns, for cutting text values
	types   []duckdb.Type // their types
}

// colShape is how the sandbox measures and cuts a column's values.
type colShape int

const (
	shapeFixed  colShape = iota // numbers, dates, UUIDs …: a few bytes each
	shapeText                   // VARCHAR: cut with left()
	shapeBlob                   // BLOB: measured by octet_length, cut as text
	shapeNested                 // LIST, STRUCT, MAP, ARRAY, UNION: measured and cut as text
	shapeOther                  // anything else: measured and cut as text
)

func shapeOf(t duckdb.Type) colShape {
	switch t {
	case duckdb.TYPE_VARCHAR:
		return shapeText
	case duckdb.TYPE_BLOB:
		return shapeBlob
	case duckdb.TYPE_LIST, duckdb.TYPE_STRUCT, duckdb.TYPE_MAP, duckdb.TYPE_ARRAY, duckdb.TYPE_UNION:
		return shapeNested
	case duckdb.TYPE_BOOLEAN, duckdb.TYPE_TINYINT, duckdb.TYPE_SMALLINT, duckdb.TYPE_INTEGER, duckdb.TYPE_BIGINT,
		duckdb.TYPE_UTINYINT, duckdb.TYPE_USMALLINT, duckdb.TYPE_UINTEGER, duckdb.TYPE_UBIGINT,
		duckdb.TYPE_FLOAT, duckdb.TYPE_DOUBLE, duckdb.TYPE_HUGEINT, duckdb.TYPE_UHUGEINT, duckdb.TYPE_DECIMAL,
		duckdb.TYPE_DATE, duckdb.TYPE_TIME, duckdb.TYPE_TIME_TZ, duckdb.TYPE_INTERVAL, duckdb.TYPE_UUID,
		duckdb.TYPE_TIMESTAMP, duckdb.TYPE_TIMESTAMP_S, duckdb.TYPE_TIMESTAMP_MS, duckdb.TYPE_TIMESTAMP_NS,
		duckdb.TYPE_TIMESTAMP_TZ, duckdb.TYPE_SQLNULL:
		return shapeFixed
	}
	return shapeOther
}

// sizeExpr is the SQL for about how many bytes column i's value takes
// once fetched, with text cut to cellChars characters when above 0.
func (p execPlan) sizeExpr(i, cellChars int) string {
	ref := "#" + strconv.Itoa(i+1)
	var e string
	switch shapeOf(p.types[i]) {
	case shapeFixed:
		return "16"
	case shapeText:
		e = "strlen(" + ref + ")"
	case shapeBlob:
		e = "octet_length(" + ref + ")"
	case shapeNested:
		e = strconv.Itoa(nestedWeight) + " * strlen(CAST(" + ref + " AS VARCHAR))"
	default:
		e = "strlen(CAST(" + ref + " AS VARCHAR))"
	}
	if cellChars > 0 {
		e = "least(" + e + ", " + strconv.Itoa(4*(cellChars+1)) + ")"
	}
	return "coalesce(" + e + ", 0)"
}

// castsForCut reports whether cutting values changes a column's type
// (everything but text and fixed-size values is cut as text).
func (p execPlan) castsForCut() bool {
	for _, t := range p.types {
		if s := shapeOf(t); s != shapeText && s != shapeFixed {
			return true
		}
	}
	return false
}

// columnTypeNames returns the DuckDB type names of the plan's columns, as
// the result would give them uncut.
func columnTypeNames(ctx context.Context, conn *sql.Conn, plan execPlan) ([]string, error) {
	rows, err := conn.QueryContext(ctx, "SELECT * FROM (\n"+plan.q+"\n) AS policylens_q LIMIT 0")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cts, err := rows.ColumnTypes()
	if err != nil {
		return nil, err
	}
	names := make([]string, len(cts))
	for i, ct := range cts {
		names[i] = ct.DatabaseTypeName()
	}
	return names, rows.Err()
}

// text is the statement to run for at most fetch rows (all when
// negative) with values cut to cellChars (whole when 0): q wrapped in a
// LIMIT so that DuckDB (whose Go driver materialises whole results) never
// builds more rows than the cap needs, and every column that is not a
// fixed-size value in left() (as text), so that it never hands over huge
// values. A wrapped query's rows carry endColumn and are followed by the
// row that marks their end (see endMarked).
func (p execPlan) text(fetch, cellChars int) string {
	if !p.wrapped {
		return p.q
	}
	sel := "*"
	if cellChars > 0 && slices.ContainsFunc(p.types, func(t duckdb.Type) bool { return shapeOf(t) != shapeFixed }) {
		parts := make([]string, len(p.columns))
		for i, name := range p.columns {
			ref := "#" + strconv.Itoa(i+1)
			switch shapeOf(p.types[i]) {
			case shapeFixed:
			case shapeText:
				ref = "left(" + ref + ", " + strconv.Itoa(cellChars+1) + ")"
			default:
				ref = "left(CAST(" + ref + " AS VARCHAR), " + strconv.Itoa(cellChars+1) + ")"
			}
			parts[i] = ref + " AS " + quoteIdent(name)
		}
		sel = strings.Join(parts, ", ")
	}
	out := "SELECT " + sel + ", false AS " + endColumn + " FROM (\n" + p.q + "\n) AS policylens_q"
	if fetch >= 0 {
		out += " LIMIT " + strconv.Itoa(fetch)
	}
	return endMarked(out, strings.Repeat("NULL, ", len(p.columns))+"true")
}

// endColumn is the last column of a wrapped query's result (see
// execPlan.text): false in the query's rows, true in the one row after
// them that marks their end. copyRows checks it and leaves it out.
const endColumn = "policylens_end"

// quoteIdent quotes an SQL identifier.
func quoteIdent(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// vetStatement prepares q without running it, checks its statement type
// and says how to run it (see execPlan).
func vetStatement(c *duckdb.Conn, q string, toks []sqlToken, depth int) (execPlan, error) {
	plan := execPlan{q: q}
	typ, err := statementType(c, q)
	if err != nil {
		return plan, err
	}
	switch typ {
	case duckdb.STATEMENT_TYPE_SELECT:
		if depth > 0 {
			return plan, nil
		}
		wrapped := "SELECT * FROM (\n" + q + "\n) AS policylens_q"
		st, err := c.Prepare(wrapped)
		if err != nil {
			return plan, nil // PRAGMA table_info and the like cannot be a subquery
		}
		defer st.Close()
		ds, ok := st.(*duckdb.Stmt)
		if !ok {
			return plan, nil
		}
		if wt, err := ds.StatementType(); err != nil || wt != duckdb.STATEMENT_TYPE_SELECT {
			return plan, nil
		}
		n, err := ds.ColumnCount()
		if err != nil {
			return plan, nil
		}
		// The names as the query gives them: the subquery renames repeated
		// ones (a, a_1).
		own, err := c.Prepare(q)
		if err != nil {
			return plan, nil
		}
		defer own.Close()
		ods, ok := own.(*duckdb.Stmt)
		if !ok {
			return plan, nil
		}
		plan.wrapped = true
		plan.columns, plan.types = make([]string, n), make([]duckdb.Type, n)
		for i := range n {
			if plan.columns[i], err = ods.ColumnName(i); err != nil {
				plan.columns[i], _ = ds.ColumnName(i)
			}
			if plan.types[i], err = ds.ColumnType(i); err != nil {
				plan.types[i] = duckdb.TYPE_INVALID // measured and cut as text
			}
		}
		return plan, nil
	case duckdb.STATEMENT_TYPE_EXPLAIN:
		target, ok := explainTarget(q, toks)
		if !ok || depth > 0 {
			return plan, refuse("EXPLAIN of this form is not supported")
		}
		if _, err := vetStatement(c, target, lexSQL(target), depth+1); err != nil {
			return plan, err
		}
		return plan, nil
	}
	name := leadingWords(toks)
	if strings.HasPrefix(name, "WITH") || name == "statement" {
		name = stmtTypeNames[typ] // WITH x AS (...) INSERT ...
	}
	return plan, refuseStatement(typ, name)
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

// collector is the RowWriter of RunSandboxed: it keeps the rows.
type collector struct {
	res   *Result
	bytes int64
}

func (c *collector) Begin(columns, types []string) error {
	c.res.Columns, c.res.Types = columns, types
	return nil
}

func (c *collector) Row(vals []any) error {
	c.res.Rows = append(c.res.Rows, slices.Clone(vals))
	for _, v := range vals {
		c.bytes += valueSize(v)
	}
	return nil
}

func (c *collector) End(*Cut) error { return nil }

func (c *collector) Written() int64 { return c.bytes }

// valueSize is about how many bytes a printable value holds.
func valueSize(v any) int64 {
	switch x := v.(type) {
	case string:
		return int64(len(x))
	case []any:
		var n int64
		for _, e := range x {
			n += valueSize(e) + 2
		}
		return n
	case NestedObject:
		var n int64
		for _, f := range x {
			n += int64(len(f.Key)) + valueSize(f.Value) + 4
		}
		return n
	}
	return 8
}

// copyRows reads rows into w: the header, then each row's printable,
// redacted values, until the rows end, maxRows rows were read (one more
// is looked at to know whether the result goes on) or w has written
// lim.MaxBytes bytes. It returns the cut, nil when every row went out.
//
// memory, when not nil, says maxRows was lowered to fit the result
// budget or DuckDB's memory: a cut there is for memory, not for the row
// cap. fitted says more rows exist than the maxRows fetched. marked says
// the rows carry endColumn and end with the row that marks their end
// (see endMarked): rows that stop before it are an error, not a result.
// typeNames, when not nil, are the columns' types before values were cut
// as text.
func copyRows(ctx context.Context, rows *sql.Rows, w RowWriter, lim SandboxLimits, maxRows int, memory *Cut, fitted, marked bool, typeNames []string, red redactor) (*Cut, error) {
	cts, err := rows.ColumnTypes()
	if err != nil {
		return nil, err
	}
	width := len(cts)
	if marked {
		if width == 0 {
			return nil, errors.New("run query: the result has no column marking its end")
		}
		width--
	}
	cols, types := make([]string, width), make([]string, width)
	for i, ct := range cts[:width] {
		cols[i] = red.text(ct.Name())
		types[i] = ct.DatabaseTypeName()
	}
	shown := types
	if len(typeNames) == len(types) {
		shown = typeNames
	}
	next := rows.Next()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if err := w.Begin(cols, shown); err != nil {
		return nil, err
	}
	scanned := make([]any, len(cts))
	ptrs := make([]any, len(cts))
	for i := range scanned {
		ptrs[i] = &scanned[i]
	}
	vals := scanned[:width]
	var n int64
	var cut *Cut
	ended := !marked
	for ; next; next = rows.Next() {
		if marked {
			// Read the row first: it may be the end's, not one more.
			for i := range scanned {
				scanned[i] = nil
			}
			if err := rows.Scan(ptrs...); err != nil {
				return nil, err
			}
			if scanned[width] == true {
				ended = true
				break
			}
		}
		if maxRows >= 0 && n >= int64(maxRows) {
			cut = &Cut{Rows: n, Reason: CutRows, Limit: int64(maxRows)}
			if memory != nil {
				cut.Reason, cut.Limit = memory.Reason, memory.Limit
			}
			break
		}
		if lim.MaxBytes > 0 && w.Written() >= lim.MaxBytes {
			cut = &Cut{Rows: n, Reason: CutBytes, Limit: lim.MaxBytes}
			break
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if !marked {
			for i := range scanned {
				scanned[i] = nil
			}
			if err := rows.Scan(ptrs...); err != nil {
				return nil, err
			}
		}
		for i, v := range vals {
			vals[i] = red.value(printableValue(v, types[i]))
		}
		if err := w.Row(vals); err != nil {
			return nil, err
		}
		n++
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if cut == nil && !ended {
		return nil, brokenOff(n)
	}
	if cut == nil && fitted && memory != nil {
		cut = &Cut{Rows: n, Reason: memory.Reason, Limit: memory.Limit}
	}
	if cut != nil {
		cut.Bytes = w.Written()
	}
	return cut, w.End(cut)
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

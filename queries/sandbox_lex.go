package queries

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// sqlTokenKind classifies the pieces of SQL text the sandbox looks at. The
// sandbox does not parse SQL (DuckDB does that); it only needs to know where
// statements end, which words are outside string literals and comments, and
// which words are function calls, so that its refusals can name the problem.
type sqlTokenKind int

const (
	tokWord   sqlTokenKind = iota // keyword or bare identifier
	tokQuoted                     // "quoted identifier"
	tokString                     // 'string', E'string', $tag$string$tag$
	tokNumber                     // 42, 1.5e3
	tokPunct                      // one punctuation character
	tokSemi                       // ;
)

// sqlToken is one piece of SQL text; start and end are byte offsets.
type sqlToken struct {
	kind       sqlTokenKind
	text       string // the word, the unquoted identifier or the string's contents
	start, end int
}

// lexSQL splits SQL into tokens, dropping whitespace and comments. It never
// fails: an unterminated string or comment runs to the end of the text, and
// DuckDB reports the syntax error itself.
func lexSQL(q string) []sqlToken {
	var toks []sqlToken
	i := 0
	for i < len(q) {
		c := q[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
		case c == '-' && i+1 < len(q) && q[i+1] == '-':
			j := strings.IndexByte(q[i:], '\n')
			if j < 0 {
				i = len(q)
			} else {
				i += j + 1
			}
		case c == '/' && i+1 < len(q) && q[i+1] == '*':
			i = skipBlockComment(q, i)
		case c == '\'':
			end, text := scanQuoted(q, i, '\'', false)
			toks = append(toks, sqlToken{tokString, text, i, end})
			i = end
		case (c == 'e' || c == 'E') && i+1 < len(q) && q[i+1] == '\'':
			end, text := scanQuoted(q, i+1, '\'', true)
			toks = append(toks, sqlToken{tokString, text, i, end})
			i = end
		case c == '"':
			end, text := scanQuoted(q, i, '"', false)
			toks = append(toks, sqlToken{tokQuoted, text, i, end})
			i = end
		case c == '$':
			if end, text, ok := scanDollar(q, i); ok {
				toks = append(toks, sqlToken{tokString, text, i, end})
				i = end
			} else {
				// A positional parameter ($1) or a stray dollar sign.
				j := i + 1
				for j < len(q) && q[j] >= '0' && q[j] <= '9' {
					j++
				}
				toks = append(toks, sqlToken{tokPunct, q[i:j], i, j})
				i = j
			}
		case c == ';':
			toks = append(toks, sqlToken{tokSemi, ";", i, i + 1})
			i++
		case c >= '0' && c <= '9' || c == '.' && i+1 < len(q) && q[i+1] >= '0' && q[i+1] <= '9':
			j := i + 1
			for j < len(q) && (isWordByte(q[j]) || q[j] == '.' ||
				(q[j] == '+' || q[j] == '-') && (q[j-1] == 'e' || q[j-1] == 'E')) {
				j++
			}
			toks = append(toks, sqlToken{tokNumber, q[i:j], i, j})
			i = j
		default:
			r, size := utf8.DecodeRuneInString(q[i:])
			if isWordRune(r) {
				j := i + size
				for j < len(q) {
					r2, s2 := utf8.DecodeRuneInString(q[j:])
					if !isWordRune(r2) && !(r2 >= '0' && r2 <= '9') && r2 != '$' {
						break
					}
					j += s2
				}
				toks = append(toks, sqlToken{tokWord, q[i:j], i, j})
				i = j
				continue
			}
			toks = append(toks, sqlToken{tokPunct, q[i : i+size], i, i + size})
			i += size
		}
	}
	return toks
}

func isWordByte(b byte) bool {
	return b == '_' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

func isWordRune(r rune) bool {
	return r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127 && unicode.IsLetter(r)
}

// skipBlockComment returns the offset after the block comment starting at i.
// Block comments nest, as in PostgreSQL (whose grammar DuckDB uses).
func skipBlockComment(q string, i int) int {
	depth := 0
	for i < len(q) {
		switch {
		case strings.HasPrefix(q[i:], "/*"):
			depth++
			i += 2
		case strings.HasPrefix(q[i:], "*/"):
			depth--
			i += 2
			if depth == 0 {
				return i
			}
		default:
			i++
		}
	}
	return len(q)
}

// scanQuoted reads a quoted literal whose opening quote is at i; a doubled
// quote stands for one quote and, when backslash is set (E'...'), a
// backslash escapes the next character.
func scanQuoted(q string, i int, quote byte, backslash bool) (end int, text string) {
	var b strings.Builder
	j := i + 1
	for j < len(q) {
		c := q[j]
		switch {
		case backslash && c == '\\' && j+1 < len(q):
			b.WriteByte(q[j+1])
			j += 2
		case c == quote && j+1 < len(q) && q[j+1] == quote:
			b.WriteByte(quote)
			j += 2
		case c == quote:
			return j + 1, b.String()
		default:
			b.WriteByte(c)
			j++
		}
	}
	return len(q), b.String()
}

// scanDollar reads a dollar-quoted string ($$...$$ or $tag$...$tag$).
func scanDollar(q string, i int) (end int, text string, ok bool) {
	j := i + 1
	for j < len(q) && (isWordByte(q[j]) && !(j == i+1 && q[j] >= '0' && q[j] <= '9')) {
		j++
	}
	if j >= len(q) || q[j] != '$' {
		return 0, "", false
	}
	tag := q[i : j+1]
	k := strings.Index(q[j+1:], tag)
	if k < 0 {
		return len(q), q[j+1:], true
	}
	return j + 1 + k + len(tag), q[j+1 : j+1+k], true
}

// splitSQLStatements returns the statements of q that hold any tokens, each
// without its terminating semicolon. Text that is only comments or
// semicolons yields none.
func splitSQLStatements(q string) []string {
	var out []string
	start := -1
	end := 0
	for _, t := range lexSQL(q) {
		if t.kind == tokSemi {
			if start >= 0 {
				out = append(out, q[start:end])
			}
			start = -1
			continue
		}
		if start < 0 {
			start = t.start
		}
		end = t.end
	}
	if start >= 0 {
		out = append(out, q[start:end])
	}
	return out
}

// leadingWords names a statement by its first keywords (CREATE OR REPLACE
// TABLE, COPY, PRAGMA enable_profiling) for refusal messages.
func leadingWords(toks []sqlToken) string {
	var words []string
	for i, t := range toks {
		if t.kind != tokWord || len(words) >= 6 {
			break
		}
		w := strings.ToUpper(t.text)
		if i > 0 && !statementNameWords[w] {
			if words[0] == "PRAGMA" || words[0] == "CALL" || words[0] == "SET" || words[0] == "RESET" ||
				words[0] == "LOAD" || words[0] == "INSTALL" {
				words = append(words, t.text) // the pragma, function, setting or extension
			}
			break
		}
		words = append(words, w)
	}
	if len(words) == 0 {
		return "statement"
	}
	return strings.Join(words, " ")
}

// statementNameWords are keywords that may follow the first one in a
// statement's name.
var statementNameWords = map[string]bool{
	"OR": true, "REPLACE": true, "TEMP": true, "TEMPORARY": true, "PERSISTENT": true, "UNIQUE": true,
	"TABLE": true, "VIEW": true, "SCHEMA": true, "SEQUENCE": true, "MACRO": true, "FUNCTION": true,
	"INDEX": true, "TYPE": true, "SECRET": true, "DATABASE": true, "INTO": true, "FROM": true,
	"IF": true, "NOT": true, "EXISTS": true, "TRANSACTION": true, "WORK": true, "GLOBAL": true,
	"SESSION": true, "LOCAL": true, "VARIABLE": true, "FORCE": true, "ANALYZE": true, "CHECKPOINT": true,
}

// fileFunctions are DuckDB functions that read or list files, from the core
// and the bundled or installable extensions. DuckDB itself refuses them
// (external access is off); the sandbox names them first so the message is
// plain.
var fileFunctions = map[string]bool{
	"read_text": true, "read_blob": true, "read_csv": true, "read_csv_auto": true, "sniff_csv": true,
	"read_parquet": true, "parquet_scan": true, "parquet_metadata": true, "parquet_schema": true,
	"parquet_file_metadata": true, "parquet_full_metadata": true, "parquet_kv_metadata": true, "parquet_bloom_probe": true,
	"read_json": true, "read_json_auto": true, "read_json_objects": true, "read_json_objects_auto": true,
	"read_ndjson": true, "read_ndjson_auto": true, "read_ndjson_objects": true,
	"glob": true, "read_xlsx": true, "st_read": true, "st_read_meta": true, "iceberg_scan": true,
	"iceberg_metadata": true, "iceberg_snapshots": true, "delta_scan": true, "read_duckdb": true,
	"sqlite_scan": true, "sqlite_attach": true, "postgres_scan": true, "postgres_attach": true,
	"mysql_scan": true, "read_avro": true, "read_ipc": true, "arrow_scan": true,
}

// findFileAccess reports the first file-reading function called in toks, or
// a file named as a table (FROM '/etc/passwd'). A FROM inside EXTRACT,
// TRIM, SUBSTRING, POSITION or OVERLAY is part of the call, not a table.
func findFileAccess(toks []sqlToken) (string, bool) {
	var inFromCall []bool // per open parenthesis: is it a call with FROM syntax?
	for i, t := range toks {
		isCall := (t.kind == tokWord || t.kind == tokQuoted) && i+1 < len(toks) && toks[i+1].kind == tokPunct && toks[i+1].text == "("
		if isCall && fileFunctions[strings.ToLower(t.text)] {
			return strings.ToLower(t.text), true
		}
		switch {
		case t.kind == tokPunct && t.text == "(":
			prev := ""
			if i > 0 && toks[i-1].kind == tokWord {
				prev = strings.ToLower(toks[i-1].text)
			}
			inFromCall = append(inFromCall, fromSyntaxCalls[prev])
		case t.kind == tokPunct && t.text == ")":
			if len(inFromCall) > 0 {
				inFromCall = inFromCall[:len(inFromCall)-1]
			}
		case t.kind == tokWord && i+1 < len(toks) && toks[i+1].kind == tokString:
			if len(inFromCall) > 0 && inFromCall[len(inFromCall)-1] {
				continue
			}
			if w := strings.ToUpper(t.text); w == "FROM" || w == "JOIN" {
				return "'" + toks[i+1].text + "'", true
			}
		}
	}
	return "", false
}

// fromSyntaxCalls are the SQL functions whose arguments may contain FROM.
var fromSyntaxCalls = map[string]bool{
	"extract": true, "trim": true, "substring": true, "position": true, "overlay": true,
}

// deniedFunctions are table functions that change the database or the
// engine's settings, or run SQL held in a value, with the reason given.
var deniedFunctions = map[string]string{
	"checkpoint":                  "writes are not allowed",
	"force_checkpoint":            "writes are not allowed",
	"truncate_duckdb_logs":        "writes are not allowed",
	"enable_logging":              "the configuration is locked",
	"disable_logging":             "the configuration is locked",
	"enable_profiling":            "the configuration is locked",
	"disable_profiling":           "the configuration is locked",
	"enable_peg_parser":           "the configuration is locked",
	"disable_peg_parser":          "the configuration is locked",
	"json_execute_serialized_sql": "running SQL held in a value is not allowed",
}

// findDeniedFunction reports the first function in toks that
// deniedFunctions names, and why it is denied.
func findDeniedFunction(toks []sqlToken) (name, reason string, found bool) {
	for i, t := range toks {
		if (t.kind == tokWord || t.kind == tokQuoted) && i+1 < len(toks) && toks[i+1].kind == tokPunct && toks[i+1].text == "(" {
			name := strings.ToLower(t.text)
			if reason, ok := deniedFunctions[name]; ok {
				return name, reason, true
			}
		}
	}
	return "", "", false
}

// explainTarget returns the statement an EXPLAIN [ANALYZE] [(options)]
// statement explains, or false when q does not have that shape.
func explainTarget(q string, toks []sqlToken) (string, bool) {
	if len(toks) < 2 || toks[0].kind != tokWord || !strings.EqualFold(toks[0].text, "EXPLAIN") {
		return "", false
	}
	i := 1
	if toks[i].kind == tokWord && (strings.EqualFold(toks[i].text, "ANALYZE") || strings.EqualFold(toks[i].text, "ANALYSE")) {
		i++
	}
	if i < len(toks) && toks[i].kind == tokPunct && toks[i].text == "(" {
		group := i
		depth := 0
		for ; i < len(toks); i++ {
			if toks[i].kind == tokPunct && toks[i].text == "(" {
				depth++
			} else if toks[i].kind == tokPunct && toks[i].text == ")" {
				depth--
				if depth == 0 {
					i++
					break
				}
			}
		}
		if i >= len(toks) {
			// EXPLAIN (SELECT ...): the parentheses were the query.
			return q[toks[group].start:], true
		}
	}
	if i >= len(toks) {
		return "", false
	}
	return q[toks[i].start:], true
}

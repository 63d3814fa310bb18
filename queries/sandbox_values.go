package queries

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"math/big"
	"sort"
	"strconv"
	"strings"
	"time"

	duckdb "github.com/duckdb/duckdb-go/v2"
)

// NestedObject is a STRUCT or MAP value with its fields in order, as a
// Result holds it. It encodes as a JSON object and prints like DuckDB
// ({'a': 1, 'b': x}). STRUCT fields come in name order (the driver hands
// them over as a Go map); MAP entries keep DuckDB's order.
type NestedObject []NestedField

// NestedField is one field of a NestedObject.
type NestedField struct {
	Key   string
	Value any
}

// MarshalJSON encodes the object with its fields in order.
func (o NestedObject) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteByte('{')
	for i, f := range o {
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := writeJSONValue(&buf, f.Key); err != nil {
			return nil, err
		}
		buf.WriteByte(':')
		if err := writeJSONValue(&buf, f.Value); err != nil {
			return nil, err
		}
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// String prints the object the way DuckDB does.
func (o NestedObject) String() string {
	var b strings.Builder
	b.WriteByte('{')
	for i, f := range o {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("'" + f.Key + "': " + FormatValue(f.Value))
	}
	b.WriteByte('}')
	return b.String()
}

// FormatValue renders a value of a Result as text, as the table and CSV
// output show it: NULL for nil, DuckDB's notation for lists and objects.
// The SQL console uses it for its HTML table.
func FormatValue(v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case uint64:
		return strconv.FormatUint(x, 10)
	case float64:
		return formatFloat(x)
	case json.Number:
		return string(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = FormatValue(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case NestedObject:
		return x.String()
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}

// formatFloat prints plain decimals for ordinary magnitudes and exponents
// for very large or small ones.
func formatFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return "nan"
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	}
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// printableValue converts what the DuckDB driver scans into one of: nil,
// bool, int64, uint64, float64 (finite), string, json.Number (HUGEINT and
// DECIMAL, exact), []any, NestedObject. Times become text in DuckDB's
// notation for the column type, BLOBs text with \xNN escapes, UUIDs and
// intervals their usual text.
func printableValue(v any, typ string) any {
	switch x := v.(type) {
	case nil, bool, string, int64, uint64:
		return x
	case int:
		return int64(x)
	case int8:
		return int64(x)
	case int16:
		return int64(x)
	case int32:
		return int64(x)
	case uint:
		return uint64(x)
	case uint8:
		return uint64(x)
	case uint16:
		return uint64(x)
	case uint32:
		return uint64(x)
	case float32:
		return printableFloat(float64(x))
	case float64:
		return printableFloat(x)
	case *big.Int:
		if x == nil {
			return nil
		}
		return json.Number(x.String())
	case duckdb.Decimal:
		if x.Value == nil {
			return nil
		}
		return json.Number(x.String())
	case time.Time:
		return formatTime(x, typ)
	case []byte:
		if strings.EqualFold(typ, "UUID") && len(x) == 16 {
			var u duckdb.UUID
			copy(u[:], x)
			return u.String()
		}
		return formatBlob(x)
	case duckdb.UUID:
		return x.String()
	case *duckdb.UUID:
		if x == nil {
			return nil
		}
		return x.String()
	case duckdb.Interval:
		return formatInterval(x)
	case []any:
		elem := listElementType(typ)
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = printableValue(e, elem)
		}
		return out
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		obj := make(NestedObject, len(keys))
		for i, k := range keys {
			obj[i] = NestedField{k, printableValue(x[k], "")}
		}
		return obj
	case duckdb.OrderedMap:
		keys, vals := x.Keys(), x.Values()
		obj := make(NestedObject, len(keys))
		for i := range keys {
			obj[i] = NestedField{FormatValue(printableValue(keys[i], "")), printableValue(vals[i], "")}
		}
		return obj
	case duckdb.Map:
		obj := make(NestedObject, 0, len(x))
		for k, e := range x {
			obj = append(obj, NestedField{FormatValue(printableValue(k, "")), printableValue(e, "")})
		}
		sort.Slice(obj, func(i, j int) bool { return obj[i].Key < obj[j].Key })
		return obj
	case duckdb.Union:
		return printableValue(x.Value, "")
	case fmt.Stringer:
		return x.String()
	}
	return fmt.Sprint(v)
}

func printableFloat(f float64) any {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return formatFloat(f) // JSON has no NaN or infinity
	}
	return f
}

// listElementType returns the element type of a LIST or ARRAY type name
// (INTEGER[] and INTEGER[3] give INTEGER), or "" when typ is not one.
func listElementType(typ string) string {
	if strings.HasSuffix(typ, "]") {
		if i := strings.LastIndexByte(typ, '['); i > 0 {
			return typ[:i]
		}
	}
	return ""
}

// formatTime prints a time the way DuckDB does for the column type.
func formatTime(t time.Time, typ string) string {
	const frac = ".999999999"
	switch u := strings.ToUpper(typ); {
	case u == "DATE":
		return t.Format("2006-01-02")
	case u == "TIME" || u == "TIME_NS":
		return t.Format("15:04:05" + frac)
	case u == "TIMETZ" || u == "TIME WITH TIME ZONE":
		return t.Format("15:04:05" + frac + "-07:00")
	case u == "TIMESTAMPTZ" || u == "TIMESTAMP WITH TIME ZONE":
		return t.UTC().Format("2006-01-02 15:04:05" + frac + "-07")
	case strings.HasPrefix(u, "TIMESTAMP"):
		return t.Format("2006-01-02 15:04:05" + frac)
	}
	// Nested in a list or struct, the type is not known here.
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0 {
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02 15:04:05" + frac)
}

// formatBlob prints bytes as DuckDB does: printable ASCII as is, the rest
// as \xNN.
func formatBlob(b []byte) string {
	var s strings.Builder
	for _, c := range b {
		if c >= 0x20 && c < 0x7f && c != '\\' {
			s.WriteByte(c)
			continue
		}
		s.WriteString(`\x`)
		s.WriteString(strings.ToUpper(hex.EncodeToString([]byte{c})))
	}
	return s.String()
}

// formatInterval prints an interval as DuckDB does: 1 year 2 months 3 days
// 04:05:06.
func formatInterval(iv duckdb.Interval) string {
	var parts []string
	unit := func(n int64, name string) {
		if n == 0 {
			return
		}
		if n != 1 && n != -1 {
			name += "s"
		}
		parts = append(parts, fmt.Sprintf("%d %s", n, name))
	}
	unit(int64(iv.Months/12), "year")
	unit(int64(iv.Months%12), "month")
	unit(int64(iv.Days), "day")
	if iv.Micros != 0 {
		m := iv.Micros
		sign := ""
		if m < 0 {
			sign, m = "-", -m
		}
		s := fmt.Sprintf("%s%02d:%02d:%02d", sign, m/3600e6, m/60e6%60, m/1e6%60)
		if us := m % 1e6; us != 0 {
			s += strings.TrimRight(fmt.Sprintf(".%06d", us), "0")
		}
		parts = append(parts, s)
	}
	if len(parts) == 0 {
		return "00:00:00"
	}
	return strings.Join(parts, " ")
}

package loader

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/policylens/policylens/loader/dbfile"
	"github.com/policylens/policylens/loader/dedup"
	"github.com/policylens/policylens/loader/schema"
)

// shardSpec is the part of the data dir a shard load processes.
type shardSpec struct{ k, n int }

// has reports whether a file (by its path relative to the data dir) is in
// the shard: the FNV-1a hash of the path, modulo the number of shards. The
// partition depends on nothing but the paths, so every machine computes
// the same one, and adding a file does not move the others.
func (s *shardSpec) has(path string) bool {
	h := fnv.New32a()
	h.Write([]byte(path))
	return int(h.Sum32()%uint32(s.n)) == s.k
}

// ParseShard reads "K/N" (0 ≤ K < N), as given to `load --shard`.
func ParseShard(s string) (k, n int, err error) {
	a, b, ok := strings.Cut(s, "/")
	if ok {
		k, err = strconv.Atoi(a)
		if err == nil {
			n, err = strconv.Atoi(b)
		}
	}
	if !ok || err != nil || n < 1 || k < 0 || k >= n {
		return 0, 0, fmt.Errorf("shard %q: want K/N with 0 ≤ K < N, e.g. 0/4", s)
	}
	return k, n, nil
}

// shardDir names a shard's folder in a Parquet directory.
func shardDir(dir string, k, n int) string {
	return filepath.Join(dir, fmt.Sprintf("shard-%05d-of-%05d", k, n))
}

var shardDirRe = regexp.MustCompile(`^shard-(\d{5})-of-(\d{5})$`)

// shardManifest is written last into a shard's folder.
type shardManifest struct {
	Shard, Shards    int
	SchemaVersion    string
	ResourcesVersion string
	Files, Failed    int
}

// LoadShard processes the k-th of n deterministic parts of the data dir
// and writes its rows as Parquet part files under dir/shard-K-of-N/, one
// folder per table. Copies are not folded within a shard: every notice
// becomes a document there, and MergeParquet folds copies across all the
// shards exactly as a load on one machine would. Any batch engine can run
// the shards (a Kubernetes indexed job, a Slurm array, Spark tasks); a
// shard's folder appears whole or not at all.
func LoadShard(ctx context.Context, opts Options, k, n int, dir string) (Summary, error) {
	work, err := os.MkdirTemp("", "policylens-shard-")
	if err != nil {
		return Summary{}, fmt.Errorf("shard: %w", err)
	}
	defer os.RemoveAll(work)
	opts.DBPath = filepath.Join(work, "shard.duckdb")
	opts.Only = nil
	opts.shard = &shardSpec{k, n}
	sum, err := Load(ctx, opts)
	if err != nil && !errors.Is(err, ErrPartial) {
		return sum, err
	}
	loadErr := err

	final := shardDir(dir, k, n)
	tmp := final + ".tmp-" + strconv.Itoa(os.Getpid())
	os.RemoveAll(tmp)
	db, err := sql.Open("duckdb", opts.DBPath+"?access_mode=read_only")
	if err != nil {
		return sum, fmt.Errorf("shard: %w", err)
	}
	defer db.Close()
	for _, t := range schema.Tables {
		if err := exportTable(ctx, db, t, filepath.Join(tmp, t.Name), "", false); err != nil {
			os.RemoveAll(tmp)
			return sum, fmt.Errorf("shard: %w", err)
		}
	}
	m := shardManifest{Shard: k, Shards: n, SchemaVersion: schema.Version, Files: sum.Files, Failed: sum.Failed}
	db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'resources_version'`).Scan(&m.ResourcesVersion)
	b, _ := json.MarshalIndent(m, "", "  ")
	if err := os.WriteFile(filepath.Join(tmp, "manifest.json"), b, 0o644); err != nil {
		return sum, fmt.Errorf("shard: %w", err)
	}
	os.RemoveAll(final)
	if err := os.Rename(tmp, final); err != nil {
		return sum, fmt.Errorf("shard: %w", err)
	}
	return sum, loadErr
}

// mergeIDs maps a shard's document to its id in the merged database.
type mergeIDs struct {
	Shard   int32 `db:"shard"`
	LocalID int32 `db:"local_id"`
	DocID   int32 `db:"doc_id"`
}

var mergeIDTable = schema.Declare[mergeIDs](schema.Spec{Name: "merge_ids"})

// MergeParquet builds the database at opts.DBPath from the shards under
// dir (written by LoadShard; all N of them must be there): it folds copies
// across shards and numbers documents and indicators exactly as one load
// of the whole data dir on one machine would, so every view gives the same
// rows. The result replaces the database by the file protocol.
func MergeParquet(ctx context.Context, opts Options, dir string) (Summary, error) {
	start := time.Now()
	var sum Summary
	shards, err := findShards(dir)
	if err != nil {
		return sum, err
	}
	unlock, err := dbfile.Lock(opts.DBPath)
	if err != nil {
		return sum, fmt.Errorf("merge: %w", err)
	}
	defer unlock()
	dbfile.RemoveStale(opts.DBPath)
	tmp := dbfile.Temp(opts.DBPath)
	dbfile.Remove(tmp)
	committed := false
	defer func() {
		if !committed {
			dbfile.Remove(tmp)
		}
	}()
	db, err := sql.Open("duckdb", tmp+"?memory_limit="+writerMemory)
	if err != nil {
		return sum, fmt.Errorf("merge: %w", err)
	}
	defer db.Close()
	if err := schema.Apply(ctx, db); err != nil {
		return sum, fmt.Errorf("merge: %w", err)
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return sum, err
	}
	defer conn.Close()
	exec := func(q string, args ...any) error {
		if _, err := conn.ExecContext(ctx, q, args...); err != nil {
			return fmt.Errorf("merge: %w\n%s", err, q)
		}
		return nil
	}
	if err := exec(mergeIDTable.DDL()); err != nil {
		return sum, err
	}
	if err := exec("BEGIN TRANSACTION"); err != nil {
		return sum, err
	}
	union := func(t *schema.Table) string {
		parts := make([]string, len(shards))
		for i, s := range shards {
			parts[i] = fmt.Sprintf("SELECT %d AS shard, * FROM read_parquet(%s)", i,
				sqlString(filepath.Join(s, t.Name, "*.parquet")))
		}
		return "(" + strings.Join(parts, " UNION ALL ") + ")"
	}

	// Fold copies in path order, as a load of the whole folder does.
	if err := foldShards(ctx, conn, union, &sum); err != nil {
		return sum, err
	}
	for _, t := range schema.Tables {
		var q string
		switch {
		case t.Name == "meta":
			q = "INSERT INTO meta SELECT key, value FROM " + union(t) + " WHERE shard = 0 AND key NOT IN ('schema_version', 'load_id', 'base_load_id', 'loaded_at')"
		case t.Name == "themes" || t.Name == "places":
			q = "INSERT INTO " + t.Name + " SELECT * EXCLUDE (shard) FROM " + union(t) + " WHERE shard = 0"
		case isAggregate(t):
			continue // recomputed from the merged documents below
		case t.Name == "changes" || t.Name == "duplicates":
			continue // nothing to carry over; duplicates come from the fold
		case t.Derived:
			continue // recomputed below from the merged tables
		case t.PerDocument || t.Column("doc_id") != nil:
			cols := make([]string, len(t.Columns))
			for i, c := range t.Columns {
				switch c.Name {
				case "doc_id":
					cols[i] = "m.doc_id"
				case "indicator_id":
					cols[i] = "CAST(row_number() OVER (ORDER BY m.doc_id, p.indicator_id) AS INTEGER)"
				default:
					cols[i] = "p." + c.Name
				}
			}
			join, where := "JOIN", ""
			if t.Name == "files" {
				join, where = "LEFT JOIN", " WHERE p.status = 'failed' OR m.doc_id IS NOT NULL"
			}
			q = "INSERT INTO " + t.Name + " SELECT " + strings.Join(cols, ", ") + " FROM " + union(t) +
				" p " + join + " merge_ids m ON m.shard = p.shard AND m.local_id = p.doc_id" + where
		default:
			q = "INSERT INTO " + t.Name + " SELECT * EXCLUDE (shard) FROM " + union(t)
		}
		if err := exec(q); err != nil {
			return sum, err
		}
	}
	// Targets pair notices of different shards: computed on the whole.
	if err := updateTargets(ctx, conn, true, nil); err != nil {
		return sum, fmt.Errorf("merge: %w", err)
	}
	now := time.Now().UTC()
	for _, kv := range [][2]string{{"loaded_at", now.Format(time.RFC3339)}, {"load_id", newLoadID()}, {"base_load_id", ""}} {
		if err := exec(`INSERT INTO meta VALUES (?, ?)`, kv[0], kv[1]); err != nil {
			return sum, err
		}
	}
	if err := exec("DROP TABLE merge_ids"); err != nil {
		return sum, err
	}
	if err := fillAggregates(ctx, conn, nil, nil); err != nil {
		return sum, fmt.Errorf("merge: %w", err)
	}
	if err := exec("COMMIT"); err != nil {
		return sum, err
	}
	if err := exec("CHECKPOINT"); err != nil {
		return sum, err
	}
	if err := countTotals(ctx, conn, &sum); err != nil {
		return sum, err
	}
	conn.Close()
	if err := db.Close(); err != nil {
		return sum, fmt.Errorf("merge: close %s: %w", tmp, err)
	}
	if err := dbfile.Publish(tmp, opts.DBPath); err != nil {
		return sum, fmt.Errorf("merge: %w", err)
	}
	committed = true
	refreshSpare(opts.DBPath)
	sum.Rebuilt, sum.Swapped, sum.Base = true, true, baseNew
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// findShards lists the shard folders under dir in shard order, checking
// that all N of one run are there and were written by this version.
func findShards(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("merge: %w", err)
	}
	byK := map[int]string{}
	n := 0
	var resources string
	for _, e := range entries {
		m := shardDirRe.FindStringSubmatch(e.Name())
		if m == nil || !e.IsDir() {
			continue
		}
		k, _ := strconv.Atoi(m[1])
		nn, _ := strconv.Atoi(m[2])
		if n != 0 && nn != n {
			return nil, fmt.Errorf("merge %s: shards of %d and of %d parts; remove the old ones", dir, n, nn)
		}
		n = nn
		p := filepath.Join(dir, e.Name())
		var man shardManifest
		b, err := os.ReadFile(filepath.Join(p, "manifest.json"))
		if err == nil {
			err = json.Unmarshal(b, &man)
		}
		if err != nil {
			return nil, fmt.Errorf("merge: %s: %w", p, err)
		}
		if man.SchemaVersion != schema.Version {
			return nil, fmt.Errorf("merge: %s was written by another version of policylens (schema %s)", p, man.SchemaVersion)
		}
		if resources != "" && man.ResourcesVersion != resources {
			return nil, fmt.Errorf("merge: %s was loaded with other themes or dictionaries than the other shards", p)
		}
		resources = man.ResourcesVersion
		byK[k] = p
	}
	if n == 0 {
		return nil, fmt.Errorf("merge: no shard-K-of-N folders under %s (write them with load --shard K/N --parquet %s)", dir, dir)
	}
	var missing []string
	out := make([]string, n)
	for k := range n {
		if byK[k] == "" {
			missing = append(missing, strconv.Itoa(k))
		}
		out[k] = byK[k]
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("merge %s: shards %s of %d are missing", dir, strings.Join(missing, ", "), n)
	}
	return out, nil
}

// foldShards decides, in path order over all shards, which documents are
// originals (numbered from 1) and which are copies of an earlier one, with
// the rules of a single load (writer.add): the same letters and digits,
// else a near-copy by MinHash with matching figures. It fills merge_ids and
// appends the copies to duplicates and files.
func foldShards(ctx context.Context, conn *sql.Conn, union func(*schema.Table) string, sum *Summary) error {
	q := `SELECT d.shard, d.doc_id, d.path, d.content_hash, d.text_hash, f.minhash, f.numbers
		FROM ` + union(schema.Documents.Table) + ` d
		JOIN ` + union(schema.Fingerprints.Table) + ` f ON f.shard = d.shard AND f.doc_id = d.doc_id
		ORDER BY d.path`
	type doc struct {
		shard, local     int32
		path, hash, text string
		sig              dedup.Signature
		numbers          []string
	}
	var docs []doc
	rows, err := conn.QueryContext(ctx, q)
	if err != nil {
		return fmt.Errorf("merge: %w", err)
	}
	for rows.Next() {
		var d doc
		var b []byte
		var nums string
		if err := rows.Scan(&d.shard, &d.local, &d.path, &d.hash, &d.text, &b, &nums); err != nil {
			rows.Close()
			return err
		}
		if d.sig, err = dedup.Decode(b); err != nil {
			rows.Close()
			return fmt.Errorf("merge: fingerprint of %s: %w", d.path, err)
		}
		d.numbers = strings.Fields(nums)
		docs = append(docs, d)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].path < docs[j].path })
	now := time.Now().UTC()
	return conn.Raw(func(dc any) error {
		ids, err := schema.NewAppender(dc.(driver.Conn), mergeIDTable)
		if err != nil {
			return err
		}
		dups, err := schema.NewAppender(dc.(driver.Conn), schema.Duplicates)
		if err != nil {
			return err
		}
		files, err := schema.NewAppender(dc.(driver.Conn), schema.Files)
		if err != nil {
			return err
		}
		byText := map[string]int{}
		near := dedup.NewIndex()
		next := 1
		for _, d := range docs {
			orig, sim, method := 0, 1.0, ""
			if o, ok := byText[d.text]; ok {
				orig, method = o, "exact"
			} else if o, s, ok := near.Nearest(d.sig, d.numbers); ok {
				orig, sim, method = o, s, "near"
			}
			if method != "" {
				sum.Duplicates++
				if err := dups.Append(&schema.Duplicate{Path: d.path, ContentHash: d.hash, DocID: int32(orig), Similarity: sim, Method: method}); err != nil {
					return err
				}
				if err := files.Append(&schema.File{Path: d.path, ContentHash: d.hash, Status: "duplicate", DocID: schema.Null(int32(orig)), SeenAt: now}); err != nil {
					return err
				}
				continue
			}
			id := next
			next++
			sum.Loaded++
			byText[d.text] = id
			near.Add(id, d.sig, d.numbers)
			if err := ids.Append(&mergeIDs{Shard: d.shard, LocalID: d.local, DocID: int32(id)}); err != nil {
				return err
			}
		}
		for _, a := range []interface{ Close() error }{ids, dups, files} {
			if err := a.Close(); err != nil {
				return err
			}
		}
		return nil
	})
}

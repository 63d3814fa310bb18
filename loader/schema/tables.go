package schema

import (
	"database/sql"
	"time"
)

// The tables the loader writes, each declared once by its row type: the
// DDL, the appenders, the export to Parquet and the merge of shards all
// read these declarations. Character offsets count Unicode code points
// (runes) of documents.body, zero-based, end exclusive.
//
// No PRIMARY KEY or UNIQUE constraints: DuckDB checks them eagerly, which
// breaks delete-then-reinsert in one transaction and slows the appender;
// the loader keeps the keys unique itself.

// Tables lists every table in the order it is created. Views (the .sql
// files of this package) are created after them.
var Tables = []*Table{
	Meta.Table, Documents.Table, MetadataSources.Table, Sentences.Table,
	TermCounts.Table, Themes.Table, ThemeHits.Table, Indicators.Table,
	Duplicates.Table, Fingerprints.Table, Files.Table, LoadIssues.Table,
	Changes.Table,
	Places.Table, DocumentCounts.Table, GroupStats.Table, TermStats.Table, ThemeStats.Table,
	IndicatorStats.Table, Figures.Table,
	TargetStatuses.Table, TargetCandidates.Table,
}

// MetaRow is a key/value fact about the file.
type MetaRow struct {
	Key   string `db:"key"`
	Value string `db:"value"`
}

// Meta holds schema_version, the resource versions, the data dir the file
// was loaded from and when the last load finished.
var Meta = Declare[MetaRow](Spec{Name: "meta",
	Comment: "Key/value facts about the file: schema_version, resource versions, data dir, last load."})

// Document is one notice.
type Document struct {
	DocID        int32               `db:"doc_id" doc:"stable within one database file"`
	Path         string              `db:"path" doc:"relative to the data dir, '/' separated"`
	ContentHash  string              `db:"content_hash" doc:"sha256 of the file bytes (and its sidecar)"`
	TextHash     string              `db:"text_hash" doc:"sha256 of the letters and digits of the text, for spotting copies"`
	Format       string              `db:"format" doc:"txt, md, html, docx"`
	Encoding     string              `db:"encoding" doc:"utf-8, gb18030, utf-16le ..."`
	Title        string              `db:"title"`
	DocType      string              `db:"doc_type" doc:"工作会议, 巡察整改通报, 署名文章, 新闻 ... or unknown"`
	Province     string              `db:"province" doc:"full name (山东省) or unknown"`
	City         sql.Null[string]    `db:"city" doc:"prefecture (滨州市) when the notice is local"`
	County       sql.Null[string]    `db:"county" doc:"county-level unit (博兴县) when the notice is local"`
	Level        string              `db:"level" doc:"province, city, county or unknown"`
	Issuer       string              `db:"issuer" doc:"the body that issued it (山东省通信管理局) or unknown"`
	Published    sql.Null[time.Time] `db:"published,date" doc:"publication date"`
	Year         sql.Null[int32]     `db:"year" doc:"the year compared under: publication year, else plan or reviewed year"`
	ReviewedYear sql.Null[int32]     `db:"reviewed_year" doc:"the year whose work the notice reports on"`
	PlanYear     sql.Null[int32]     `db:"plan_year" doc:"the year whose tasks it sets out"`
	Chars        int32               `db:"chars" doc:"length of body in characters"`
	Tokens       int32               `db:"tokens" doc:"word tokens (punctuation and spaces excluded)"`
	Body         string              `db:"body" doc:"the cleaned text the offsets refer to"`
	LoadedAt     time.Time           `db:"loaded_at"`
	URL          sql.Null[string]    `db:"url" doc:"the page's address: from sources.csv in the data folder (or the one above it), the saved page's own link, or an address line of the text; shown, never fetched"`
}

// Documents holds one row per notice loaded as a document (copies are in
// Duplicates).
var Documents = Declare[Document](Spec{Name: "documents", PerDocument: true,
	Comment: "One row per notice; copies of a notice are in duplicates."})

// MetadataSource says where one inferred metadata field came from.
type MetadataSource struct {
	DocID  int32            `db:"doc_id"`
	Field  string           `db:"field" doc:"a documents column: title, province, published ..."`
	Value  sql.Null[string] `db:"value"`
	Source string           `db:"source" doc:"front_matter, sidecar, 发布时间, title, issuer, signature, file_name ..."`
}

// MetadataSources holds where each metadata field of a notice came from,
// for the reader and for audits.
var MetadataSources = Declare[MetadataSource](Spec{Name: "metadata_sources", PerDocument: true,
	Comment: "Where each inferred metadata field of a notice came from."})

// Sentence is one sentence of a body.
type Sentence struct {
	DocID      int32  `db:"doc_id"`
	SentenceNo int32  `db:"sentence_no" doc:"0-based position in the document"`
	Part       string `db:"part" doc:"review (of the past year), plan (for the coming year), other"`
	StartChar  int32  `db:"start_char"`
	EndChar    int32  `db:"end_char"`
	Text       string `db:"text"`
}

// Sentences holds the sentences of each body, in order.
var Sentences = Declare[Sentence](Spec{Name: "sentences", PerDocument: true,
	Comment: "The sentences of each body, in order."})

// TermCount is how often one term occurs in one notice.
type TermCount struct {
	DocID int32  `db:"doc_id"`
	Term  string `db:"term"`
	N     int32  `db:"n"`
}

// TermCounts holds term frequencies per document, after stop words,
// punctuation and numbers.
var TermCounts = Declare[TermCount](Spec{Name: "term_counts", PerDocument: true,
	Comment: "Term frequencies per document, after stop words, punctuation and numbers."})

// Theme is one keyword of one theme.
type Theme struct {
	Theme   string `db:"theme" doc:"stable English id (anti_fraud)"`
	Label   string `db:"label" doc:"Chinese label shown in the UI (反诈)"`
	Keyword string `db:"keyword"`
	// Position orders themes and keywords as the file does (views read
	// tables by name only, never by rowid, so that they run over Parquet).
	Position int32 `db:"position" doc:"place of the keyword in the theme file, from 1"`
}

// Themes holds the theme definitions as loaded from data/themes.yaml, in
// file order.
var Themes = Declare[Theme](Spec{Name: "themes",
	Comment: "Theme definitions from themes.yaml, one row per keyword."})

// ThemeHit is how often one theme's keywords occur in one notice.
type ThemeHit struct {
	DocID  int32   `db:"doc_id"`
	Theme  string  `db:"theme"`
	Hits   int32   `db:"hits" doc:"keyword occurrences"`
	Per10k float64 `db:"per_10k" doc:"hits per 10,000 tokens of the notice"`
}

// ThemeHits holds theme hits per document.
var ThemeHits = Declare[ThemeHit](Spec{Name: "theme_hits", PerDocument: true,
	Comment: "Theme keyword hits per document, and per 10,000 tokens."})

// Indicator is one figure extracted from a sentence.
type Indicator struct {
	IndicatorID     int32             `db:"indicator_id"`
	DocID           int32             `db:"doc_id"`
	SentenceNo      int32             `db:"sentence_no"`
	StartChar       int32             `db:"start_char" doc:"span of the figure in the body"`
	EndChar         int32             `db:"end_char"`
	Surface         string            `db:"surface" doc:"the figure as written (超31万个)"`
	Metric          string            `db:"metric" doc:"what is counted, as a phrase from the sentence"`
	CanonicalMetric sql.Null[string]  `db:"canonical_metric" doc:"catalogue name, NULL when no entry matches"`
	Measure         string            `db:"measure" doc:"total, increment, rate, growth, rank, count"`
	Value           float64           `db:"value"`
	ValueMax        sql.Null[float64] `db:"value_max" doc:"upper end of a range"`
	Unit            string            `db:"unit"`
	Qualifier       string            `db:"qualifier" doc:"exact, over, at_least, approx, at_most, range"`
	Kind            string            `db:"kind" doc:"achievement, target, other"`
	Year            sql.Null[int32]   `db:"year" doc:"the year the figure refers to"`
	Scope           string            `db:"scope" doc:"whose figure: own (the notice's place), national, other"`
	ScopePlace      sql.Null[string]  `db:"scope_place" doc:"the place or body named for scope other (广州市, 全国平均)"`
	Met             bool              `db:"met" doc:"a target its sentence says was met (超额完成年度目标(3万个))"`
}

// Indicators holds the numeric indicators extracted from sentences.
var Indicators = Declare[Indicator](Spec{Name: "indicators", PerDocument: true,
	Comment: "Numeric indicators extracted from sentences."})

// Duplicate is a file recorded as a copy of a loaded notice.
type Duplicate struct {
	Path        string  `db:"path" doc:"the copy, relative to the data dir"`
	ContentHash string  `db:"content_hash"`
	DocID       int32   `db:"doc_id" doc:"the document it duplicates"`
	Similarity  float64 `db:"similarity" doc:"1.0 for exact copies"`
	Method      string  `db:"method" doc:"exact or near"`
}

// Duplicates holds the copies of notices, which are not loaded as
// documents of their own. Its doc_id is the original's, but its rows are
// the copy's: they are not PerDocument.
var Duplicates = Declare[Duplicate](Spec{Name: "duplicates", PerPath: true,
	Comment: "Files recorded as copies of a loaded notice instead of being loaded again."})

// Fingerprint is what finds near-copies of a document in later loads.
type Fingerprint struct {
	DocID   int32  `db:"doc_id"`
	MinHash []byte `db:"minhash" doc:"64 little-endian uint32 (loader/dedup)"`
	Numbers string `db:"numbers" doc:"the distinct digit runs of the text, space-separated"`
}

// Fingerprints holds the MinHash signatures of the documents' text.
var Fingerprints = Declare[Fingerprint](Spec{Name: "fingerprints", PerDocument: true,
	Comment: "MinHash signatures and figures of each document, for finding near-copies."})

// File is a file the loader has seen under the data dir.
type File struct {
	Path        string           `db:"path" doc:"relative to the data dir"`
	ContentHash string           `db:"content_hash"`
	Status      string           `db:"status" doc:"document, duplicate, failed"`
	DocID       sql.Null[int32]  `db:"doc_id" doc:"the document, or the one it duplicates"`
	Message     sql.Null[string] `db:"message" doc:"why it failed"`
	SeenAt      time.Time        `db:"seen_at"`
	Stat        sql.Null[string] `db:"stat" doc:"size and modification time of the file (and its sidecar) when it was hashed: a load hashes again only a file whose stat changed"`
}

// Files holds every file the loader has seen, so that an unchanged file is
// skipped whatever became of it: loaded as a document, recorded as a
// duplicate of one, or failed (a failed file is retried once it changes).
var Files = Declare[File](Spec{Name: "files", PerPath: true,
	Comment: "Every file the loader has seen: document, duplicate or failed."})

// LoadIssue is a warning or error of a load about one file.
type LoadIssue struct {
	Path     string    `db:"path"`
	Severity string    `db:"severity" doc:"warning or error"`
	Message  string    `db:"message"`
	LoggedAt time.Time `db:"logged_at"`
}

// LoadIssues holds the warnings and errors of the loads, per file.
var LoadIssues = Declare[LoadIssue](Spec{Name: "load_issues", PerPath: true,
	Comment: "Warnings and errors of the loads, per file."})

// Change is one document or one file the last load changed.
type Change struct {
	DocID sql.Null[int32]  `db:"doc_id" doc:"a document added, replaced or removed"`
	Path  sql.Null[string] `db:"path" doc:"a file whose records were added, replaced or removed"`
}

// Changes lists what the load that wrote the file changed in the file it
// started from (meta base_load_id): the loader brings its spare copy of
// that older file up to date from this list instead of copying the whole
// database for a small load (package loader, spare.go).
var Changes = Declare[Change](Spec{Name: "changes",
	Comment: "The documents and files the last load changed, for bringing the spare file up to date."})

// TargetStatus is the verdict on one target: its key (place, canonical
// metric, measure, unit, year), the result chosen among its candidates and
// why, and whether it was met. The loader computes it at load time for the
// keys a load touched (see loader/sql/UpdateTargets.sql).
type TargetStatus struct {
	TargetID   int32             `db:"target_id" doc:"indicators.indicator_id of the target"`
	Province   string            `db:"province"`
	City       string            `db:"city" doc:"'' for a provincial target"`
	County     string            `db:"county" doc:"'' above county level"`
	Metric     string            `db:"metric" doc:"canonical metric"`
	Measure    string            `db:"measure"`
	Unit       string            `db:"unit"`
	Year       int32             `db:"year" doc:"the year the target is for"`
	Candidates int32             `db:"candidates" doc:"results and statements that may answer it"`
	ResultID   sql.Null[int32]   `db:"result_id" doc:"the chosen candidate, NULL when unreported"`
	Status     string            `db:"status" doc:"met, not_met, unreported, ambiguous"`
	Reason     string            `db:"reason" doc:"latest_result, only_result, met_statement, conflicting_results, no_result"`
	Completion sql.Null[float64] `db:"completion" doc:"chosen result / target value"`
}

// TargetStatuses holds one verdict per own target of a known canonical
// metric and year. It depends on other notices than the target's, so it is
// not PerDocument: a load recomputes the keys it touched.
var TargetStatuses = Declare[TargetStatus](Spec{Name: "target_status", Derived: true,
	Comment: "Targets against results: one verdict per target, computed at load time for the keys a load touched."})

// TargetCandidate is one own result (or statement that a target was met)
// of a target key — place, canonical metric, measure, unit, year — that
// has a target. A target's candidates are those of its key published on or
// after it (view target_candidate_results); keeping them per key, not per
// target, keeps the table linear in the indicators when one key has many
// targets and many results.
type TargetCandidate struct {
	Province  string              `db:"province"`
	City      string              `db:"city" doc:"'' for a provincial figure"`
	County    string              `db:"county" doc:"'' above county level"`
	Metric    string              `db:"metric" doc:"canonical metric"`
	Measure   string              `db:"measure"`
	Unit      string              `db:"unit"`
	Year      int32               `db:"year"`
	ResultID  int32               `db:"result_id" doc:"indicators.indicator_id of the result or statement"`
	Evidence  string              `db:"evidence" doc:"result (an achievement) or met_statement (a sentence saying a target was met)"`
	Published sql.Null[time.Time] `db:"published,date" doc:"publication date of its notice (the end of the notice's year when only that is known)"`
}

// TargetCandidates holds the candidates of every target key.
var TargetCandidates = Declare[TargetCandidate](Spec{Name: "target_candidates", Derived: true,
	Comment: "Own results and met statements of every key that has a target; a target's candidates are those published on or after it."})

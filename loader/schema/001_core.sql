-- Core tables written by the loader. Character offsets are counted in
-- Unicode code points (runes) of documents.body, zero-based, end exclusive.
-- No PRIMARY KEY or UNIQUE constraints on the bulk tables: DuckDB checks them
-- eagerly, which breaks delete-then-reinsert in one transaction and slows the
-- Appender; the loader keeps the keys unique itself.

-- Key/value facts about the file: schema_version, dictionary versions, the
-- data dir it was loaded from, when the last load finished.
CREATE TABLE meta (
    key   VARCHAR NOT NULL,
    value VARCHAR NOT NULL
);

-- One row per notice.
CREATE TABLE documents (
    doc_id        INTEGER NOT NULL,   -- stable within one database file
    path          VARCHAR NOT NULL,   -- relative to the data dir, '/' separated
    content_hash  VARCHAR NOT NULL,   -- sha256 of the file bytes
    text_hash     VARCHAR NOT NULL,   -- sha256 of the normalised text
    format        VARCHAR NOT NULL,   -- txt, md, html, docx
    encoding      VARCHAR NOT NULL,   -- utf-8, gb18030, utf-16le ...
    title         VARCHAR NOT NULL,
    doc_type      VARCHAR NOT NULL,   -- 工作会议, 巡察整改通报, 署名文章, 新闻 ... or 'unknown'
    province      VARCHAR NOT NULL,   -- full name (山东省) or 'unknown'
    city          VARCHAR,            -- prefecture (滨州市) when the notice is local
    county        VARCHAR,            -- county-level unit (博兴县) when the notice is local
    level         VARCHAR NOT NULL,   -- province, city, county or 'unknown'
    issuer        VARCHAR NOT NULL,   -- 山东省通信管理局 ... or 'unknown'
    published     DATE,               -- publication date
    year          INTEGER,            -- the year used for comparisons: publication year, else plan or reviewed year
    reviewed_year INTEGER,            -- the year whose work the notice reports on
    plan_year     INTEGER,            -- the year whose tasks it sets out
    chars         INTEGER NOT NULL,   -- length of body in characters
    tokens        INTEGER NOT NULL,   -- word tokens (punctuation and spaces excluded)
    body          VARCHAR NOT NULL,   -- the cleaned text the offsets refer to
    loaded_at     TIMESTAMP NOT NULL
);

-- Where each inferred metadata field came from (front matter, 发布时间 line,
-- title, issuer, file name, default ...), for the reader and for audits.
CREATE TABLE metadata_sources (
    doc_id INTEGER NOT NULL,
    field  VARCHAR NOT NULL,
    value  VARCHAR,
    source VARCHAR NOT NULL
);

-- Sentences of each body, in order.
CREATE TABLE sentences (
    doc_id      INTEGER NOT NULL,
    sentence_no INTEGER NOT NULL,     -- 0-based position in the document
    part        VARCHAR NOT NULL,     -- review (of the past year), plan (for the coming year), other
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    text        VARCHAR NOT NULL
);

-- Term frequencies per document, after stop words.
CREATE TABLE term_counts (
    doc_id INTEGER NOT NULL,
    term   VARCHAR NOT NULL,
    n      INTEGER NOT NULL
);

-- Theme definitions as loaded from data/themes.yaml.
CREATE TABLE themes (
    theme   VARCHAR NOT NULL,         -- stable English id (anti_fraud)
    label   VARCHAR NOT NULL,         -- Chinese label shown in the UI (反诈)
    keyword VARCHAR NOT NULL
);

-- Theme hits per document: keyword occurrences, and per 10,000 tokens.
CREATE TABLE theme_hits (
    doc_id  INTEGER NOT NULL,
    theme   VARCHAR NOT NULL,
    hits    INTEGER NOT NULL,
    per_10k DOUBLE NOT NULL
);

-- Numeric indicators extracted from sentences.
CREATE TABLE indicators (
    indicator_id     INTEGER NOT NULL,
    doc_id           INTEGER NOT NULL,
    sentence_no      INTEGER NOT NULL,
    start_char       INTEGER NOT NULL, -- span of the figure in the body
    end_char         INTEGER NOT NULL,
    surface          VARCHAR NOT NULL, -- the figure as written (超31万个)
    metric           VARCHAR NOT NULL, -- what is counted, as a phrase from the sentence
    canonical_metric VARCHAR,          -- catalogue name, NULL when no entry matches
    measure          VARCHAR NOT NULL, -- total, increment, rate, growth, rank, count
    value            DOUBLE NOT NULL,
    value_max        DOUBLE,           -- upper end of a range
    unit             VARCHAR NOT NULL,
    qualifier        VARCHAR NOT NULL, -- exact, over, at_least, approx, at_most, range
    kind             VARCHAR NOT NULL, -- achievement, target, other
    year             INTEGER           -- the year the figure refers to
);

-- Duplicate notices: a copy that was not loaded as its own document.
CREATE TABLE duplicates (
    path         VARCHAR NOT NULL,    -- the copy, relative to the data dir
    content_hash VARCHAR NOT NULL,
    doc_id       INTEGER NOT NULL,    -- the document it duplicates
    similarity   DOUBLE NOT NULL,     -- 1.0 for exact copies
    method       VARCHAR NOT NULL     -- exact or near
);

-- MinHash signatures of the documents' text, for finding near-copies.
CREATE TABLE fingerprints (
    doc_id  INTEGER NOT NULL,
    minhash BLOB NOT NULL,            -- 64 little-endian uint32 (loader/dedup)
    numbers VARCHAR NOT NULL          -- the distinct digit runs of the text, space-separated
);

-- Every file the loader has seen under the data dir, so that an unchanged
-- file is skipped whatever became of it: loaded as a document, recorded as a
-- duplicate of one, or failed (a failed file is retried once it changes).
CREATE TABLE files (
    path         VARCHAR NOT NULL,    -- relative to the data dir
    content_hash VARCHAR NOT NULL,
    status       VARCHAR NOT NULL,    -- document, duplicate, failed
    doc_id       INTEGER,             -- the document, or the one it duplicates
    message      VARCHAR,             -- why it failed
    seen_at      TIMESTAMP NOT NULL
);

-- Warnings and errors of the last loads, per file.
CREATE TABLE load_issues (
    path     VARCHAR NOT NULL,
    severity VARCHAR NOT NULL,        -- warning or error
    message  VARCHAR NOT NULL,
    logged_at TIMESTAMP NOT NULL
);

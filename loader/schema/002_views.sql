-- Views for hand-written SQL and for the dashboard: every chart reads one of
-- these (through queries/sql/*.sql), so a user in SQL sees the numbers the
-- charts show. Copies of a notice are not documents (they are listed in
-- the duplicates table), so nothing is counted twice. Intensities are per
-- 10,000 word tokens of the documents in a group: 10000 * hits / tokens.

-- One row per compared document, with its metadata, its sentence and
-- indicator counts (document_counts, written with the document) and the
-- division code of its place (place_code; province_code is the code of its
-- province), for the administrative order.
CREATE VIEW document_stats AS
SELECT d.doc_id,
       d.path AS file,
       d.title,
       d.doc_type,
       d.province,
       d.city,
       d.county,
       d.level,
       d.issuer,
       d.published,
       d.year,
       d.reviewed_year,
       d.plan_year,
       d.chars,
       d.tokens,
       coalesce(c.sentences, 0)::BIGINT    AS sentences,
       coalesce(c.indicators, 0)::BIGINT   AS indicators,
       coalesce(c.achievements, 0)::BIGINT AS achievements,
       coalesce(c.targets, 0)::BIGINT      AS targets,
       c.place_code,
       c.place_code[1:2]                   AS province_code
FROM documents d
LEFT JOIN document_counts c ON c.doc_id = d.doc_id;

-- The year a filter and a chart use, by the analyst's choice of basis:
-- 'reviewed' (the year whose work a notice reports on), 'plan' (the year
-- whose tasks it sets out), anything else the comparison year (publication
-- year, else plan or reviewed year).
CREATE MACRO basis_year(b_basis, b_year, b_reviewed, b_plan) AS
    CASE b_basis WHEN 'reviewed' THEN b_reviewed WHEN 'plan' THEN b_plan ELSE b_year END;

-- The filter bar, written once: whether a document (or an aggregate key)
-- with these attributes is selected. Empty lists, '' and 0 select all; a
-- year range leaves out documents whose year (on the chosen basis) is
-- unknown. Every filtered query calls it, through filtered_documents or on
-- the columns of an aggregate table.
CREATE MACRO in_filter(v_province, v_level, v_doc_type, v_year,
                       f_provinces, f_exclude_provinces, f_level, f_doc_type, f_year_from, f_year_to) AS
    (len(f_provinces) = 0 OR list_contains(f_provinces, v_province))
    AND NOT list_contains(f_exclude_provinces, v_province)
    AND (f_level = '' OR v_level = f_level)
    AND (f_doc_type = '' OR v_doc_type = f_doc_type)
    AND (f_year_from = 0 OR v_year >= f_year_from)
    AND (f_year_to = 0 OR v_year <= f_year_to);

-- The documents a filter selects (document_stats plus basis_year, the year
-- on the chosen basis); has_theme keeps those with a hit of that theme.
CREATE MACRO filtered_documents(provinces, exclude_provinces, has_theme, sel_level, sel_doc_type,
                                year_basis, year_from, year_to) AS TABLE
SELECT d.*, basis_year(year_basis, d.year, d.reviewed_year, d.plan_year) AS basis_year
FROM document_stats d
WHERE in_filter(d.province, d.level, d.doc_type,
                basis_year(year_basis, d.year, d.reviewed_year, d.plan_year),
                provinces, exclude_provinces, sel_level, sel_doc_type, year_from, year_to)
  AND (has_theme = '' OR d.doc_id IN (SELECT doc_id FROM theme_hits WHERE theme = has_theme AND hits > 0));

-- The document list: filtered_documents narrowed by the list's own fields
-- (text q in the title, file, issuer or body; a city or county; an issuer;
-- reviewed and plan years; a publication date range as YYYY-MM-DD; '' or 0
-- for none). The list and its facets both read it.
CREATE MACRO listed_documents(provinces, exclude_provinces, has_theme, sel_level, sel_doc_type,
                              year_basis, year_from, year_to,
                              sel_q, sel_place, sel_issuer, sel_reviewed, sel_plan, pub_from, pub_to) AS TABLE
SELECT d.*
FROM filtered_documents(provinces, exclude_provinces, has_theme, sel_level, sel_doc_type, year_basis, year_from, year_to) d
WHERE (sel_place = '' OR d.city = sel_place OR d.county = sel_place)
  AND (sel_issuer = '' OR d.issuer = sel_issuer)
  AND (sel_reviewed = 0 OR d.reviewed_year = sel_reviewed)
  AND (sel_plan = 0 OR d.plan_year = sel_plan)
  AND (pub_from = '' OR d.published >= CAST(pub_from AS DATE))
  AND (pub_to = '' OR d.published <= CAST(pub_to AS DATE))
  AND (sel_q = '' OR contains(d.title, sel_q) OR contains(d.file, sel_q) OR contains(d.issuer, sel_q)
       -- sel_q <> '' inside too: the planner then drops the scan of every
       -- body when there is no text to look for.
       OR d.doc_id IN (SELECT b.doc_id FROM documents b WHERE sel_q <> '' AND contains(b.body, sel_q)));

-- Full-text search over sentences, written once for the hits and their
-- counts: in mode 'regex' the text matches pattern (RE2 syntax); otherwise
-- clauses is a conjunction of disjunctions of literals, each '+' or '-'
-- followed by a phrase the text must (or must not) contain:
-- [['+5G', '+千兆'], ['-基站']] is (5G OR 千兆) AND NOT 基站. Phrases match as
-- substrings of the sentence, exactly as written.
CREATE MACRO sentence_matches(s_text, s_mode, s_clauses, s_pattern) AS
    CASE WHEN s_mode = 'regex' THEN regexp_matches(s_text, s_pattern)
         ELSE len(s_clauses) > 0
              AND list_bool_and(list_transform(s_clauses,
                      c -> list_bool_or(list_transform(c, l -> contains(s_text, l[2:]) = (l[1] = '+')))))
    END;

-- The filtered selection at the grain of the load-time aggregates, so that
-- a page sums thousands of rows, not millions: per aggregate key (province,
-- level, type, years) its documents and size (filtered_groups), term counts
-- (filtered_terms) and theme hits (filtered_theme_hits), with basis_year.
-- A has_theme filter is a property of single documents, so with one these
-- read the per-document tables instead; the result is the same.
CREATE MACRO filtered_groups(provinces, exclude_provinces, has_theme, sel_level, sel_doc_type,
                             year_basis, year_from, year_to) AS TABLE
SELECT g.province, g.province_code, g.level, g.doc_type,
       basis_year(year_basis, g.year, g.reviewed_year, g.plan_year) AS basis_year,
       g.documents, g.tokens, g.chars, g.sentences, g.indicators
FROM group_stats g
WHERE has_theme = ''
  AND in_filter(g.province, g.level, g.doc_type, basis_year(year_basis, g.year, g.reviewed_year, g.plan_year),
                provinces, exclude_provinces, sel_level, sel_doc_type, year_from, year_to)
UNION ALL
SELECT d.province, d.province_code, d.level, d.doc_type, d.basis_year,
       1, d.tokens, d.chars, d.sentences, d.indicators
FROM filtered_documents(provinces, exclude_provinces, has_theme, sel_level, sel_doc_type, year_basis, year_from, year_to) d
WHERE has_theme <> '';

CREATE MACRO filtered_terms(provinces, exclude_provinces, has_theme, sel_level, sel_doc_type,
                            year_basis, year_from, year_to) AS TABLE
SELECT t.province, t.province_code,
       basis_year(year_basis, t.year, t.reviewed_year, t.plan_year) AS basis_year,
       t.term, t.n, t.documents
FROM term_stats t
WHERE has_theme = ''
  AND in_filter(t.province, t.level, t.doc_type, basis_year(year_basis, t.year, t.reviewed_year, t.plan_year),
                provinces, exclude_provinces, sel_level, sel_doc_type, year_from, year_to)
UNION ALL
SELECT d.province, d.province_code, d.basis_year, c.term, c.n::BIGINT, 1
FROM filtered_documents(provinces, exclude_provinces, has_theme, sel_level, sel_doc_type, year_basis, year_from, year_to) d
JOIN term_counts c ON c.doc_id = d.doc_id
WHERE has_theme <> '';

CREATE MACRO filtered_theme_hits(provinces, exclude_provinces, has_theme, sel_level, sel_doc_type,
                                 year_basis, year_from, year_to) AS TABLE
SELECT t.province, t.province_code,
       basis_year(year_basis, t.year, t.reviewed_year, t.plan_year) AS basis_year,
       t.theme, t.hits, t.documents
FROM theme_stats t
WHERE has_theme = ''
  AND in_filter(t.province, t.level, t.doc_type, basis_year(year_basis, t.year, t.reviewed_year, t.plan_year),
                provinces, exclude_provinces, sel_level, sel_doc_type, year_from, year_to)
UNION ALL
SELECT d.province, d.province_code, d.basis_year, h.theme, h.hits::BIGINT, 1
FROM filtered_documents(provinces, exclude_provinces, has_theme, sel_level, sel_doc_type, year_basis, year_from, year_to) d
JOIN theme_hits h ON h.doc_id = d.doc_id
WHERE has_theme <> '' AND h.hits > 0;

-- The corpus by province and year: documents, tokens, sentences, indicators.
CREATE VIEW corpus_overview AS
SELECT province,
       year,
       sum(documents)::BIGINT  AS documents,
       sum(tokens)::BIGINT     AS tokens,
       sum(sentences)::BIGINT  AS sentences,
       sum(indicators)::BIGINT AS indicators,
       sum(chars)::BIGINT      AS chars
FROM group_stats
GROUP BY province, year;

-- Each theme once, with its Chinese label, its number of keywords and its
-- position in the theme file (theme_order, from 1). Themes that have hits
-- but no definition any more keep their id as label (read from the
-- aggregate theme_stats, which holds every theme with a hit in thousands
-- of rows, not from the million rows of theme_hits: nearly every page
-- reads this view).
CREATE VIEW theme_labels AS
SELECT theme, label, keywords,
       row_number() OVER (ORDER BY ord NULLS LAST, theme) AS theme_order
FROM (
    SELECT theme, any_value(label) AS label, count(*) AS keywords, min(position) AS ord
    FROM themes GROUP BY theme
    UNION ALL
    SELECT DISTINCT theme, theme, 0, NULL
    FROM theme_stats WHERE theme NOT IN (SELECT theme FROM themes)
);

-- Theme hits per compared document and theme, zeros included.
CREATE VIEW theme_document_intensity AS
SELECT d.doc_id, d.file, d.province, d.city, d.county, d.level, d.doc_type, d.year,
       t.theme, t.label, t.theme_order,
       coalesce(h.hits, 0)::BIGINT AS hits,
       d.tokens,
       coalesce(h.per_10k, 0.0)    AS per_10k
FROM document_stats d
CROSS JOIN theme_labels t
LEFT JOIN theme_hits h ON h.doc_id = d.doc_id AND h.theme = t.theme;

-- Theme intensity by province, year and theme (the themes heatmap), zeros
-- included.
CREATE VIEW theme_intensity AS
WITH g AS (
    SELECT province, year, sum(documents)::BIGINT AS documents, sum(tokens)::BIGINT AS tokens
    FROM group_stats GROUP BY province, year
), h AS (
    SELECT province, year, theme, sum(hits)::BIGINT AS hits
    FROM theme_stats GROUP BY province, year, theme
)
SELECT g.province, g.year, t.theme, t.label, t.theme_order,
       g.documents,
       coalesce(h.hits, 0)::BIGINT AS hits,
       g.tokens,
       CASE WHEN g.tokens > 0 THEN 10000.0 * coalesce(h.hits, 0) / g.tokens ELSE 0.0 END AS per_10k
FROM g
CROSS JOIN theme_labels t
LEFT JOIN h ON h.province = g.province AND h.year IS NOT DISTINCT FROM g.year AND h.theme = t.theme;

-- Theme intensity by province and theme over all years (the per-province
-- comparison), with the chi-square standardised residual of the hits against
-- independence of province and theme: above 2 the province stresses the
-- theme more than the others do, below -2 less. The table macro
-- theme_residuals computes it for any filter (the dashboard's filter bar:
-- provinces, excluded provinces, theme, level, type, years; empty or 0 for
-- none); the view is the whole corpus.
CREATE MACRO theme_residuals(provinces, exclude_provinces, has_theme, sel_level, sel_doc_type, year_basis, year_from, year_to) AS TABLE
WITH g AS (
    SELECT province, any_value(province_code) AS province_code,
           sum(documents)::BIGINT AS documents, sum(tokens)::BIGINT AS tokens
    FROM filtered_groups(provinces, exclude_provinces, has_theme, sel_level, sel_doc_type, year_basis, year_from, year_to)
    GROUP BY province
), h AS (
    SELECT province, theme, sum(hits)::BIGINT AS hits
    FROM filtered_theme_hits(provinces, exclude_provinces, has_theme, sel_level, sel_doc_type, year_basis, year_from, year_to)
    GROUP BY province, theme
), cells AS (
    SELECT g.province, g.province_code, t.theme, t.label, t.theme_order,
           g.documents, coalesce(h.hits, 0)::BIGINT AS hits, g.tokens
    FROM g
    CROSS JOIN theme_labels t
    LEFT JOIN h ON h.province = g.province AND h.theme = t.theme
), margins AS (
    SELECT *,
           sum(hits) OVER (PARTITION BY province)::DOUBLE AS province_hits,
           sum(hits) OVER (PARTITION BY theme)::DOUBLE    AS theme_hits_all,
           sum(hits) OVER ()::DOUBLE                      AS all_hits
    FROM cells
), expected AS (
    SELECT *,
           CASE WHEN all_hits > 0 THEN province_hits * theme_hits_all / all_hits ELSE 0.0 END AS expected,
           CASE WHEN all_hits > 0
                THEN province_hits * theme_hits_all / all_hits
                     * (1 - province_hits / all_hits) * (1 - theme_hits_all / all_hits)
                ELSE 0.0 END AS variance
    FROM margins
)
SELECT province, province_code, theme, label, theme_order, documents, hits, tokens,
       CASE WHEN tokens > 0 THEN 10000.0 * hits / tokens ELSE 0.0 END AS per_10k,
       expected,
       CASE WHEN variance > 0 THEN (hits - expected) / sqrt(variance) ELSE 0.0 END AS residual
FROM expected;

CREATE VIEW theme_by_province AS
SELECT * FROM theme_residuals([]::VARCHAR[], []::VARCHAR[], '', '', '', '', 0, 0);

-- Term frequency by province and year: occurrences, documents using the
-- term, the group's tokens, and occurrences per 10,000 tokens.
CREATE VIEW term_frequency AS
WITH g AS (
    SELECT province, year, sum(tokens)::BIGINT AS tokens
    FROM group_stats GROUP BY province, year
), t AS (
    SELECT province, year, term, sum(n)::BIGINT AS n, sum(documents)::BIGINT AS documents
    FROM term_stats GROUP BY province, year, term
)
SELECT t.province, t.year, t.term, t.n, t.documents, g.tokens,
       CASE WHEN g.tokens > 0 THEN 10000.0 * t.n / g.tokens ELSE 0.0 END AS per_10k
FROM t
JOIN g ON g.province = t.province AND g.year IS NOT DISTINCT FROM t.year;

-- One row per indicator of a compared document, with its document's
-- metadata and the sentence it was read from.
CREATE VIEW indicator_facts AS
SELECT d.path AS file,
       d.province,
       d.city,
       d.county,
       d.level,
       d.doc_type,
       d.year AS doc_year,
       i.kind,
       i.year,
       i.metric,
       i.canonical_metric,
       i.measure,
       i.value,
       i.value_max,
       i.unit,
       i.qualifier,
       i.surface,
       s.text AS sentence,
       i.doc_id,
       i.sentence_no,
       i.indicator_id,
       d.title,
       s.part,
       i.start_char,
       i.end_char,
       i.scope,
       i.scope_place
FROM indicators i
JOIN documents d ON d.doc_id = i.doc_id
LEFT JOIN sentences s ON s.doc_id = i.doc_id AND s.sentence_no = i.sentence_no;

-- Metrics that line up across notices: the canonical metric where the
-- catalogue has one, else the phrase itself; how often each occurs, and in
-- how many provinces' own figures (a national total quoted by a province
-- does not count for it).
CREATE VIEW indicator_metrics AS
SELECT coalesce(canonical_metric, metric)                 AS metric,
       bool_or(canonical_metric IS NOT NULL)              AS canonical,
       mode(unit ORDER BY unit)                           AS unit,
       count(*)                                           AS indicators,
       count(*) FILTER (WHERE kind = 'achievement')       AS achievements,
       count(*) FILTER (WHERE kind = 'target')            AS targets,
       count(DISTINCT province) FILTER (WHERE scope = 'own') AS provinces,
       count(DISTINCT doc_id)                             AS documents
FROM indicator_facts
GROUP BY coalesce(canonical_metric, metric);

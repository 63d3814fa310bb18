-- Views for hand-written SQL and for the dashboard: every chart reads one of
-- these (through queries/sql/*.sql), so a user in SQL sees the numbers the
-- charts show. Copies of a notice are not documents (they are listed in
-- the duplicates table), so nothing is counted twice. Intensities are per
-- 10,000 word tokens of the documents in a group: 10000 * hits / tokens.

-- One row per compared document, with its metadata and its sentence and
-- indicator counts.
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
       coalesce(s.sentences, 0)::BIGINT    AS sentences,
       coalesce(i.indicators, 0)::BIGINT   AS indicators,
       coalesce(i.achievements, 0)::BIGINT AS achievements,
       coalesce(i.targets, 0)::BIGINT      AS targets
FROM documents d
LEFT JOIN (SELECT doc_id, count(*) AS sentences
           FROM sentences GROUP BY doc_id) s ON s.doc_id = d.doc_id
LEFT JOIN (SELECT doc_id,
                  count(*) AS indicators,
                  count(*) FILTER (WHERE kind = 'achievement') AS achievements,
                  count(*) FILTER (WHERE kind = 'target') AS targets
           FROM indicators GROUP BY doc_id) i ON i.doc_id = d.doc_id;

-- The corpus by province and year: documents, tokens, sentences, indicators.
CREATE VIEW corpus_overview AS
SELECT province,
       year,
       count(*)                  AS documents,
       sum(tokens)::BIGINT       AS tokens,
       sum(sentences)::BIGINT    AS sentences,
       sum(indicators)::BIGINT   AS indicators,
       sum(chars)::BIGINT        AS chars
FROM document_stats
GROUP BY province, year;

-- Each theme once, with its Chinese label, its number of keywords and its
-- position in the theme file (theme_order, from 1). Themes that have hits
-- but no definition any more keep their id as label.
CREATE VIEW theme_labels AS
SELECT theme, label, keywords,
       row_number() OVER (ORDER BY ord NULLS LAST, theme) AS theme_order
FROM (
    SELECT theme, any_value(label) AS label, count(*) AS keywords, min(position) AS ord
    FROM themes GROUP BY theme
    UNION ALL
    SELECT DISTINCT theme, theme, 0, NULL
    FROM theme_hits WHERE theme NOT IN (SELECT theme FROM themes)
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

-- Theme intensity by province, year and theme (the themes heatmap).
CREATE VIEW theme_intensity AS
SELECT province, year, theme, any_value(label) AS label, any_value(theme_order) AS theme_order,
       count(*)            AS documents,
       sum(hits)::BIGINT   AS hits,
       sum(tokens)::BIGINT AS tokens,
       CASE WHEN sum(tokens) > 0 THEN 10000.0 * sum(hits) / sum(tokens) ELSE 0.0 END AS per_10k
FROM theme_document_intensity
GROUP BY province, year, theme;

-- Theme intensity by province and theme over all years (the per-province
-- comparison), with the chi-square standardised residual of the hits against
-- independence of province and theme: above 2 the province stresses the
-- theme more than the others do, below -2 less. The table macro
-- theme_residuals computes it for any filter (the dashboard's filter bar:
-- provinces, excluded provinces, theme, level, type, years; empty or 0 for
-- none); the view is the whole corpus.
CREATE MACRO theme_residuals(provinces, exclude_provinces, has_theme, sel_level, sel_doc_type, year_from, year_to) AS TABLE
WITH cells AS (
    SELECT d.province, d.theme,
           any_value(d.label)       AS label,
           any_value(d.theme_order) AS theme_order,
           count(*)                 AS documents,
           sum(d.hits)::BIGINT      AS hits,
           sum(d.tokens)::BIGINT    AS tokens
    FROM theme_document_intensity d
    WHERE (len(provinces) = 0 OR list_contains(provinces, d.province))
      AND NOT list_contains(exclude_provinces, d.province)
      AND (has_theme = '' OR d.doc_id IN (SELECT doc_id FROM theme_hits WHERE theme = has_theme AND hits > 0))
      AND (sel_level = '' OR d.level = sel_level)
      AND (sel_doc_type = '' OR d.doc_type = sel_doc_type)
      AND (year_from = 0 OR d.year >= year_from)
      AND (year_to = 0 OR d.year <= year_to)
    GROUP BY d.province, d.theme
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
SELECT province, theme, label, theme_order, documents, hits, tokens,
       CASE WHEN tokens > 0 THEN 10000.0 * hits / tokens ELSE 0.0 END AS per_10k,
       expected,
       CASE WHEN variance > 0 THEN (hits - expected) / sqrt(variance) ELSE 0.0 END AS residual
FROM expected;

CREATE VIEW theme_by_province AS
SELECT * FROM theme_residuals([]::VARCHAR[], []::VARCHAR[], '', '', '', 0, 0);

-- Term frequency by province and year: occurrences, documents using the
-- term, the group's tokens, and occurrences per 10,000 tokens.
CREATE VIEW term_frequency AS
WITH groups AS (
    SELECT province, year, sum(tokens)::BIGINT AS tokens
    FROM document_stats GROUP BY province, year
)
SELECT d.province, d.year, c.term,
       sum(c.n)::BIGINT           AS n,
       count(DISTINCT c.doc_id)   AS documents,
       any_value(g.tokens)        AS tokens,
       CASE WHEN any_value(g.tokens) > 0 THEN 10000.0 * sum(c.n) / any_value(g.tokens) ELSE 0.0 END AS per_10k
FROM term_counts c
JOIN document_stats d ON d.doc_id = c.doc_id
JOIN groups g ON g.province = d.province AND g.year IS NOT DISTINCT FROM d.year
GROUP BY d.province, d.year, c.term;

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
       i.end_char
FROM indicators i
JOIN documents d ON d.doc_id = i.doc_id
LEFT JOIN sentences s ON s.doc_id = i.doc_id AND s.sentence_no = i.sentence_no;

-- Metrics that line up across notices: the canonical metric where the
-- catalogue has one, else the phrase itself; how often each occurs.
CREATE VIEW indicator_metrics AS
SELECT coalesce(canonical_metric, metric)                 AS metric,
       bool_or(canonical_metric IS NOT NULL)              AS canonical,
       mode(unit ORDER BY unit)                           AS unit,
       count(*)                                           AS indicators,
       count(*) FILTER (WHERE kind = 'achievement')       AS achievements,
       count(*) FILTER (WHERE kind = 'target')            AS targets,
       count(DISTINCT province)                           AS provinces,
       count(DISTINCT doc_id)                             AS documents
FROM indicator_facts
GROUP BY coalesce(canonical_metric, metric);

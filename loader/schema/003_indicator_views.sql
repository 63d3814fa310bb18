-- Targets against results, computed at load time into target_status and
-- target_candidates (see loader/sql/UpdateTargets.sql) and shown here with
-- their notices and sentences: one row per own target of a canonical
-- metric and year, the result chosen among its candidates (the latest
-- published report of the same place, scope own, metric, measure, unit and
-- year, published on or after the target; else a statement that the target
-- was met), why it was chosen (reason), the status (met, not_met,
-- unreported, ambiguous), the completion ratio and the number of
-- candidates (listed one per row in target_candidate_results). National and
-- other places' figures never enter.
CREATE VIEW targets_vs_results AS
SELECT s.province,
       nullif(s.city, '')   AS city,
       nullif(s.county, '') AS county,
       s.metric,
       s.measure,
       s.unit,
       s.year,
       s.target_id,
       t.doc_id             AS target_doc_id,
       t.sentence_no        AS target_sentence_no,
       td.path              AS target_file,
       td.published         AS target_published,
       t.value              AS target_value,
       t.value_max          AS target_value_max,
       t.qualifier          AS target_qualifier,
       t.surface            AS target_surface,
       ts.text              AS target_sentence,
       s.result_id,
       r.doc_id             AS result_doc_id,
       r.sentence_no        AS result_sentence_no,
       rd.path              AS result_file,
       rd.published         AS result_published,
       r.value              AS result_value,
       r.qualifier          AS result_qualifier,
       r.surface            AS result_surface,
       rs.text              AS result_sentence,
       s.status,
       s.reason,
       s.candidates,
       s.status <> 'unreported' AS reported,
       s.completion
FROM target_status s
JOIN indicators t ON t.indicator_id = s.target_id
JOIN documents td ON td.doc_id = t.doc_id
LEFT JOIN sentences ts ON ts.doc_id = t.doc_id AND ts.sentence_no = t.sentence_no
LEFT JOIN indicators r ON r.indicator_id = s.result_id
LEFT JOIN documents rd ON rd.doc_id = r.doc_id
LEFT JOIN sentences rs ON rs.doc_id = r.doc_id AND rs.sentence_no = r.sentence_no;

-- Every candidate of every target, one row each: the results and met
-- statements of its key published on or after it, with their notice and
-- sentence and whether it is the one chosen. Filter by target_id: a key
-- with many targets and many results lists each result for each target.
CREATE VIEW target_candidate_results AS
SELECT s.target_id,
       c.result_id,
       c.evidence,
       coalesce(c.result_id = s.result_id, FALSE) AS chosen,
       r.doc_id      AS result_doc_id,
       r.sentence_no AS result_sentence_no,
       d.path        AS result_file,
       d.published   AS result_published,
       r.value       AS result_value,
       r.qualifier   AS result_qualifier,
       r.surface     AS result_surface,
       x.text        AS result_sentence
FROM target_status s
JOIN indicators t ON t.indicator_id = s.target_id
JOIN documents td ON td.doc_id = t.doc_id
JOIN target_candidates c
  ON c.province = s.province AND c.city = s.city AND c.county = s.county
 AND c.metric = s.metric AND c.measure = s.measure AND c.unit = s.unit AND c.year = s.year
 AND (c.published IS NULL
      OR coalesce(td.published, make_date(td.year, 12, 31)) IS NULL
      OR c.published >= coalesce(td.published, make_date(td.year, 12, 31)))
JOIN indicators r ON r.indicator_id = c.result_id
JOIN documents d ON d.doc_id = r.doc_id
LEFT JOIN sentences x ON x.doc_id = r.doc_id AND x.sentence_no = r.sentence_no;

-- The figures of one metric (the canonical metric, else the phrase)
-- narrowed by their own fields, as the indicators table and its facets
-- select them: kind, measure, unit, scope and the year a figure refers
-- to ('' and 0 select all). The table's selection, written once
-- (figure_selected; the facets apply it to indicator_stats).
CREATE MACRO figure_selected(v_kind, v_measure, v_unit, v_scope, v_year,
                             sel_kind, sel_measure, sel_unit, sel_scope, sel_year) AS
    (sel_kind = '' OR v_kind = sel_kind)
    AND (sel_measure = '' OR v_measure = sel_measure)
    AND (sel_unit = '' OR v_unit = sel_unit)
    AND (sel_scope = '' OR v_scope = sel_scope)
    AND (sel_year = 0 OR v_year = sel_year);

CREATE MACRO metric_figures(sel_metric, sel_kind, sel_measure, sel_unit, sel_scope, sel_year) AS TABLE
SELECT i.*
FROM indicators i
WHERE coalesce(i.canonical_metric, i.metric) = sel_metric
  AND figure_selected(i.kind, i.measure, i.unit, i.scope, i.year, sel_kind, sel_measure, sel_unit, sel_scope, sel_year);

-- The filtered selection's figures at the grain of the load-time aggregate
-- indicator_stats (per aggregate key, metric, kind, measure, unit, scope
-- and figure year: n figures; documents summed over a metric's rows is
-- the documents reporting it), with basis_year, so that the metric list
-- and the facets sum thousands of rows, not every figure. With a has_theme
-- filter it reads the figures of the selected documents instead (one row
-- per figure); the result is the same.
CREATE MACRO filtered_indicator_stats(provinces, exclude_provinces, has_theme, sel_level, sel_doc_type,
                                      year_basis, year_from, year_to) AS TABLE
SELECT s.province, s.province_code, s.level, s.doc_type,
       basis_year(year_basis, s.year, s.reviewed_year, s.plan_year) AS basis_year,
       s.metric, s.canonical, s.kind, s.measure, s.unit, s.scope, s.figure_year, s.n, s.documents
FROM indicator_stats s
WHERE has_theme = ''
  AND in_filter(s.province, s.level, s.doc_type, basis_year(year_basis, s.year, s.reviewed_year, s.plan_year),
                provinces, exclude_provinces, sel_level, sel_doc_type, year_from, year_to)
UNION ALL
SELECT d.province, d.province_code, d.level, d.doc_type, d.basis_year,
       coalesce(i.canonical_metric, i.metric), i.canonical_metric IS NOT NULL,
       i.kind, i.measure, i.unit, i.scope, i.year, 1::BIGINT,
       (row_number() OVER (PARTITION BY i.doc_id, coalesce(i.canonical_metric, i.metric)) = 1)::INTEGER
FROM filtered_documents(provinces, exclude_provinces, has_theme, sel_level, sel_doc_type, year_basis, year_from, year_to) d
JOIN indicators i ON i.doc_id = d.doc_id
WHERE has_theme <> '';

-- The figures of the documents a filter selects (the load-time table
-- figures, which carries each figure's document key, place and sentence),
-- with basis_year: what a page of one metric reads, so that a metric's
-- figures are found by the zone maps of figures.metric, not by scanning
-- every indicator and sentence.
CREATE MACRO filtered_figures(provinces, exclude_provinces, has_theme, sel_level, sel_doc_type,
                              year_basis, year_from, year_to) AS TABLE
SELECT f.*, basis_year(year_basis, f.year, f.reviewed_year, f.plan_year) AS basis_year
FROM figures f
WHERE in_filter(f.province, f.level, f.doc_type, basis_year(year_basis, f.year, f.reviewed_year, f.plan_year),
                provinces, exclude_provinces, sel_level, sel_doc_type, year_from, year_to)
  AND (has_theme = '' OR f.doc_id IN (SELECT doc_id FROM theme_hits WHERE theme = has_theme AND hits > 0));

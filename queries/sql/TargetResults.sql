-- Targets of one metric (all metrics when $metric is '') in the filtered
-- provinces and levels beside the result chosen for each (the rows of view
-- targets_vs_results), with its status, why the result was chosen and how
-- many candidates there were: one page of $limit rows from $offset, places
-- in administrative order; total counts every page. The year range applies
-- to the year a target is for. Read from target_status (computed at load
-- time), the page cut before the results are looked up, and without the
-- sentences the view joins: the page reads its rows, not the corpus. The
-- targets and results are looked up in the load-time table figures (macro
-- filtered_figures), where the figures of one metric lie together (a
-- result has its target's canonical metric).
WITH page AS (
    SELECT s.*,
           t.doc_id AS target_doc_id, t.sentence_no AS target_sentence_no,
           t.value AS target_value, t.value_max AS target_value_max,
           t.qualifier AS target_qualifier, t.surface AS target_surface,
           t.place_code,
           count(*) OVER () AS total
    FROM target_status s
    JOIN filtered_figures($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_basis, 0, 0) t ON t.indicator_id = s.target_id
    WHERE ($metric = '' OR s.metric = $metric)
      AND ($metric = '' OR t.metric = $metric)
      AND ($year_from = 0 OR s.year >= $year_from)
      AND ($year_to = 0 OR s.year <= $year_to)
    ORDER BY s.metric, t.place_code NULLS LAST, s.year NULLS LAST, t.doc_id, t.sentence_no
    LIMIT $limit OFFSET $offset
)
SELECT p.province, p.city, p.county,
       p.metric, p.year, p.measure, p.unit,
       p.target_value, p.target_value_max, p.target_qualifier, p.target_surface,
       p.target_doc_id, p.target_sentence_no,
       r.value AS result_value, coalesce(r.surface, '') AS result_surface,
       r.doc_id AS result_doc_id, r.sentence_no AS result_sentence_no,
       p.completion,
       p.target_id, p.status, p.reason, p.candidates,
       p.total
FROM page p
LEFT JOIN figures r ON r.indicator_id = p.result_id AND ($metric = '' OR r.metric = $metric)
ORDER BY p.metric, p.place_code NULLS LAST, p.year NULLS LAST, p.target_doc_id, p.target_sentence_no;

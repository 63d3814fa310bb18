-- Targets of one metric (all metrics when $metric is '') in the filtered
-- provinces and levels beside the result chosen for each (view
-- targets_vs_results), with its status, why the result was chosen and how
-- many candidates there were: one page of $limit rows from $offset, places
-- in administrative order; total counts every page. The year range applies
-- to the year a target is for.
SELECT r.province,
       coalesce(r.city, '')   AS city,
       coalesce(r.county, '') AS county,
       r.metric, r.year, r.measure, r.unit,
       r.target_value, r.target_value_max, r.target_qualifier, r.target_surface,
       r.target_doc_id, r.target_sentence_no,
       r.result_value, coalesce(r.result_surface, '') AS result_surface,
       r.result_doc_id, r.result_sentence_no,
       r.completion,
       r.target_id, r.status, r.reason, r.candidates,
       count(*) OVER () AS total
FROM targets_vs_results r
JOIN filtered_documents($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_basis, 0, 0) d ON d.doc_id = r.target_doc_id
WHERE ($metric = '' OR r.metric = $metric)
  AND ($year_from = 0 OR r.year >= $year_from)
  AND ($year_to = 0 OR r.year <= $year_to)
ORDER BY r.metric, d.place_code NULLS LAST, r.year NULLS LAST, r.target_doc_id, r.target_sentence_no
LIMIT $limit OFFSET $offset;

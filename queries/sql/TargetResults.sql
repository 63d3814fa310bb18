-- Targets of one metric (all metrics when $metric is '') in the filtered
-- provinces and levels beside their results (view targets_vs_results).
SELECT r.province,
       coalesce(r.city, '')   AS city,
       coalesce(r.county, '') AS county,
       r.metric, r.year, r.measure, r.unit,
       r.target_value, r.target_value_max, r.target_qualifier, r.target_surface,
       r.target_doc_id, r.target_sentence_no,
       r.result_value, coalesce(r.result_surface, '') AS result_surface,
       r.result_doc_id, r.result_sentence_no,
       r.completion
FROM targets_vs_results r
JOIN document_stats d ON d.doc_id = r.target_doc_id
WHERE ($metric = '' OR r.metric = $metric)
  AND (len($provinces) = 0 OR list_contains($provinces, d.province))
  AND NOT list_contains($exclude_provinces, d.province)
  AND ($has_theme = '' OR d.doc_id IN (SELECT doc_id FROM theme_hits WHERE theme = $has_theme AND hits > 0))
  AND ($level = '' OR d.level = $level)
  AND ($doc_type = '' OR d.doc_type = $doc_type)
  AND ($year_from = 0 OR r.year >= $year_from)
  AND ($year_to = 0 OR r.year <= $year_to)
ORDER BY r.metric, r.province, r.year NULLS LAST, r.target_doc_id, r.target_sentence_no;

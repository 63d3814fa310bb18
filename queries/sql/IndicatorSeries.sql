-- Every indicator of one metric (canonical, else the phrase) in the filtered
-- documents (view indicator_facts), with the sentence it came from.
SELECT d.indicator_id, d.doc_id, d.sentence_no, d.file, d.title,
       d.province, d.city, d.county, d.level, d.doc_year,
       d.kind, d.year, d.metric, d.canonical_metric, d.measure,
       d.value, d.value_max, d.unit, d.qualifier, d.surface,
       coalesce(d.sentence, '') AS sentence
FROM indicator_facts d
WHERE coalesce(d.canonical_metric, d.metric) = $metric
  AND (len($provinces) = 0 OR list_contains($provinces, d.province))
  AND NOT list_contains($exclude_provinces, d.province)
  AND ($has_theme = '' OR d.doc_id IN (SELECT doc_id FROM theme_hits WHERE theme = $has_theme AND hits > 0))
  AND ($level = '' OR d.level = $level)
  AND ($doc_type = '' OR d.doc_type = $doc_type)
  AND ($year_from = 0 OR d.doc_year >= $year_from)
  AND ($year_to = 0 OR d.doc_year <= $year_to)
ORDER BY d.province, d.year NULLS LAST, d.kind, d.doc_id, d.start_char;

-- The filtered documents with their metadata and counts (view
-- document_stats), newest first.
SELECT d.doc_id, d.file, d.title, d.doc_type, d.province,
       coalesce(d.city, '')   AS city,
       coalesce(d.county, '') AS county,
       d.level, d.issuer,
       coalesce(strftime(d.published, '%Y-%m-%d'), '') AS published,
       d.year, d.reviewed_year, d.plan_year,
       d.chars, d.tokens, d.sentences, d.indicators, d.achievements, d.targets
FROM document_stats d
WHERE (len($provinces) = 0 OR list_contains($provinces, d.province))
  AND NOT list_contains($exclude_provinces, d.province)
  AND ($has_theme = '' OR d.doc_id IN (SELECT doc_id FROM theme_hits WHERE theme = $has_theme AND hits > 0))
  AND ($level = '' OR d.level = $level)
  AND ($doc_type = '' OR d.doc_type = $doc_type)
  AND ($year_from = 0 OR d.year >= $year_from)
  AND ($year_to = 0 OR d.year <= $year_to)
ORDER BY d.published DESC NULLS LAST, d.province, d.file;

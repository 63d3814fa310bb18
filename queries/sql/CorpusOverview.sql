-- The corpus by province and year (view corpus_overview), for the filtered
-- documents.
SELECT d.province,
       d.year,
       count(*)                  AS documents,
       sum(d.tokens)::BIGINT     AS tokens,
       sum(d.sentences)::BIGINT  AS sentences,
       sum(d.indicators)::BIGINT AS indicators,
       sum(d.chars)::BIGINT      AS chars
FROM document_stats d
WHERE (len($provinces) = 0 OR list_contains($provinces, d.province))
  AND NOT list_contains($exclude_provinces, d.province)
  AND ($has_theme = '' OR d.doc_id IN (SELECT doc_id FROM theme_hits WHERE theme = $has_theme AND hits > 0))
  AND ($level = '' OR d.level = $level)
  AND ($doc_type = '' OR d.doc_type = $doc_type)
  AND ($year_from = 0 OR d.year >= $year_from)
  AND ($year_to = 0 OR d.year <= $year_to)
GROUP BY d.province, d.year
ORDER BY d.province, d.year NULLS LAST;

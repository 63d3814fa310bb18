-- Theme intensity by province, year and theme (view theme_intensity), for
-- the filtered documents: hits per 10,000 tokens.
SELECT d.province,
       d.year,
       d.theme,
       any_value(d.label)       AS label,
       any_value(d.theme_order) AS theme_order,
       count(*)                 AS documents,
       sum(d.hits)::BIGINT      AS hits,
       sum(d.tokens)::BIGINT    AS tokens,
       CASE WHEN sum(d.tokens) > 0 THEN 10000.0 * sum(d.hits) / sum(d.tokens) ELSE 0.0 END AS per_10k
FROM theme_document_intensity d
WHERE (len($provinces) = 0 OR list_contains($provinces, d.province))
  AND NOT list_contains($exclude_provinces, d.province)
  AND ($has_theme = '' OR d.doc_id IN (SELECT doc_id FROM theme_hits WHERE theme = $has_theme AND hits > 0))
  AND ($level = '' OR d.level = $level)
  AND ($doc_type = '' OR d.doc_type = $doc_type)
  AND ($year_from = 0 OR d.year >= $year_from)
  AND ($year_to = 0 OR d.year <= $year_to)
GROUP BY d.province, d.year, d.theme
ORDER BY d.province, d.year NULLS LAST, theme_order;

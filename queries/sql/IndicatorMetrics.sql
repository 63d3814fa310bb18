-- Metrics of the filtered documents' indicators (view indicator_metrics):
-- canonical metric where the catalogue has one, else the phrase; the ones
-- that line up across most provinces first.
SELECT coalesce(d.canonical_metric, d.metric)              AS metric,
       bool_or(d.canonical_metric IS NOT NULL)             AS canonical,
       mode(d.unit)                                        AS unit,
       count(*)                                            AS indicators,
       count(*) FILTER (WHERE d.kind = 'achievement')      AS achievements,
       count(*) FILTER (WHERE d.kind = 'target')           AS targets,
       count(DISTINCT d.province)                          AS provinces,
       count(DISTINCT d.doc_id)                            AS documents
FROM indicator_facts d
WHERE (len($provinces) = 0 OR list_contains($provinces, d.province))
  AND NOT list_contains($exclude_provinces, d.province)
  AND ($has_theme = '' OR d.doc_id IN (SELECT doc_id FROM theme_hits WHERE theme = $has_theme AND hits > 0))
  AND ($level = '' OR d.level = $level)
  AND ($doc_type = '' OR d.doc_type = $doc_type)
  AND ($year_from = 0 OR d.doc_year >= $year_from)
  AND ($year_to = 0 OR d.doc_year <= $year_to)
GROUP BY coalesce(d.canonical_metric, d.metric)
ORDER BY canonical DESC, provinces DESC, indicators DESC, metric;

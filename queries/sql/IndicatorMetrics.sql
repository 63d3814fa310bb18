-- Metrics of the filtered documents' indicators (view indicator_metrics):
-- canonical metric where the catalogue has one, else the phrase; the ones
-- that line up across most provinces first.
SELECT coalesce(i.canonical_metric, i.metric)              AS metric,
       bool_or(i.canonical_metric IS NOT NULL)             AS canonical,
       mode(i.unit)                                        AS unit,
       count(*)                                            AS indicators,
       count(*) FILTER (WHERE i.kind = 'achievement')      AS achievements,
       count(*) FILTER (WHERE i.kind = 'target')           AS targets,
       count(DISTINCT d.province) FILTER (WHERE i.scope = 'own') AS provinces,
       count(DISTINCT d.doc_id)                            AS documents
FROM indicators i
JOIN filtered_documents($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_basis, $year_from, $year_to) d ON d.doc_id = i.doc_id
GROUP BY coalesce(i.canonical_metric, i.metric)
ORDER BY canonical DESC, provinces DESC, indicators DESC, metric
LIMIT $limit;

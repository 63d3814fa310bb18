-- Metrics of the filtered documents' indicators (view indicator_metrics):
-- canonical metric where the catalogue has one, else the phrase; the ones
-- that line up across most provinces first. Summed from the load-time
-- aggregate (macro filtered_indicator_stats), not from every figure; the
-- unit is the most frequent (the first in order among equals).
WITH s AS (
    SELECT * FROM filtered_indicator_stats($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_basis, $year_from, $year_to)
), units AS (
    SELECT metric, first(unit ORDER BY n DESC, unit) AS unit
    FROM (SELECT metric, unit, sum(n) AS n FROM s GROUP BY metric, unit)
    GROUP BY metric
)
SELECT s.metric,
       bool_or(s.canonical)                                          AS canonical,
       any_value(u.unit)                                             AS unit,
       sum(s.n)::BIGINT                                              AS indicators,
       coalesce(sum(s.n) FILTER (WHERE s.kind = 'achievement'), 0)::BIGINT AS achievements,
       coalesce(sum(s.n) FILTER (WHERE s.kind = 'target'), 0)::BIGINT      AS targets,
       count(DISTINCT s.province) FILTER (WHERE s.scope = 'own')    AS provinces,
       sum(s.documents)::BIGINT                                      AS documents
FROM s
JOIN units u ON u.metric = s.metric
GROUP BY s.metric
ORDER BY canonical DESC, provinces DESC, indicators DESC, metric
LIMIT $limit;

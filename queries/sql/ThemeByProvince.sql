-- Theme intensity by province and theme over the filtered years (view
-- theme_by_province), with the chi-square adjusted standardised residual of
-- the hits against independence of province and theme.
WITH cells AS (
    SELECT d.province, d.theme,
           any_value(d.label)       AS label,
           any_value(d.theme_order) AS theme_order,
           count(*)                 AS documents,
           sum(d.hits)::BIGINT      AS hits,
           sum(d.tokens)::BIGINT    AS tokens
    FROM theme_document_intensity d
    WHERE (len($provinces) = 0 OR list_contains($provinces, d.province))
      AND NOT list_contains($exclude_provinces, d.province)
      AND ($has_theme = '' OR d.doc_id IN (SELECT doc_id FROM theme_hits WHERE theme = $has_theme AND hits > 0))
      AND ($level = '' OR d.level = $level)
      AND ($doc_type = '' OR d.doc_type = $doc_type)
      AND ($year_from = 0 OR d.year >= $year_from)
      AND ($year_to = 0 OR d.year <= $year_to)
    GROUP BY d.province, d.theme
), margins AS (
    SELECT *,
           sum(hits) OVER (PARTITION BY province)::DOUBLE AS province_hits,
           sum(hits) OVER (PARTITION BY theme)::DOUBLE    AS theme_hits_all,
           sum(hits) OVER ()::DOUBLE                      AS all_hits
    FROM cells
), expected AS (
    SELECT *,
           CASE WHEN all_hits > 0 THEN province_hits * theme_hits_all / all_hits ELSE 0.0 END AS expected,
           CASE WHEN all_hits > 0
                THEN province_hits * theme_hits_all / all_hits
                     * (1 - province_hits / all_hits) * (1 - theme_hits_all / all_hits)
                ELSE 0.0 END AS variance
    FROM margins
)
SELECT province, theme, label, theme_order, documents, hits, tokens,
       CASE WHEN tokens > 0 THEN 10000.0 * hits / tokens ELSE 0.0 END AS per_10k,
       expected,
       CASE WHEN variance > 0 THEN (hits - expected) / sqrt(variance) ELSE 0.0 END AS residual
FROM expected
ORDER BY province, theme_order;

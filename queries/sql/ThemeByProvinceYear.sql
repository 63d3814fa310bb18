-- Theme intensity by province, year and theme (view theme_intensity), for
-- the filtered documents: hits per 10,000 tokens, zeros included; year is
-- the year on the filter's basis, provinces in administrative order.
WITH g AS (
    SELECT province, any_value(province_code) AS province_code, basis_year AS year,
           sum(documents)::BIGINT AS documents, sum(tokens)::BIGINT AS tokens
    FROM filtered_groups($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_basis, $year_from, $year_to)
    GROUP BY province, basis_year
), h AS (
    SELECT province, basis_year AS year, theme, sum(hits)::BIGINT AS hits
    FROM filtered_theme_hits($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_basis, $year_from, $year_to)
    GROUP BY province, basis_year, theme
)
SELECT g.province, g.year, t.theme, t.label, t.theme_order,
       g.documents,
       coalesce(h.hits, 0)::BIGINT AS hits,
       g.tokens,
       CASE WHEN g.tokens > 0 THEN 10000.0 * coalesce(h.hits, 0) / g.tokens ELSE 0.0 END AS per_10k
FROM g
CROSS JOIN theme_labels t
LEFT JOIN h ON h.province = g.province AND h.year IS NOT DISTINCT FROM g.year AND h.theme = t.theme
ORDER BY g.province_code NULLS LAST, g.province, g.year NULLS LAST, t.theme_order;

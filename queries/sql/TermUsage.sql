-- One term across provinces and years (view term_frequency): occurrences
-- per 10,000 tokens of each province and year of the filtered documents,
-- zeros included, and the first date the term appears in each province;
-- provinces in administrative order.
WITH groups AS (
    SELECT g.province, any_value(g.province_code) AS province_code, g.basis_year AS year,
           sum(g.tokens)::BIGINT AS tokens
    FROM filtered_groups($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_basis, $year_from, $year_to) g
    GROUP BY g.province, g.basis_year
), counts AS (
    SELECT t.province, t.basis_year AS year, sum(t.n)::BIGINT AS n
    FROM filtered_terms($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_basis, $year_from, $year_to) t
    WHERE t.term = $term
    GROUP BY t.province, t.basis_year
), first_use AS (
    SELECT d.province, min(d.published) AS first_published
    FROM term_counts c JOIN documents d ON d.doc_id = c.doc_id
    WHERE c.term = $term
    GROUP BY d.province
)
SELECT g.province, g.year,
       coalesce(t.n, 0)::BIGINT AS n,
       g.tokens,
       CASE WHEN g.tokens > 0 THEN 10000.0 * coalesce(t.n, 0) / g.tokens ELSE 0.0 END AS per_10k,
       coalesce(strftime(f.first_published, '%Y-%m-%d'), '') AS first_published
FROM groups g
LEFT JOIN counts t ON t.province = g.province AND t.year IS NOT DISTINCT FROM g.year
LEFT JOIN first_use f ON f.province = g.province
ORDER BY g.province_code NULLS LAST, g.province, g.year NULLS LAST;

-- One term across provinces and years (view term_frequency): occurrences
-- per 10,000 tokens of each province and year, zeros included, and the
-- first date the term appears in each province.
WITH groups AS (
    SELECT d.province, d.year, sum(d.tokens)::BIGINT AS tokens
    FROM document_stats d
    WHERE (len($provinces) = 0 OR list_contains($provinces, d.province))
      AND NOT list_contains($exclude_provinces, d.province)
      AND ($has_theme = '' OR d.doc_id IN (SELECT doc_id FROM theme_hits WHERE theme = $has_theme AND hits > 0))
      AND ($level = '' OR d.level = $level)
      AND ($doc_type = '' OR d.doc_type = $doc_type)
      AND ($year_from = 0 OR d.year >= $year_from)
      AND ($year_to = 0 OR d.year <= $year_to)
    GROUP BY d.province, d.year
), first_use AS (
    SELECT d.province, min(d.published) AS first_published
    FROM term_counts c JOIN document_stats d ON d.doc_id = c.doc_id
    WHERE c.term = $term
    GROUP BY d.province
)
SELECT g.province, g.year,
       coalesce(t.n, 0)::BIGINT AS n,
       g.tokens,
       CASE WHEN g.tokens > 0 THEN 10000.0 * coalesce(t.n, 0) / g.tokens ELSE 0.0 END AS per_10k,
       coalesce(strftime(f.first_published, '%Y-%m-%d'), '') AS first_published
FROM groups g
LEFT JOIN term_frequency t ON t.province = g.province AND t.year IS NOT DISTINCT FROM g.year AND t.term = $term
LEFT JOIN first_use f ON f.province = g.province
ORDER BY g.province, g.year NULLS LAST;

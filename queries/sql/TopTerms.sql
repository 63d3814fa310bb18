-- The most frequent terms of the filtered documents (view term_frequency,
-- summed over the selection; read from the load-time table term_stats):
-- occurrences, documents using the term, and occurrences per 10,000
-- tokens of the selection.
WITH total AS (
    SELECT coalesce(sum(tokens), 0)::BIGINT AS tokens
    FROM filtered_groups($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_basis, $year_from, $year_to)
)
SELECT t.term,
       sum(t.n)::BIGINT         AS n,
       sum(t.documents)::BIGINT AS documents,
       CASE WHEN any_value(total.tokens) > 0 THEN 10000.0 * sum(t.n) / any_value(total.tokens) ELSE 0.0 END AS per_10k
FROM filtered_terms($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_basis, $year_from, $year_to) t
CROSS JOIN total
GROUP BY t.term
ORDER BY n DESC, t.term
LIMIT $limit;

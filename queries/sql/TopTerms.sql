-- The most frequent terms of the filtered documents (view term_frequency,
-- summed over the selection): occurrences, documents using the term, and
-- occurrences per 10,000 tokens of the selection.
WITH docs AS (
    SELECT d.doc_id, d.tokens FROM document_stats d
    WHERE (len($provinces) = 0 OR list_contains($provinces, d.province))
      AND NOT list_contains($exclude_provinces, d.province)
      AND ($has_theme = '' OR d.doc_id IN (SELECT doc_id FROM theme_hits WHERE theme = $has_theme AND hits > 0))
      AND ($level = '' OR d.level = $level)
      AND ($doc_type = '' OR d.doc_type = $doc_type)
      AND ($year_from = 0 OR d.year >= $year_from)
      AND ($year_to = 0 OR d.year <= $year_to)
), total AS (
    SELECT coalesce(sum(tokens), 0)::BIGINT AS tokens FROM docs
)
SELECT c.term,
       sum(c.n)::BIGINT         AS n,
       count(DISTINCT c.doc_id) AS documents,
       CASE WHEN any_value(total.tokens) > 0 THEN 10000.0 * sum(c.n) / any_value(total.tokens) ELSE 0.0 END AS per_10k
FROM term_counts c
JOIN docs ON docs.doc_id = c.doc_id
CROSS JOIN total
GROUP BY c.term
ORDER BY n DESC, c.term
LIMIT $limit;

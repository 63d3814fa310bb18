-- Keyness: the terms that set selection A apart from selection B, by
-- Dunning's log-likelihood G2 (above 3.84: p < 0.05, above 10.83:
-- p < 0.001), with the log ratio of relative frequencies (base 2, +0.5
-- smoothing) as effect size: positive for terms of A, negative for B.
-- A document in both selections counts on both sides.
WITH a_docs AS (
    SELECT d.doc_id, d.tokens FROM document_stats d
    WHERE (len($a_provinces) = 0 OR list_contains($a_provinces, d.province))
      AND NOT list_contains($a_exclude_provinces, d.province)
      AND ($a_has_theme = '' OR d.doc_id IN (SELECT doc_id FROM theme_hits WHERE theme = $a_has_theme AND hits > 0))
      AND ($a_level = '' OR d.level = $a_level)
      AND ($a_doc_type = '' OR d.doc_type = $a_doc_type)
      AND ($a_year_from = 0 OR d.year >= $a_year_from)
      AND ($a_year_to = 0 OR d.year <= $a_year_to)
), b_docs AS (
    SELECT d.doc_id, d.tokens FROM document_stats d
    WHERE (len($b_provinces) = 0 OR list_contains($b_provinces, d.province))
      AND NOT list_contains($b_exclude_provinces, d.province)
      AND ($b_has_theme = '' OR d.doc_id IN (SELECT doc_id FROM theme_hits WHERE theme = $b_has_theme AND hits > 0))
      AND ($b_level = '' OR d.level = $b_level)
      AND ($b_doc_type = '' OR d.doc_type = $b_doc_type)
      AND ($b_year_from = 0 OR d.year >= $b_year_from)
      AND ($b_year_to = 0 OR d.year <= $b_year_to)
), totals AS (
    SELECT (SELECT coalesce(sum(tokens), 0) FROM a_docs)::DOUBLE AS ta,
           (SELECT coalesce(sum(tokens), 0) FROM b_docs)::DOUBLE AS tb
), fa AS (
    SELECT c.term, sum(c.n)::DOUBLE AS n FROM term_counts c JOIN a_docs USING (doc_id) GROUP BY c.term
), fb AS (
    SELECT c.term, sum(c.n)::DOUBLE AS n FROM term_counts c JOIN b_docs USING (doc_id) GROUP BY c.term
), freq AS (
    SELECT coalesce(fa.term, fb.term) AS term, coalesce(fa.n, 0) AS a, coalesce(fb.n, 0) AS b, ta, tb
    FROM fa FULL JOIN fb ON fa.term = fb.term CROSS JOIN totals
    WHERE ta > 0 AND tb > 0
), scored AS (
    SELECT term, a, b, ta, tb,
           ta * (a + b) / (ta + tb) AS ea,
           tb * (a + b) / (ta + tb) AS eb
    FROM freq
)
SELECT term,
       a::BIGINT AS a_n,
       b::BIGINT AS b_n,
       10000.0 * a / ta AS a_per_10k,
       10000.0 * b / tb AS b_per_10k,
       2 * ((CASE WHEN a > 0 THEN a * ln(a / ea) ELSE 0 END)
          + (CASE WHEN b > 0 THEN b * ln(b / eb) ELSE 0 END)) AS ll,
       log2(((a + 0.5) / ta) / ((b + 0.5) / tb)) AS log_ratio
FROM scored
ORDER BY ll DESC, term
LIMIT $limit;

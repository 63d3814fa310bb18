-- Keyness: the terms that set selection A apart from selection B, by
-- Dunning's log-likelihood G2 (above 3.84: p < 0.05, above 10.83:
-- p < 0.001), with the log ratio of relative frequencies (base 2, +0.5
-- smoothing) as effect size: positive for terms of A, negative for B.
-- A document in both selections counts on both sides.
WITH totals AS (
    SELECT (SELECT coalesce(sum(tokens), 0) FROM filtered_groups($a_provinces, $a_exclude_provinces, $a_has_theme, $a_level, $a_doc_type, $a_year_basis, $a_year_from, $a_year_to))::DOUBLE AS ta,
           (SELECT coalesce(sum(tokens), 0) FROM filtered_groups($b_provinces, $b_exclude_provinces, $b_has_theme, $b_level, $b_doc_type, $b_year_basis, $b_year_from, $b_year_to))::DOUBLE AS tb
), fa AS (
    SELECT term, sum(n)::DOUBLE AS n FROM filtered_terms($a_provinces, $a_exclude_provinces, $a_has_theme, $a_level, $a_doc_type, $a_year_basis, $a_year_from, $a_year_to) GROUP BY term
), fb AS (
    SELECT term, sum(n)::DOUBLE AS n FROM filtered_terms($b_provinces, $b_exclude_provinces, $b_has_theme, $b_level, $b_doc_type, $b_year_basis, $b_year_from, $b_year_to) GROUP BY term
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

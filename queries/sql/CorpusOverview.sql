-- The corpus by province and year (view corpus_overview) for the filtered
-- documents, provinces in administrative order; year is the year on the
-- filter's basis.
SELECT g.province,
       g.basis_year                AS year,
       sum(g.documents)::BIGINT    AS documents,
       sum(g.tokens)::BIGINT       AS tokens,
       sum(g.sentences)::BIGINT    AS sentences,
       sum(g.indicators)::BIGINT   AS indicators,
       sum(g.chars)::BIGINT        AS chars
FROM filtered_groups($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_basis, $year_from, $year_to) g
GROUP BY g.province, g.basis_year
ORDER BY any_value(g.province_code) NULLS LAST, g.province, year NULLS LAST;

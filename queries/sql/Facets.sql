-- The values each filter field takes, with a label and how many compared
-- documents have each: what the filter bar and the selection menus offer.
-- Provinces in administrative order; years are those of the year basis
-- ($year_basis: reviewed, plan, else the comparison year); themes count
-- the documents with at least one hit, in theme file order. Read from the
-- load-time aggregates.
SELECT field, value, label, documents FROM (
    SELECT 'province' AS field, province AS value, province AS label, sum(documents)::BIGINT AS documents,
           coalesce(any_value(province_code), '99') AS ord
    FROM group_stats GROUP BY province
    UNION ALL
    SELECT 'year', CAST(y AS VARCHAR), CAST(y AS VARCHAR), sum(documents)::BIGINT, ''
    FROM (SELECT basis_year($year_basis, year, reviewed_year, plan_year) AS y, documents FROM group_stats)
    WHERE y IS NOT NULL
    GROUP BY y
    UNION ALL
    SELECT 'level', level, level, sum(documents)::BIGINT, '' FROM group_stats GROUP BY level
    UNION ALL
    SELECT 'doc_type', doc_type, doc_type, sum(documents)::BIGINT, '' FROM group_stats GROUP BY doc_type
    UNION ALL
    SELECT 'theme', t.theme, t.label, sum(h.documents)::BIGINT, lpad(CAST(t.theme_order AS VARCHAR), 4, '0')
    FROM theme_labels t
    JOIN theme_stats h ON h.theme = t.theme
    GROUP BY t.theme, t.label, t.theme_order
)
ORDER BY field, ord, value;

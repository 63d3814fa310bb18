-- The values each filter field takes, with how many compared documents have
-- each: what the filter bar and the selection menus offer.
SELECT field, value, documents FROM (
    SELECT 'province' AS field, province AS value, count(*) AS documents FROM document_stats GROUP BY province
    UNION ALL
    SELECT 'year', CAST(year AS VARCHAR), count(*) FROM document_stats WHERE year IS NOT NULL GROUP BY year
    UNION ALL
    SELECT 'level', level, count(*) FROM document_stats GROUP BY level
    UNION ALL
    SELECT 'doc_type', doc_type, count(*) FROM document_stats GROUP BY doc_type
)
ORDER BY field, value;

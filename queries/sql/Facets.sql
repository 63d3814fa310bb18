-- The values each filter field takes, with a label and how many compared
-- documents have each: what the filter bar and the selection menus offer.
-- Themes count the documents with at least one hit, in theme file order.
SELECT field, value, label, documents FROM (
    SELECT 'province' AS field, province AS value, province AS label, count(*) AS documents, 0 AS ord
    FROM document_stats GROUP BY province
    UNION ALL
    SELECT 'year', CAST(year AS VARCHAR), CAST(year AS VARCHAR), count(*), 0
    FROM document_stats WHERE year IS NOT NULL GROUP BY year
    UNION ALL
    SELECT 'level', level, level, count(*), 0 FROM document_stats GROUP BY level
    UNION ALL
    SELECT 'doc_type', doc_type, doc_type, count(*), 0 FROM document_stats GROUP BY doc_type
    UNION ALL
    SELECT 'theme', t.theme, t.label, count(DISTINCT h.doc_id), t.theme_order
    FROM theme_labels t
    JOIN theme_hits h ON h.theme = t.theme AND h.hits > 0
    JOIN document_stats d ON d.doc_id = h.doc_id
    GROUP BY t.theme, t.label, t.theme_order
)
ORDER BY field, ord, value;

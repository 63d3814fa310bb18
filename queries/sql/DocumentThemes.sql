-- Theme hits of one document, strongest first.
SELECT t.theme, t.label, t.theme_order, h.hits, h.per_10k
FROM theme_hits h
JOIN theme_labels t ON t.theme = h.theme
WHERE h.doc_id = $id AND h.hits > 0
ORDER BY h.per_10k DESC, t.theme_order;

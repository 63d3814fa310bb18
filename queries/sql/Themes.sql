-- The themes in file order, with their labels and keyword lists.
SELECT t.theme, t.label, t.theme_order,
       coalesce((SELECT string_agg(k.keyword, '、' ORDER BY k.position) FROM themes k WHERE k.theme = t.theme), '') AS keywords
FROM theme_labels t
ORDER BY t.theme_order;

-- Sentences of the filtered documents that contain a keyword of one theme:
-- the text behind a cell of the themes heatmap. Keywords are matched as
-- substrings, so a sentence can show a keyword the segmenter split
-- differently when it counted theme hits.
SELECT s.doc_id, s.sentence_no, d.title, d.province,
       coalesce(d.city, '') AS city, coalesce(d.county, '') AS county,
       d.year, s.text,
       list(DISTINCT k.keyword ORDER BY k.keyword) AS keywords
FROM sentences s
JOIN document_stats d ON d.doc_id = s.doc_id
JOIN themes k ON k.theme = $theme AND contains(s.text, k.keyword)
WHERE (len($provinces) = 0 OR list_contains($provinces, d.province))
  AND NOT list_contains($exclude_provinces, d.province)
  AND ($has_theme = '' OR d.doc_id IN (SELECT doc_id FROM theme_hits WHERE theme = $has_theme AND hits > 0))
  AND ($level = '' OR d.level = $level)
  AND ($doc_type = '' OR d.doc_type = $doc_type)
  AND ($year_from = 0 OR d.year >= $year_from)
  AND ($year_to = 0 OR d.year <= $year_to)
GROUP BY s.doc_id, s.sentence_no, d.title, d.province, d.city, d.county, d.year, d.published, s.text
ORDER BY d.published DESC NULLS LAST, s.doc_id, s.sentence_no
LIMIT $limit;

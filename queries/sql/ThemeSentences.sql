-- Sentences of the filtered documents that contain a keyword of one theme:
-- the text behind a cell of the themes heatmap. Keywords are matched as
-- substrings, so a sentence can show a keyword the segmenter split
-- differently when it counted theme hits.
SELECT s.doc_id, s.sentence_no, d.title, d.province,
       coalesce(d.city, '') AS city, coalesce(d.county, '') AS county,
       d.basis_year AS year, s.text,
       list(DISTINCT k.keyword ORDER BY k.keyword) AS keywords
FROM sentences s
JOIN filtered_documents($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_basis, $year_from, $year_to) d ON d.doc_id = s.doc_id
JOIN themes k ON k.theme = $theme AND contains(s.text, k.keyword)
GROUP BY s.doc_id, s.sentence_no, d.title, d.province, d.city, d.county, d.basis_year, d.published, s.text
ORDER BY d.published DESC NULLS LAST, s.doc_id, s.sentence_no
LIMIT $limit;

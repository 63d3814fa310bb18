-- Sentences of the filtered documents that contain a keyword of one theme:
-- the text behind a cell of the themes heatmap, which counts the documents
-- with a hit of the theme (theme_hits). Keywords are matched as
-- substrings, so a sentence can show a keyword the segmenter split
-- differently when it counted theme hits. Newest documents first: a
-- document with a hit holds a sentence with a keyword, so the first $limit
-- sentences are in the newest $limit documents with a hit, and only their
-- sentences are read, not the corpus's.
WITH docs AS (
    SELECT d.doc_id, d.title, d.province, d.city, d.county, d.basis_year, d.published
    FROM filtered_documents($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_basis, $year_from, $year_to) d
    SEMI JOIN theme_hits h ON h.doc_id = d.doc_id AND h.theme = $theme AND h.hits > 0
    ORDER BY d.published DESC NULLS LAST, d.doc_id
    LIMIT $limit
), keywords AS (
    SELECT DISTINCT keyword FROM themes WHERE theme = $theme
)
SELECT s.doc_id, s.sentence_no, d.title, d.province,
       coalesce(d.city, '') AS city, coalesce(d.county, '') AS county,
       d.basis_year AS year, s.text,
       list(DISTINCT k.keyword ORDER BY k.keyword) AS keywords
FROM sentences s
JOIN docs d ON d.doc_id = s.doc_id
JOIN keywords k ON contains(s.text, k.keyword)
GROUP BY s.doc_id, s.sentence_no, d.title, d.province, d.city, d.county, d.basis_year, d.published, s.text
ORDER BY d.published DESC NULLS LAST, s.doc_id, s.sentence_no
LIMIT $limit;

-- Sentences of the filtered documents that contain both of two terms (an
-- edge of the co-occurrence network): newest documents first, in text
-- order, each with the number of sentences that match in all. Terms are
-- found as substrings, as TermCooccurrence counts them.
SELECT s.doc_id, s.sentence_no, d.title, d.province,
       coalesce(d.city, '') AS city, coalesce(d.county, '') AS county,
       d.basis_year AS year, s.text,
       count(*) OVER () AS total
FROM sentences s
JOIN filtered_documents($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_basis, $year_from, $year_to) d ON d.doc_id = s.doc_id
WHERE $term <> '' AND $also <> ''
  AND contains(s.text, $term) AND contains(s.text, $also)
ORDER BY d.published DESC NULLS LAST, d.doc_id, s.sentence_no
LIMIT $limit;

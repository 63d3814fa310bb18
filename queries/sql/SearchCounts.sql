-- Full-text search counted by province and year (on the filter's basis):
-- the sentences of the filtered documents that match a search (macro
-- sentence_matches) and the documents they are in; provinces in
-- administrative order.
WITH docs AS (
    SELECT d.doc_id, d.province, d.province_code, d.basis_year
    FROM filtered_documents($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_basis, $year_from, $year_to) d
), hits AS (
    SELECT s.doc_id
    FROM sentences s
    SEMI JOIN docs d ON d.doc_id = s.doc_id
    WHERE ($must = '' OR contains(s.text, $must))
      AND sentence_matches(s.text, $mode, $clauses, $pattern)
)
SELECT d.province, d.basis_year AS year,
       count(*) AS sentences,
       count(DISTINCT h.doc_id) AS documents
FROM hits h
JOIN docs d ON d.doc_id = h.doc_id
GROUP BY d.province, d.basis_year
ORDER BY any_value(d.province_code) NULLS LAST, d.province, year NULLS LAST;

-- Full-text search: one page of the sentences of the filtered documents
-- that match a search (macro sentence_matches: phrases with AND / OR /
-- NOT, or a regular expression), newest documents first and in text order
-- within one; total counts the matching sentences of every page. Every
-- match contains one of $must1 … $must4 (unused ones NULL; $must1 '' when
-- no phrase is certain: Search.prefilter), tested first with plain
-- contains because it is much cheaper than the macro.
WITH docs AS (
    SELECT d.doc_id, d.title, d.province, d.city, d.county, d.basis_year, d.published
    FROM filtered_documents($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_basis, $year_from, $year_to) d
), hits AS (
    SELECT s.doc_id, s.sentence_no, s.text
    FROM sentences s
    SEMI JOIN docs d ON d.doc_id = s.doc_id
    WHERE ($must1 = '' OR contains(s.text, $must1) OR contains(s.text, $must2)
           OR contains(s.text, $must3) OR contains(s.text, $must4))
      AND sentence_matches(s.text, $mode, $clauses, $pattern)
)
SELECT h.doc_id, h.sentence_no, d.title, d.province,
       coalesce(d.city, '') AS city, coalesce(d.county, '') AS county,
       d.basis_year AS year,
       coalesce(strftime(d.published, '%Y-%m-%d'), '') AS published,
       h.text,
       count(*) OVER () AS total
FROM hits h
JOIN docs d ON d.doc_id = h.doc_id
ORDER BY d.published DESC NULLS LAST, h.doc_id, h.sentence_no
LIMIT $limit OFFSET $offset;

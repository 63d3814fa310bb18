-- The first notice of each province that uses a term, among the filtered
-- documents: a notice uses the term when one of its sentences contains it
-- (as in the concordance). Per province the earliest notice by publication
-- date (a notice without a date counts as the end of its year), with the
-- first sentence holding the term and how many of its sentences do;
-- earliest province first.
WITH docs AS (
    SELECT d.doc_id, d.province, d.province_code, d.city, d.county, d.title, d.published, d.year AS doc_year, d.basis_year AS year
    FROM filtered_documents($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_basis, $year_from, $year_to) d
), used AS (
    SELECT s.doc_id, min(s.sentence_no) AS sentence_no, count(*) AS sentences
    FROM sentences s
    JOIN docs ON docs.doc_id = s.doc_id
    WHERE $term <> '' AND contains(s.text, $term)
    GROUP BY s.doc_id
), ranked AS (
    SELECT d.* EXCLUDE (doc_year), u.sentence_no, u.sentences,
           coalesce(d.published, make_date(d.doc_year, 12, 31)) AS sort_date,
           row_number() OVER (PARTITION BY d.province
                              ORDER BY coalesce(d.published, make_date(d.doc_year, 12, 31)) NULLS LAST, d.doc_id) AS rank
    FROM used u
    JOIN docs d ON d.doc_id = u.doc_id
)
SELECT province, doc_id, title,
       coalesce(city, '') AS city,
       coalesce(county, '') AS county,
       coalesce(strftime(published, '%Y-%m-%d'), '') AS published,
       year, sentence_no, sentences
FROM ranked
WHERE rank = 1
ORDER BY sort_date NULLS LAST, province_code NULLS LAST, province;

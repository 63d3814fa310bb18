-- One term on the terms page from one scan of the sentences: the sentences
-- of the filtered documents that contain $term (a notice uses the term when
-- one of its sentences contains it, as in the concordance) are found once
-- (hits) and give the first notice of each province using it (part
-- 'first': per province the earliest by publication date, a notice without
-- a date counting as the end of its year, with its first sentence holding
-- the term and how many of its sentences do; earliest province first), the
-- $limit newest of them in context (part 'line', as Concordance: newest
-- documents first, in text order) and how many there are (part 'total').
WITH docs AS (
    SELECT d.doc_id, d.province, d.province_code, d.city, d.county, d.title, d.published,
           d.year AS doc_year, d.basis_year AS year
    FROM filtered_documents($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_basis, $year_from, $year_to) d
), hits AS MATERIALIZED (
    SELECT s.doc_id, s.sentence_no, s.text
    FROM sentences s
    SEMI JOIN docs d ON d.doc_id = s.doc_id
    WHERE $term <> '' AND contains(s.text, $term)
), used AS (
    SELECT doc_id, min(sentence_no) AS sentence_no, count(*) AS sentences
    FROM hits
    GROUP BY doc_id
), ranked AS (
    SELECT d.* EXCLUDE (doc_year), u.sentence_no, u.sentences,
           coalesce(d.published, make_date(d.doc_year, 12, 31)) AS sort_date,
           row_number() OVER (PARTITION BY d.province
                              ORDER BY coalesce(d.published, make_date(d.doc_year, 12, 31)) NULLS LAST, d.doc_id) AS rank
    FROM used u
    JOIN docs d ON d.doc_id = u.doc_id
), first AS (
    SELECT *, row_number() OVER (ORDER BY sort_date NULLS LAST, province_code NULLS LAST, province) AS ord
    FROM ranked
    WHERE rank = 1
), newest AS (
    SELECT h.doc_id, h.sentence_no, h.text, d.title, d.province, d.city, d.county, d.year, d.published,
           row_number() OVER (ORDER BY d.published DESC NULLS LAST, h.doc_id, h.sentence_no) AS ord
    FROM hits h
    JOIN docs d ON d.doc_id = h.doc_id
    ORDER BY d.published DESC NULLS LAST, h.doc_id, h.sentence_no
    LIMIT $limit
)
SELECT 'first' AS part, ord, doc_id, sentence_no, title, province,
       coalesce(city, '') AS city, coalesce(county, '') AS county,
       coalesce(strftime(published, '%Y-%m-%d'), '') AS published, year, NULL AS text, sentences AS n
FROM first
UNION ALL
SELECT 'line', n.ord, n.doc_id, n.sentence_no, n.title, n.province,
       coalesce(n.city, ''), coalesce(n.county, ''), '', n.year, n.text, NULL
FROM newest n
UNION ALL
SELECT 'total', 0, NULL, NULL, NULL, '', NULL, NULL, NULL, NULL, NULL, count(*)
FROM hits
ORDER BY part, ord;

-- The search page in one scan of the sentences: the sentences of the
-- filtered documents that match a search (macro sentence_matches; every
-- match contains one of $must1 … $must4, tested first with plain contains
-- because it is much cheaper: see SearchSentences) are found once and give both one page of hits (part 'hit':
-- newest documents first, in text order within one, as SearchSentences)
-- and the counts by province and year on the filter's basis (part
-- 'count': sentences and documents, provinces in administrative order).
-- Rows come ordered by part, then ord.
WITH docs AS (
    SELECT d.doc_id, d.title, d.province, d.province_code, d.city, d.county, d.basis_year, d.published
    FROM filtered_documents($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_basis, $year_from, $year_to) d
), hits AS MATERIALIZED (
    SELECT s.doc_id, s.sentence_no, s.text
    FROM sentences s
    SEMI JOIN docs d ON d.doc_id = s.doc_id
    WHERE ($must1 = '' OR contains(s.text, $must1) OR contains(s.text, $must2)
           OR contains(s.text, $must3) OR contains(s.text, $must4))
      AND sentence_matches(s.text, $mode, $clauses, $pattern)
), top AS (
    -- The page is cut before it is numbered: a window over every hit
    -- would sort them all (295,000 for 5G OR 千兆 at 100,000 notices).
    SELECT h.doc_id, h.sentence_no, d.title, d.province,
           coalesce(d.city, '') AS city, coalesce(d.county, '') AS county,
           d.basis_year AS year, d.published AS published_at,
           h.text
    FROM hits h
    JOIN docs d ON d.doc_id = h.doc_id
    ORDER BY d.published DESC NULLS LAST, h.doc_id, h.sentence_no
    LIMIT $limit OFFSET $offset
), page AS (
    SELECT doc_id, sentence_no, title, province, city, county, year,
           coalesce(strftime(published_at, '%Y-%m-%d'), '') AS published,
           text,
           row_number() OVER (ORDER BY published_at DESC NULLS LAST, doc_id, sentence_no) AS ord
    FROM top
), counts AS (
    SELECT d.province, d.basis_year AS year,
           count(*) AS sentences,
           count(DISTINCT h.doc_id) AS documents,
           row_number() OVER (ORDER BY any_value(d.province_code) NULLS LAST, d.province, d.basis_year NULLS LAST) AS ord
    FROM hits h
    JOIN docs d ON d.doc_id = h.doc_id
    GROUP BY d.province, d.basis_year
)
SELECT 'hit' AS part, ord, doc_id, sentence_no, title, province, city, county, year, published, text,
       NULL::BIGINT AS sentences, NULL::BIGINT AS documents
FROM page
UNION ALL
SELECT 'count', ord, NULL, NULL, NULL, province, NULL, NULL, year, NULL, NULL, sentences, documents
FROM counts
ORDER BY part DESC, ord;

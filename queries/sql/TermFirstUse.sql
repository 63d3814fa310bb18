-- The first notice of each province that uses a term, among the filtered
-- documents: a notice uses the term when one of its sentences contains it
-- (as in the concordance). Per province the earliest notice by publication
-- date (a notice without a date counts as the end of its year), with the
-- first sentence holding the term and how many of its sentences do;
-- earliest province first.
WITH docs AS (
    SELECT d.doc_id, d.province, d.city, d.county, d.title, d.published, d.year
    FROM document_stats d
    WHERE (len($provinces) = 0 OR list_contains($provinces, d.province))
      AND NOT list_contains($exclude_provinces, d.province)
      AND ($has_theme = '' OR d.doc_id IN (SELECT doc_id FROM theme_hits WHERE theme = $has_theme AND hits > 0))
      AND ($level = '' OR d.level = $level)
      AND ($doc_type = '' OR d.doc_type = $doc_type)
      AND ($year_from = 0 OR d.year >= $year_from)
      AND ($year_to = 0 OR d.year <= $year_to)
), used AS (
    SELECT s.doc_id, min(s.sentence_no) AS sentence_no, count(*) AS sentences
    FROM sentences s
    JOIN docs ON docs.doc_id = s.doc_id
    WHERE $term <> '' AND contains(s.text, $term)
    GROUP BY s.doc_id
), ranked AS (
    SELECT d.*, u.sentence_no, u.sentences,
           coalesce(d.published, make_date(d.year, 12, 31)) AS sort_date,
           row_number() OVER (PARTITION BY d.province
                              ORDER BY coalesce(d.published, make_date(d.year, 12, 31)) NULLS LAST, d.doc_id) AS rank
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
ORDER BY sort_date NULLS LAST, province;

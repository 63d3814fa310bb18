-- Sentences of the filtered documents that contain a term, for a
-- keyword-in-context view: newest documents first, in text order, each
-- with the number of sentences that match in all (the limit aside).
SELECT s.doc_id, s.sentence_no, d.title, d.province,
       coalesce(d.city, '') AS city, coalesce(d.county, '') AS county,
       d.year, s.text,
       count(*) OVER () AS total
FROM sentences s
JOIN document_stats d ON d.doc_id = s.doc_id
WHERE $term <> '' AND contains(s.text, $term)
  AND (len($provinces) = 0 OR list_contains($provinces, d.province))
  AND NOT list_contains($exclude_provinces, d.province)
  AND ($has_theme = '' OR d.doc_id IN (SELECT doc_id FROM theme_hits WHERE theme = $has_theme AND hits > 0))
  AND ($level = '' OR d.level = $level)
  AND ($doc_type = '' OR d.doc_type = $doc_type)
  AND ($year_from = 0 OR d.year >= $year_from)
  AND ($year_to = 0 OR d.year <= $year_to)
ORDER BY d.published DESC NULLS LAST, d.doc_id, s.sentence_no
LIMIT $limit;

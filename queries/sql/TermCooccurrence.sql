-- Pairs of the $limit most frequent terms of the filtered documents (the
-- terms TopTerms returns) that occur in the same sentence, with how many
-- sentences hold both; the $edges strongest pairs. Terms are found in
-- sentences as substrings.
WITH docs AS (
    SELECT d.doc_id FROM document_stats d
    WHERE (len($provinces) = 0 OR list_contains($provinces, d.province))
      AND NOT list_contains($exclude_provinces, d.province)
      AND ($has_theme = '' OR d.doc_id IN (SELECT doc_id FROM theme_hits WHERE theme = $has_theme AND hits > 0))
      AND ($level = '' OR d.level = $level)
      AND ($doc_type = '' OR d.doc_type = $doc_type)
      AND ($year_from = 0 OR d.year >= $year_from)
      AND ($year_to = 0 OR d.year <= $year_to)
), top AS (
    SELECT c.term, sum(c.n) AS n
    FROM term_counts c JOIN docs ON docs.doc_id = c.doc_id
    GROUP BY c.term
    ORDER BY n DESC, c.term
    LIMIT $limit
), hits AS (
    SELECT DISTINCT s.doc_id, s.sentence_no, t.term
    FROM sentences s
    JOIN docs ON docs.doc_id = s.doc_id
    JOIN top t ON contains(s.text, t.term)
)
SELECT a.term AS source, b.term AS target, count(*) AS sentences
FROM hits a
JOIN hits b ON a.doc_id = b.doc_id AND a.sentence_no = b.sentence_no AND a.term < b.term
GROUP BY a.term, b.term
ORDER BY sentences DESC, source, target
LIMIT $edges;

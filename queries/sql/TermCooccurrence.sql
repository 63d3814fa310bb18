-- Pairs of the $limit most frequent terms of the filtered documents (the
-- terms TopTerms returns) that occur in the same sentence, with how many
-- sentences hold both; the $edges strongest pairs. Terms are found in
-- sentences as substrings, in the sentences of the newest $sample
-- documents of the selection: finding every term in every sentence of
-- 100,000 notices is millions of substring searches, the newest 500 notices
-- a bounded number, whatever the corpus size.
WITH docs AS (
    SELECT d.doc_id
    FROM filtered_documents($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_basis, $year_from, $year_to) d
    ORDER BY d.published DESC NULLS LAST, d.doc_id
    LIMIT $sample
), top AS (
    SELECT t.term, sum(t.n) AS n
    FROM filtered_terms($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_basis, $year_from, $year_to) t
    GROUP BY t.term
    ORDER BY n DESC, t.term
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

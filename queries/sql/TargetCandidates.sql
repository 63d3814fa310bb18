-- The candidate results of the given targets (the rows of view
-- target_candidate_results, without the sentence text), the chosen one
-- first: at most ten per target (targets_vs_results.candidates counts them
-- all). The targets and then their candidates are picked (materialized)
-- before the results' figures and notices are joined, so the query reads
-- their keys' candidates, not every candidate of the corpus.
WITH targets AS MATERIALIZED (
    SELECT s.*, coalesce(td.published, make_date(td.year, 12, 31)) AS target_published
    FROM target_status s
    JOIN indicators t ON t.indicator_id = s.target_id
    JOIN documents td ON td.doc_id = t.doc_id
    WHERE list_contains($targets, s.target_id)
), cands AS MATERIALIZED (
    SELECT s.target_id, s.result_id AS chosen_id, c.result_id, c.evidence
    FROM targets s
    JOIN target_candidates c
      ON c.province = s.province AND c.city = s.city AND c.county = s.county
     AND c.metric = s.metric AND c.measure = s.measure AND c.unit = s.unit AND c.year = s.year
     AND (c.published IS NULL OR s.target_published IS NULL OR c.published >= s.target_published)
)
SELECT c.target_id, c.evidence,
       coalesce(c.result_id = c.chosen_id, FALSE) AS chosen,
       r.doc_id, r.sentence_no, r.value, r.surface,
       coalesce(strftime(d.published, '%Y-%m-%d'), '') AS result_published
FROM cands c
JOIN indicators r ON r.indicator_id = c.result_id
JOIN documents d ON d.doc_id = r.doc_id
QUALIFY row_number() OVER (PARTITION BY c.target_id
                           ORDER BY coalesce(c.result_id = c.chosen_id, FALSE) DESC, d.published DESC NULLS LAST, c.result_id) <= 10
ORDER BY c.target_id, chosen DESC, d.published DESC NULLS LAST, c.result_id;

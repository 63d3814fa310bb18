-- The candidate results of the given targets (the rows of view
-- target_candidate_results, without the sentence text), the chosen one
-- first: at most ten per target (targets_vs_results.candidates counts them
-- all). The targets and then their candidates are picked (materialized)
-- before the results' figures and notices are joined, so the query reads
-- their keys' candidates, not every candidate of the corpus; the results
-- are looked up in the load-time table figures among their metric's rows
-- ($metric, the targets' metric, or '' when they are of several).
WITH targets AS MATERIALIZED (
    SELECT s.*, coalesce(td.published, make_date(td.year, 12, 31)) AS target_published
    FROM target_status s
    JOIN indicators t ON t.indicator_id = s.target_id
    JOIN documents td ON td.doc_id = t.doc_id
    WHERE list_contains($targets, s.target_id)
), cands AS MATERIALIZED (
    SELECT s.target_id, s.result_id AS chosen_id, c.result_id, c.evidence, c.metric
    FROM targets s
    JOIN target_candidates c
      ON c.province = s.province AND c.city = s.city AND c.county = s.county
     AND c.metric = s.metric AND c.measure = s.measure AND c.unit = s.unit AND c.year = s.year
     AND (c.published IS NULL OR s.target_published IS NULL OR c.published >= s.target_published)
), results AS MATERIALIZED (
    SELECT c.*, r.doc_id, r.sentence_no, r.value, r.surface
    FROM cands c
    JOIN figures r ON r.indicator_id = c.result_id AND r.metric = c.metric
    WHERE $metric = '' OR r.metric = $metric
)
SELECT c.target_id, c.evidence,
       coalesce(c.result_id = c.chosen_id, FALSE) AS chosen,
       c.doc_id, c.sentence_no, c.value, c.surface,
       coalesce(strftime(d.published, '%Y-%m-%d'), '') AS result_published
FROM results c
JOIN documents d ON d.doc_id = c.doc_id
QUALIFY row_number() OVER (PARTITION BY c.target_id
                           ORDER BY coalesce(c.result_id = c.chosen_id, FALSE) DESC, d.published DESC NULLS LAST, c.result_id) <= 10
ORDER BY c.target_id, chosen DESC, d.published DESC NULLS LAST, c.result_id;

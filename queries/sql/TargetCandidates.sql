-- The candidate results of the given targets (view
-- target_candidate_results), the chosen one first: at most ten per target
-- (targets_vs_results.candidates counts them all).
SELECT c.target_id, c.evidence, c.chosen,
       c.result_doc_id, c.result_sentence_no, c.result_value, c.result_surface,
       coalesce(strftime(c.result_published, '%Y-%m-%d'), '') AS result_published
FROM target_candidate_results c
WHERE list_contains($targets, c.target_id)
QUALIFY row_number() OVER (PARTITION BY c.target_id
                           ORDER BY c.chosen DESC, c.result_published DESC NULLS LAST, c.result_id) <= 10
ORDER BY c.target_id, c.chosen DESC, c.result_published DESC NULLS LAST, c.result_id;

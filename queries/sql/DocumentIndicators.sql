-- The indicators of one document in text order, with their character spans
-- in the body, for highlighting in the reader.
SELECT i.indicator_id, i.sentence_no, i.start_char, i.end_char, i.surface,
       i.metric, i.canonical_metric, i.measure, i.value, i.value_max,
       i.unit, i.qualifier, i.kind, i.year
FROM indicators i
WHERE i.doc_id = $id
ORDER BY i.start_char, i.indicator_id;

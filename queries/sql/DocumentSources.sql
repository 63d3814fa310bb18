-- Where each inferred metadata field of one document came from.
SELECT m.field, coalesce(m.value, '') AS value, m.source
FROM metadata_sources m
WHERE m.doc_id = $id
ORDER BY m.field;

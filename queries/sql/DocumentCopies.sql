-- The files recorded as copies of one document (DocumentCopies): reprints
-- that were not loaded a second time.
SELECT x.path, x.similarity, x.method
FROM duplicates x
WHERE x.doc_id = $id
ORDER BY x.path;

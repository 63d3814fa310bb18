-- The sentences of one document in order, with the part each sits in.
SELECT s.sentence_no, s.part, s.start_char, s.end_char, s.text
FROM sentences s
WHERE s.doc_id = $id
ORDER BY s.sentence_no;

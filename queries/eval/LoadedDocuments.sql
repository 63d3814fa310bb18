-- The metadata of every loaded notice, for scoring against gold documents:
-- each document under its own path, and each file recorded as a copy of
-- one (duplicates) under the copy's path with the metadata of the document
-- it copies (copy_of names that document's path).
SELECT
    d.path AS file,
    NULL::VARCHAR AS copy_of,
    d.province,
    d.city,
    d.county,
    d.level,
    d.published,
    d.reviewed_year,
    d.plan_year
FROM documents d
UNION ALL
SELECT
    c.path AS file,
    d.path AS copy_of,
    d.province,
    d.city,
    d.county,
    d.level,
    d.published,
    d.reviewed_year,
    d.plan_year
FROM duplicates c
JOIN documents d ON d.doc_id = c.doc_id
ORDER BY file

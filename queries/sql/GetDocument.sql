-- One document (GetDocument) with its metadata and body.
SELECT d.doc_id, d.path, d.title, d.doc_type, d.province,
       coalesce(d.city, '')   AS city,
       coalesce(d.county, '') AS county,
       d.level, d.issuer,
       coalesce(strftime(d.published, '%Y-%m-%d'), '') AS published,
       d.year, d.reviewed_year, d.plan_year,
       d.chars, d.tokens, d.format, d.encoding, d.content_hash,
       d.body, coalesce(d.url, '') AS url
FROM documents d
WHERE d.doc_id = $id;

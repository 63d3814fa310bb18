-- One page of the filtered documents with their metadata and counts (view
-- document_stats), narrowed by the list's own fields: $q (text in the
-- title, file, issuer or body), $place (city or county), $issuer, the
-- reviewed and plan years and a publication date range ('' or 0 for
-- none). Sorted on the server by $sort (a column of the list; provinces
-- and places in administrative order), descending when $desc, then newest
-- first; total counts the rows of every page. Only the sort keys of every
-- listed document are sorted and counted; the page's rows are read after.
WITH docs AS MATERIALIZED (
    SELECT d.doc_id, d.published, d.province_code, d.file,
           CASE $sort
               WHEN 'title' THEN d.title
               WHEN 'province' THEN coalesce(d.province_code, '99')
               WHEN 'place' THEN coalesce(d.place_code, '99')
               WHEN 'level' THEN d.level
               WHEN 'type' THEN d.doc_type
               WHEN 'issuer' THEN d.issuer
               WHEN 'published' THEN strftime(d.published, '%Y-%m-%d')
               WHEN 'file' THEN d.file
           END AS skey,
           CASE $sort
               WHEN 'year' THEN d.year
               WHEN 'basis_year' THEN d.basis_year
               WHEN 'reviewed' THEN d.reviewed_year
               WHEN 'plan' THEN d.plan_year
               WHEN 'chars' THEN d.chars
               WHEN 'tokens' THEN d.tokens
               WHEN 'sentences' THEN d.sentences
               WHEN 'indicators' THEN d.indicators
           END AS nkey
    FROM listed_documents($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_basis, $year_from, $year_to,
                          $q, $place, $issuer, $reviewed, $plan, $pub_from, $pub_to) d
), page AS (
    SELECT * FROM docs
    ORDER BY CASE WHEN NOT $desc THEN skey END ASC NULLS LAST,
             CASE WHEN $desc THEN skey END DESC NULLS LAST,
             CASE WHEN NOT $desc THEN nkey END ASC NULLS LAST,
             CASE WHEN $desc THEN nkey END DESC NULLS LAST,
             published DESC NULLS LAST, province_code NULLS LAST, file
    LIMIT $limit OFFSET $offset
)
SELECT d.doc_id, d.file, d.title, d.doc_type, d.province,
       coalesce(d.city, '')   AS city,
       coalesce(d.county, '') AS county,
       d.level, d.issuer,
       coalesce(strftime(d.published, '%Y-%m-%d'), '') AS published,
       d.year, d.reviewed_year, d.plan_year,
       d.chars, d.tokens, d.sentences, d.indicators, d.achievements, d.targets,
       (SELECT count(*) FROM docs) AS total
FROM page p
JOIN document_stats d ON d.doc_id = p.doc_id
ORDER BY CASE WHEN NOT $desc THEN p.skey END ASC NULLS LAST,
         CASE WHEN $desc THEN p.skey END DESC NULLS LAST,
         CASE WHEN NOT $desc THEN p.nkey END ASC NULLS LAST,
         CASE WHEN $desc THEN p.nkey END DESC NULLS LAST,
         p.published DESC NULLS LAST, p.province_code NULLS LAST, p.file;

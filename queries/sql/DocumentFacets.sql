-- Facets of the document list (as Datasette shows them): for each metadata
-- field, the values the listed documents take and how many documents have
-- each; the $per_field most frequent values per field, with the number of
-- distinct values (values). Provinces and places are in administrative
-- order, years in order, the rest most frequent first.
WITH docs AS (
    SELECT d.province, d.province_code, coalesce(d.county, d.city) AS place, d.place_code,
           d.level, d.doc_type, d.issuer, d.year, d.reviewed_year, d.plan_year
    FROM listed_documents($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_basis, $year_from, $year_to,
                          $q, $place, $issuer, $reviewed, $plan, $pub_from, $pub_to) d
), g AS (
    -- One pass over the listed documents, a grouping set per field.
    SELECT province, place, level, doc_type, issuer, year, reviewed_year, plan_year,
           GROUPING(province) = 0 AS by_province, GROUPING(place) = 0 AS by_place,
           GROUPING(level) = 0 AS by_level, GROUPING(doc_type) = 0 AS by_doc_type,
           GROUPING(issuer) = 0 AS by_issuer, GROUPING(year) = 0 AS by_year,
           GROUPING(reviewed_year) = 0 AS by_reviewed_year,
           count(*) AS n,
           any_value(province_code) AS province_code, any_value(place_code) AS place_code
    FROM docs
    GROUP BY GROUPING SETS ((province), (place), (level), (doc_type), (issuer), (year), (reviewed_year), (plan_year))
), f AS (
    SELECT CASE WHEN by_province THEN 'province' WHEN by_place THEN 'place' WHEN by_level THEN 'level'
                WHEN by_doc_type THEN 'doc_type' WHEN by_issuer THEN 'issuer' WHEN by_year THEN 'year'
                WHEN by_reviewed_year THEN 'reviewed_year' ELSE 'plan_year' END AS field,
           CASE WHEN by_province THEN province WHEN by_place THEN place WHEN by_level THEN level
                WHEN by_doc_type THEN doc_type WHEN by_issuer THEN issuer WHEN by_year THEN CAST(year AS VARCHAR)
                WHEN by_reviewed_year THEN CAST(reviewed_year AS VARCHAR) ELSE CAST(plan_year AS VARCHAR) END AS value,
           n,
           CASE WHEN by_province THEN coalesce(province_code, '99') WHEN by_place THEN coalesce(place_code, '99')
                WHEN by_year THEN CAST(year AS VARCHAR) WHEN by_reviewed_year THEN CAST(reviewed_year AS VARCHAR)
                WHEN by_level OR by_doc_type OR by_issuer THEN '' ELSE CAST(plan_year AS VARCHAR) END AS ord
    FROM g
), ranked AS (
    SELECT *,
           row_number() OVER (PARTITION BY field ORDER BY n DESC, ord, value) AS rank,
           count(*) OVER (PARTITION BY field) AS "values"
    FROM f
    WHERE value IS NOT NULL
)
SELECT field, value, n, "values"
FROM ranked
WHERE rank <= $per_field
ORDER BY field, CASE WHEN ord = '' THEN lpad(CAST(rank AS VARCHAR), 9, '0') ELSE ord END, value;

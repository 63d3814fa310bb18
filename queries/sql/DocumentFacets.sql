-- Facets of the document list (as Datasette shows them): for each metadata
-- field, the values the listed documents take and how many documents have
-- each; the $per_field most frequent values per field, with the number of
-- distinct values (values). Provinces and places are in administrative
-- order, years in order, the rest most frequent first.
WITH docs AS (
    SELECT d.*
    FROM listed_documents($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_basis, $year_from, $year_to,
                          $q, $place, $issuer, $reviewed, $plan, $pub_from, $pub_to) d
), f AS (
    SELECT 'province' AS field, province AS value, count(*) AS n, coalesce(any_value(province_code), '99') AS ord
    FROM docs GROUP BY province
    UNION ALL
    SELECT 'place', coalesce(county, city), count(*), coalesce(any_value(place_code), '99')
    FROM docs WHERE coalesce(county, city) IS NOT NULL GROUP BY coalesce(county, city)
    UNION ALL
    SELECT 'level', level, count(*), '' FROM docs GROUP BY level
    UNION ALL
    SELECT 'doc_type', doc_type, count(*), '' FROM docs GROUP BY doc_type
    UNION ALL
    SELECT 'issuer', issuer, count(*), '' FROM docs GROUP BY issuer
    UNION ALL
    SELECT 'year', CAST(year AS VARCHAR), count(*), CAST(year AS VARCHAR) FROM docs WHERE year IS NOT NULL GROUP BY year
    UNION ALL
    SELECT 'reviewed_year', CAST(reviewed_year AS VARCHAR), count(*), CAST(reviewed_year AS VARCHAR)
    FROM docs WHERE reviewed_year IS NOT NULL GROUP BY reviewed_year
    UNION ALL
    SELECT 'plan_year', CAST(plan_year AS VARCHAR), count(*), CAST(plan_year AS VARCHAR)
    FROM docs WHERE plan_year IS NOT NULL GROUP BY plan_year
), ranked AS (
    SELECT *,
           row_number() OVER (PARTITION BY field ORDER BY n DESC, ord, value) AS rank,
           count(*) OVER (PARTITION BY field) AS "values"
    FROM f
)
SELECT field, value, n, "values"
FROM ranked
WHERE rank <= $per_field
ORDER BY field, CASE WHEN ord = '' THEN lpad(CAST(rank AS VARCHAR), 9, '0') ELSE ord END, value;

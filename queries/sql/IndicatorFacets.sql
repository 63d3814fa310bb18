-- Facets of the indicators table (as Datasette shows them): the figures of
-- one metric (canonical, else the phrase) in the filtered documents,
-- narrowed as the table is ($kind, $measure, $unit, $scope, $fyear; '' and
-- 0 for all), counted by each field the table can be narrowed by; the
-- $per_field most frequent values per field, with the number of distinct
-- values (values). Provinces in administrative order, years in order, the
-- rest most frequent first.
WITH figures AS (
    SELECT i.kind, i.measure, i.unit, i.scope, i.year, d.province, d.province_code, d.level, d.doc_type
    FROM indicators i
    JOIN filtered_documents($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_basis, $year_from, $year_to) d ON d.doc_id = i.doc_id
    WHERE coalesce(i.canonical_metric, i.metric) = $metric
      AND ($kind = '' OR i.kind = $kind)
      AND ($measure = '' OR i.measure = $measure)
      AND ($unit = '' OR i.unit = $unit)
      AND ($scope = '' OR i.scope = $scope)
      AND ($fyear = 0 OR i.year = $fyear)
), f AS (
    SELECT 'province' AS field, province AS value, count(*) AS n, coalesce(any_value(province_code), '99') AS ord
    FROM figures GROUP BY province
    UNION ALL
    SELECT 'level', level, count(*), '' FROM figures GROUP BY level
    UNION ALL
    SELECT 'doc_type', doc_type, count(*), '' FROM figures GROUP BY doc_type
    UNION ALL
    SELECT 'kind', kind, count(*), '' FROM figures GROUP BY kind
    UNION ALL
    SELECT 'measure', measure, count(*), '' FROM figures GROUP BY measure
    UNION ALL
    SELECT 'unit', unit, count(*), '' FROM figures GROUP BY unit
    UNION ALL
    SELECT 'year', CAST(year AS VARCHAR), count(*), CAST(year AS VARCHAR) FROM figures WHERE year IS NOT NULL GROUP BY year
    UNION ALL
    SELECT 'scope', scope, count(*), '' FROM figures GROUP BY scope
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

-- Facets of the indicators table (as Datasette shows them): the figures of
-- one metric in the filtered documents, narrowed as the table is (macro
-- figure_selected, as metric_figures: $kind, $measure, $unit, $scope, $fyear), counted
-- by each field the table can be narrowed by, in one grouping-sets pass
-- over the load-time aggregate (macro filtered_indicator_stats); the
-- $per_field most frequent values per field, with the number of distinct
-- values (values). Provinces in administrative order, years in order, the
-- rest most frequent first.
WITH figures AS (
    SELECT s.kind, s.measure, s.unit, s.scope, s.figure_year AS year, s.province, s.province_code, s.level, s.doc_type, s.n
    FROM filtered_indicator_stats($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_basis, $year_from, $year_to) s
    WHERE s.metric = $metric
      AND figure_selected(s.kind, s.measure, s.unit, s.scope, s.figure_year, $kind, $measure, $unit, $scope, $fyear)
), g AS (
    SELECT province, level, doc_type, kind, measure, unit, year, scope,
           GROUPING(province) = 0 AS by_province, GROUPING(level) = 0 AS by_level,
           GROUPING(doc_type) = 0 AS by_doc_type, GROUPING(kind) = 0 AS by_kind,
           GROUPING(measure) = 0 AS by_measure, GROUPING(unit) = 0 AS by_unit,
           GROUPING(year) = 0 AS by_year,
           sum(n)::BIGINT AS n,
           any_value(province_code) AS province_code
    FROM figures
    GROUP BY GROUPING SETS ((province), (level), (doc_type), (kind), (measure), (unit), (year), (scope))
), f AS (
    SELECT CASE WHEN by_province THEN 'province' WHEN by_level THEN 'level' WHEN by_doc_type THEN 'doc_type'
                WHEN by_kind THEN 'kind' WHEN by_measure THEN 'measure' WHEN by_unit THEN 'unit'
                WHEN by_year THEN 'year' ELSE 'scope' END AS field,
           CASE WHEN by_province THEN province WHEN by_level THEN level WHEN by_doc_type THEN doc_type
                WHEN by_kind THEN kind WHEN by_measure THEN measure WHEN by_unit THEN unit
                WHEN by_year THEN CAST(year AS VARCHAR) ELSE scope END AS value,
           n,
           CASE WHEN by_province THEN coalesce(province_code, '99') WHEN by_year THEN CAST(year AS VARCHAR) ELSE '' END AS ord
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

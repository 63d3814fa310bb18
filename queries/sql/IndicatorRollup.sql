-- One metric (canonical, else the phrase) of the filtered documents rolled
-- up by place level, province, the year the figure refers to, kind, measure
-- and unit: how many figures, their median, minimum and maximum, and the
-- figure nearest the median with its sentence (to link a chart mark to);
-- provinces in administrative order. $measure keeps one measure (total,
-- increment ...; '' for all), so that totals and increments are not drawn
-- on one axis. A chart of a metric reads these rows, not every figure;
-- the figures come from the load-time table figures (macro
-- filtered_figures), where a metric's figures lie together.
-- Only the places' own figures are rolled up: a national total or another
-- place's figure quoted in a notice is not the notice's place's (scope).
WITH hits AS MATERIALIZED (
    SELECT f.indicator_id, f.doc_id, f.sentence_no, f.kind, f.figure_year AS year, f.measure, f.unit, f.value, f.surface,
           f.province, f.province_code, f.level
    FROM filtered_figures($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_basis, $year_from, $year_to) f
    WHERE f.metric = $metric
      AND ($measure = '' OR f.measure = $measure)
      AND f.scope = 'own'
), cells AS (
    SELECT level, province, year, kind, measure, unit,
           any_value(province_code) AS province_code,
           count(*) AS n,
           quantile_disc(value, 0.5) AS median,
           min(value) AS min_value,
           max(value) AS max_value
    FROM hits
    GROUP BY level, province, year, kind, measure, unit
)
SELECT c.level, c.province, c.year, c.kind, c.measure, c.unit, c.n, c.median, c.min_value, c.max_value,
       arg_min(h.doc_id, abs(h.value - c.median) * 1e9 + h.indicator_id) AS doc_id,
       arg_min(h.sentence_no, abs(h.value - c.median) * 1e9 + h.indicator_id) AS sentence_no,
       arg_min(h.surface, abs(h.value - c.median) * 1e9 + h.indicator_id) AS surface
FROM cells c
JOIN hits h ON h.level = c.level AND h.province = c.province AND h.year IS NOT DISTINCT FROM c.year
           AND h.kind = c.kind AND h.measure = c.measure AND h.unit = c.unit
GROUP BY c.level, c.province, c.province_code, c.year, c.kind, c.measure, c.unit, c.n, c.median, c.min_value, c.max_value
ORDER BY c.province_code NULLS LAST, c.province, c.year NULLS LAST, c.kind, c.measure, c.level;

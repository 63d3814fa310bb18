-- Indicators of one metric (canonical, else the phrase) in the filtered
-- documents (view indicator_facts), narrowed by their own fields (macro
-- figure_selected: $kind, $measure, $unit, $scope and $fyear, the year a
-- figure refers to; '' and 0 for all), with the sentence each came from:
-- one page of $limit rows from $offset, in administrative order of the place,
-- then by year; total is the number of rows of every page. scope says
-- whose figure it is (own, national, other; scope_place names the other).
-- Read from the load-time table figures (macro filtered_figures), where a
-- metric's figures carry their sentence and lie together; only the page's
-- rows are joined with their documents.
WITH hits AS (
    SELECT f.*, count(*) OVER () AS total
    FROM filtered_figures($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_basis, $year_from, $year_to) f
    WHERE f.metric = $metric
      AND figure_selected(f.kind, f.measure, f.unit, f.scope, f.figure_year, $kind, $measure, $unit, $scope, $fyear)
    ORDER BY f.place_code NULLS LAST, f.figure_year NULLS LAST, f.kind, f.doc_id, f.start_char
    LIMIT $limit OFFSET $offset
)
SELECT h.indicator_id, h.doc_id, h.sentence_no, d.path AS file, d.title,
       h.province, d.city, d.county, h.level, h.basis_year,
       h.kind, h.figure_year, h.phrase, h.canonical_metric, h.measure,
       h.value, h.value_max, h.unit, h.qualifier, h.surface,
       h.sentence, h.total,
       h.scope, coalesce(h.scope_place, '') AS scope_place
FROM hits h
JOIN documents d ON d.doc_id = h.doc_id
ORDER BY h.place_code NULLS LAST, h.figure_year NULLS LAST, h.kind, h.doc_id, h.start_char;

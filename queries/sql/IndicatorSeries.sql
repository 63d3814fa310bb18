-- Indicators of one metric (canonical, else the phrase) in the filtered
-- documents (view indicator_facts), narrowed by their own fields (macro
-- metric_figures: $kind, $measure, $unit, $scope and $fyear, the year a
-- figure refers to; '' and 0 for all), with the sentence each came from:
-- one page of $limit rows from $offset, in administrative order of the place,
-- then by year; total is the number of rows of every page. scope says
-- whose figure it is (own, national, other; scope_place names the other).
WITH hits AS (
    SELECT i.*, d.file, d.title, d.province, d.city, d.county, d.level,
           d.basis_year, d.place_code,
           count(*) OVER () AS total
    FROM metric_figures($metric, $kind, $measure, $unit, $scope, $fyear) i
    JOIN filtered_documents($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_basis, $year_from, $year_to) d ON d.doc_id = i.doc_id
    ORDER BY d.place_code NULLS LAST, i.year NULLS LAST, i.kind, i.doc_id, i.start_char
    LIMIT $limit OFFSET $offset
)
SELECT h.indicator_id, h.doc_id, h.sentence_no, h.file, h.title,
       h.province, h.city, h.county, h.level, h.basis_year,
       h.kind, h.year, h.metric, h.canonical_metric, h.measure,
       h.value, h.value_max, h.unit, h.qualifier, h.surface,
       coalesce(s.text, '') AS sentence, h.total,
       h.scope, coalesce(h.scope_place, '') AS scope_place
FROM hits h
LEFT JOIN sentences s ON s.doc_id = h.doc_id AND s.sentence_no = h.sentence_no
ORDER BY h.place_code NULLS LAST, h.year NULLS LAST, h.kind, h.doc_id, h.start_char;

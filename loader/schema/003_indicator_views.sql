-- Targets against results: each target a notice sets for year Y (per
-- place and canonical metric) beside the achievement reported for the same
-- place (province, city, county), metric, year, measure and unit, with the
-- completion ratio result / target.
-- Targets never reported on are listed too, with NULL result columns. When
-- several notices report the year, the latest published report is used.
CREATE VIEW targets_vs_results AS
-- The shape keeps the work linear in the indicators: the latest report of
-- each place, metric, year, measure and unit is chosen before targets are
-- paired with it (pairing every target with every report first grew with
-- their product: 1,500 targets and 1,500 reports of one metric and year
-- ran DuckDB out of memory), and sentences are joined to the kept rows
-- only.
WITH ind AS (
    SELECT i.indicator_id,
           i.doc_id,
           i.sentence_no,
           d.path              AS file,
           d.province,
           coalesce(d.city, '')   AS city,
           coalesce(d.county, '') AS county,
           d.published,
           i.canonical_metric,
           i.metric,
           i.measure,
           i.unit,
           i.year,
           i.value,
           i.value_max,
           i.qualifier,
           i.surface,
           i.kind
    FROM indicators i
    JOIN documents d ON d.doc_id = i.doc_id
    WHERE i.canonical_metric IS NOT NULL
      AND i.year IS NOT NULL
      AND i.scope = 'own'
),
targets AS (
    SELECT * FROM ind WHERE kind = 'target'
),
latest AS (
    SELECT * FROM ind WHERE kind = 'achievement'
    QUALIFY row_number() OVER (
        PARTITION BY province, city, county, canonical_metric, year, measure, unit
        ORDER BY published DESC NULLS LAST, doc_id DESC, indicator_id
    ) = 1
),
paired AS (
    SELECT t.province,
           t.city,
           t.county,
           t.canonical_metric,
           t.measure,
           t.unit,
           t.year,
           t.indicator_id      AS target_id,
           t.doc_id            AS target_doc_id,
           t.sentence_no       AS target_sentence_no,
           t.file              AS target_file,
           t.published         AS target_published,
           t.value             AS target_value,
           t.value_max         AS target_value_max,
           t.qualifier         AS target_qualifier,
           t.surface           AS target_surface,
           ts.text             AS target_sentence,
           r.indicator_id      AS result_id,
           r.doc_id            AS result_doc_id,
           r.sentence_no       AS result_sentence_no,
           r.file              AS result_file,
           r.published         AS result_published,
           r.value             AS result_value,
           r.qualifier         AS result_qualifier,
           r.surface           AS result_surface,
           rs.text             AS result_sentence
    FROM targets t
    LEFT JOIN latest r
      ON r.province = t.province
     AND r.city = t.city
     AND r.county = t.county
     AND r.canonical_metric = t.canonical_metric
     AND r.year = t.year
     AND r.measure = t.measure
     AND r.unit = t.unit
    LEFT JOIN sentences ts ON ts.doc_id = t.doc_id AND ts.sentence_no = t.sentence_no
    LEFT JOIN sentences rs ON rs.doc_id = r.doc_id AND rs.sentence_no = r.sentence_no
)
SELECT province,
       nullif(city, '')   AS city,
       nullif(county, '') AS county,
       canonical_metric AS metric,
       measure,
       unit,
       year,
       target_id,
       target_doc_id,
       target_sentence_no,
       target_file,
       target_published,
       target_value,
       target_value_max,
       target_qualifier,
       target_surface,
       target_sentence,
       result_id,
       result_doc_id,
       result_sentence_no,
       result_file,
       result_published,
       result_value,
       result_qualifier,
       result_surface,
       result_sentence,
       result_id IS NOT NULL AS reported,
       CASE WHEN result_id IS NOT NULL AND target_value <> 0
            THEN result_value / target_value END AS completion
FROM paired;

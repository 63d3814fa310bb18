-- UpdateTargets recomputes target_status and target_candidates for the
-- target keys (province, city, county, canonical metric, measure, unit,
-- year) listed in the temporary table touched_target_keys: the keys of the
-- indicators a load added or removed. Everything else stays as it was, so
-- adding one notice to 100,000 recomputes a handful of keys.
--
-- Only own figures enter: a province's notice quoting the national total
-- (scope national) or another place's (scope other) is neither a target
-- nor a result here. A target's candidates are the results (achievements)
-- of its key, and the statements that a target of its key was met (a
-- target its sentence says was completed), published on or after the
-- target's notice; a notice known only by its year counts as published at
-- the end of it, one with no date at all as published whenever suits.
--
-- The work is linear in the indicators of the touched keys, however many
-- targets and results one key has: candidates are kept per key, the result
-- chosen is the key's latest (the same for every target it answers), and
-- each target's count of candidates comes from one ordered pass.

-- (touched_target_keys holds each key once. Plain equi-joins on it, not
-- correlated EXISTS tests, so that DuckDB hashes the few touched keys
-- instead of testing every row: adding one notice to 100,000 took 2 s
-- here that way.)

DELETE FROM target_candidates c
USING touched_target_keys k
WHERE k.province = c.province AND k.city = c.city AND k.county = c.county
  AND k.metric = c.metric AND k.measure = c.measure AND k.unit = c.unit AND k.year = c.year;

DELETE FROM target_status s
USING touched_target_keys k
WHERE k.province = s.province AND k.city = s.city AND k.county = s.county
  AND k.metric = s.metric AND k.measure = s.measure AND k.unit = s.unit AND k.year = s.year;

-- The documents of the touched keys' places first (a few hundred of
-- 100,000), then their indicators of the touched keys.
CREATE OR REPLACE TEMP TABLE target_ind AS
WITH docs AS (
    SELECT d.doc_id,
           d.province,
           coalesce(d.city, '')   AS city,
           coalesce(d.county, '') AS county,
           coalesce(d.published, make_date(d.year, 12, 31)) AS pub
    FROM documents d
    SEMI JOIN (SELECT DISTINCT province, city, county FROM touched_target_keys) p
           ON p.province = d.province AND p.city = coalesce(d.city, '') AND p.county = coalesce(d.county, '')
)
SELECT i.indicator_id,
       i.doc_id,
       d.province,
       d.city,
       d.county,
       i.canonical_metric     AS metric,
       i.measure,
       i.unit,
       i.year,
       i.kind,
       i.value,
       i.qualifier,
       i.met,
       d.pub
FROM indicators i
JOIN docs d ON d.doc_id = i.doc_id
JOIN touched_target_keys k
  ON k.province = d.province AND k.city = d.city AND k.county = d.county
 AND k.metric = i.canonical_metric AND k.measure = i.measure AND k.unit = i.unit AND k.year = i.year
WHERE i.scope = 'own'
  AND i.kind IN ('target', 'achievement');

-- The keys that have a target.
CREATE OR REPLACE TEMP TABLE target_keys AS
SELECT DISTINCT province, city, county, metric, measure, unit, year
FROM target_ind WHERE kind = 'target';

INSERT INTO target_candidates
SELECT r.province, r.city, r.county, r.metric, r.measure, r.unit, r.year,
       r.indicator_id,
       CASE WHEN r.kind = 'achievement' THEN 'result' ELSE 'met_statement' END,
       r.pub
FROM target_ind r
SEMI JOIN target_keys k USING (province, city, county, metric, measure, unit, year)
WHERE r.kind = 'achievement' OR r.met;

INSERT INTO target_status
WITH
-- Each target's count of results and of met statements published on or
-- after it: targets and candidates of a key in one pass, latest first, a
-- candidate before a target of the same day.
ev AS (
    SELECT province, city, county, metric, measure, unit, year,
           coalesce(pub, DATE '9999-12-31') AS seen, 0 AS is_target,
           (kind = 'achievement')::INTEGER AS is_result,
           (kind <> 'achievement')::INTEGER AS is_statement,
           NULL::INTEGER AS target_id
    FROM target_ind
    WHERE kind = 'achievement' OR met
    UNION ALL
    SELECT province, city, county, metric, measure, unit, year,
           coalesce(pub, DATE '0001-01-01'), 1, 0, 0, indicator_id
    FROM target_ind
    WHERE kind = 'target'
),
counts AS (
    SELECT target_id,
           sum(is_result) OVER w AS results,
           sum(is_statement) OVER w AS statements
    FROM ev
    WINDOW w AS (PARTITION BY province, city, county, metric, measure, unit, year
                 ORDER BY seen DESC, is_target ASC
                 ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
    QUALIFY is_target = 1
),
-- The result each key reports last: its latest dated report (the latest
-- notice's first figure), else one of unknown date; lo and hi are the
-- values reported that same day, which may disagree.
dated AS (
    SELECT *, max(pub) OVER (PARTITION BY province, city, county, metric, measure, unit, year) AS last_pub
    FROM target_ind
    WHERE kind = 'achievement'
),
day AS (
    SELECT province, city, county, metric, measure, unit, year,
           arg_max(indicator_id, doc_id * 1000000000::BIGINT - indicator_id) AS result_id,
           min(value) AS lo,
           max(value) AS hi,
           any_value(pub) AS pub
    FROM dated
    WHERE pub IS NOT DISTINCT FROM last_pub
    GROUP BY ALL
),
-- The latest statement of each key that a target was met.
statement AS (
    SELECT province, city, county, metric, measure, unit, year,
           arg_max(indicator_id, coalesce(pub, DATE '9999-12-31')) AS statement_id
    FROM target_ind
    WHERE kind = 'target' AND met
    GROUP BY ALL
),
verdict AS (
    SELECT t.*,
           c.results,
           c.statements,
           d.pub IS NULL OR t.pub IS NULL OR d.pub >= t.pub AS answered,
           d.result_id,
           r.value AS result_value,
           CASE WHEN t.qualifier = 'at_most' THEN d.lo <= t.value ELSE d.lo >= t.value END AS lo_meets,
           CASE WHEN t.qualifier = 'at_most' THEN d.hi <= t.value ELSE d.hi >= t.value END AS hi_meets,
           CASE WHEN t.qualifier = 'at_most' THEN r.value <= t.value ELSE r.value >= t.value END AS meets,
           s.statement_id
    FROM target_ind t
    JOIN counts c ON c.target_id = t.indicator_id
    LEFT JOIN day d USING (province, city, county, metric, measure, unit, year)
    LEFT JOIN target_ind r ON r.indicator_id = d.result_id
    LEFT JOIN statement s USING (province, city, county, metric, measure, unit, year)
    WHERE t.kind = 'target'
)
SELECT indicator_id,
       province, city, county, metric, measure, unit, year,
       (results + statements)::INTEGER,
       CASE WHEN results > 0 AND answered THEN result_id
            WHEN statements > 0 THEN statement_id END,
       CASE WHEN results > 0 AND answered AND lo_meets <> hi_meets THEN 'ambiguous'
            WHEN results > 0 AND answered AND meets THEN 'met'
            WHEN results > 0 AND answered AND statements > 0 THEN 'ambiguous'
            WHEN results > 0 AND answered THEN 'not_met'
            WHEN statements > 0 THEN 'met'
            ELSE 'unreported' END,
       CASE WHEN results > 0 AND answered AND lo_meets <> hi_meets THEN 'conflicting_results'
            WHEN results > 0 AND answered AND NOT meets AND statements > 0 THEN 'conflicting_results'
            WHEN results = 1 AND answered THEN 'only_result'
            WHEN results > 0 AND answered THEN 'latest_result'
            WHEN statements > 0 THEN 'met_statement'
            ELSE 'no_result' END,
       CASE WHEN results > 0 AND answered AND value <> 0 THEN result_value / value END
FROM verdict;

DROP TABLE target_keys;
DROP TABLE target_ind;

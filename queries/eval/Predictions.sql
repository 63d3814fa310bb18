-- Every extracted indicator with its evidence sentence, for scoring against gold.
SELECT
    file,
    kind,
    year,
    metric,
    value,
    value_max,
    unit,
    qualifier,
    sentence,
    surface
FROM indicator_facts
ORDER BY file, value

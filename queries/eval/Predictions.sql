-- Every extracted indicator with its evidence sentence and scope, for
-- scoring against gold.
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
    surface,
    scope,
    scope_place
FROM indicator_facts
ORDER BY file, value

-- Predictions for a database written before indicators had a scope (an
-- older binary's, kept for first-pass scores): every figure counts as the
-- notice's own.
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
    'own' AS scope,
    NULL AS scope_place
FROM indicator_facts
ORDER BY file, value

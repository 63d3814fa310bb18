-- Theme intensity by province and theme over the filtered documents, with
-- the chi-square adjusted standardised residual of the hits against
-- independence of province and theme (table macro theme_residuals, which
-- also makes the view theme_by_province).
SELECT *
FROM theme_residuals($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_from, $year_to)
ORDER BY province, theme_order;

-- Theme intensity by province and theme over the filtered documents, with
-- the chi-square adjusted standardised residual of the hits against
-- independence of province and theme (table macro theme_residuals, which
-- also makes the view theme_by_province); provinces in administrative
-- order.
SELECT * EXCLUDE (province_code)
FROM theme_residuals($provinces, $exclude_provinces, $has_theme, $level, $doc_type, $year_basis, $year_from, $year_to)
ORDER BY province_code NULLS LAST, province, theme_order;

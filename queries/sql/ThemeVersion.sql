-- Which theme dictionary produced the theme scores: the digest of the theme
-- file (themes_version), the digest of every processing resource
-- (resources_version), where the theme file came from (embedded or a path)
-- and when the last load finished. Keys a database lacks read as ''.
SELECT coalesce(max(value) FILTER (WHERE key = 'themes_version'), '')       AS themes_version,
       coalesce(max(value) FILTER (WHERE key = 'resources_version'), '')    AS resources_version,
       coalesce(max(value) FILTER (WHERE key = 'resource:themes.yaml'), '') AS themes_file,
       coalesce(max(value) FILTER (WHERE key = 'loaded_at'), '')            AS loaded_at
FROM meta;

{{%AUTOESCAPE context="XML"}}{{!
  robots.tpl: /robots.txt, served as text/plain.  ctemplate has no plain
  text context, so the XML one is used: BASE_URL, the only value, comes
  from the site's settings and holds none of the characters it escapes.
  Search results are noindex pages, so crawlers may skip them.
  "Disallow: /admin" is a prefix that covers /admin and all under it;
  "/admin/" is said too, for crawlers that match whole segments.
  Comment pages are made for each reader and never indexed either.
}}User-agent: *
Disallow: /admin
Disallow: /admin/
Disallow: /login
Disallow: /search
Disallow: /articles/*/comments
Sitemap: {{BASE_URL}}/sitemap.xml

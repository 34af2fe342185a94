{{%AUTOESCAPE context="XML"}}{{!
  robots.tpl: /robots.txt, served as text/plain.  ctemplate has no plain
  text context, so the XML one is used: BASE_URL, the only value, comes
  from the site's settings and holds none of the characters it escapes.
  Search results are noindex pages, so crawlers may skip them.
}}User-agent: *
Disallow: /admin/
Disallow: /login
Disallow: /search
Sitemap: {{BASE_URL}}/sitemap.xml

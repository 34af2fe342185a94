{{%AUTOESCAPE context="XML"}}<?xml version="1.0" encoding="UTF-8"?>{{!
  sitemap_index.tpl: the sitemap index, once the site has more URLs than
  one sitemap may hold: /sitemap-1.xml (pages and tags), then one file
  per 50,000 article ids, each with the time it last changed.
}}
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{{#MAPS}}<sitemap><loc>{{BASE_URL}}/sitemap-{{N}}.xml</loc>{{#LASTMOD}}<lastmod>{{TIME}}</lastmod>{{/LASTMOD}}</sitemap>
{{/MAPS}}</sitemapindex>

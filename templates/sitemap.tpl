{{%AUTOESCAPE context="XML"}}<?xml version="1.0" encoding="UTF-8"?>{{!
  sitemap.tpl: a sitemap (sitemaps.org protocol 0.9) of at most 50,000
  URLs: the front page and topic index (PAGES), then URLS (tags and
  articles), each with the time it last changed (W3C format, UTC).
}}
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{{#PAGES}}<url><loc>{{BASE_URL}}/</loc>{{#NEWEST}}<lastmod>{{TIME}}</lastmod>{{/NEWEST}}</url>
<url><loc>{{BASE_URL}}/tags</loc>{{#NEWEST}}<lastmod>{{TIME}}</lastmod>{{/NEWEST}}</url>
{{/PAGES}}{{#URLS}}<url><loc>{{BASE_URL}}{{PATH}}</loc><lastmod>{{LASTMOD}}</lastmod></url>
{{/URLS}}</urlset>

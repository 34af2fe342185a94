{{%AUTOESCAPE context="XML"}}<?xml version="1.0" encoding="utf-8"?>{{!
  feed.tpl: an Atom 1.0 feed (RFC 4287) of the latest live articles, the
  site's or one tag's.  Every value is XML-escaped.  CONTENT is the
  article's HTML (cmark's safe output) carried as text, which is what
  type="html" means: escaped once here, unescaped once by the reader.
  Entry ids are tag: URIs made from the article's id, so they survive a
  change of slug.  Every URL is absolute, from the configured base URL,
  also those inside CONTENT (html_absolute_links()).  The feed carries
  the site's language, each entry its article's.  The alternate link
  comes before self: some readers take the first link for the site.
  An entry with a lead photograph links it as an enclosure (its 16:9
  crop, the picture link previews show).  An entry's authors are its
  account authors with their pages, else the byline as filed, else the
  site.
}}
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{{FEED_LANG}}">
  <id>{{FEED_ID}}</id>
  <title>{{FEED_TITLE}}</title>
  <subtitle>{{SITE_TAGLINE}}</subtitle>
  <updated>{{FEED_UPDATED}}</updated>
  <link rel="alternate" type="text/html" href="{{HTML_URL}}"/>
  <link rel="self" type="application/atom+xml" href="{{SELF_URL}}"/>
  <author><name>{{SITE_TITLE}}</name></author>
  <generator>Gazette</generator>
{{#ENTRIES}}  <entry xml:lang="{{LANG}}">
    <id>{{ID}}</id>
    <title>{{TITLE}}</title>
    <link rel="alternate" type="text/html" href="{{URL}}"/>
{{#ENCLOSURE}}    <link rel="enclosure" type="image/jpeg" href="{{IMAGE_URL}}"/>
{{/ENCLOSURE}}    <published>{{PUBLISHED}}</published>
    <updated>{{UPDATED}}</updated>
{{#AUTHORS}}    <author><name>{{AUTHOR_NAME}}</name><uri>{{AUTHOR_URL}}</uri></author>
{{/AUTHORS}}{{#BYLINE_AUTHOR}}    <author><name>{{AUTHOR}}</name></author>
{{/BYLINE_AUTHOR}}{{#CATEGORIES}}    <category term="{{TERM}}" label="{{LABEL}}" scheme="{{BASE_URL}}/tags/"/>
{{/CATEGORIES}}{{#HAS_SUMMARY}}    <summary>{{SUMMARY}}</summary>
{{/HAS_SUMMARY}}    <content type="html">{{CONTENT}}</content>
  </entry>
{{/ENTRIES}}</feed>

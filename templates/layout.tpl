{{%AUTOESCAPE context="HTML"}}{{!
  layout.tpl: the frame of every HTML page.  The page's own template is
  included as BODY; extra head elements (link previews, JSON-LD, a
  topic's own feed) as HEAD, before the site's feed, so that a feed
  reader that takes the first feed of a topic page gets the topic's.
}}<!DOCTYPE html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}}</title>
<meta name="description" content="{{DESCRIPTION}}">
<link rel="canonical" href="{{CANONICAL}}">
<link rel="stylesheet" href="/static/gazette.css?v={{STATIC_VERSION}}">
<link rel="icon" href="/favicon.ico" sizes="16x16 32x32">
<link rel="icon" href="/static/favicon.svg?v={{ICON_VERSION}}" type="image/svg+xml">
{{>HEAD}}<link rel="alternate" type="application/atom+xml" title="{{SITE_TITLE}}" href="{{BASE_URL}}/feed.atom">
{{#NOINDEX}}<meta name="robots" content="noindex">
{{/NOINDEX}}
</head>
<body>
<a class="skip" href="#content">Skip to the articles</a>
<header class="masthead">
  <div class="masthead-inner">
    <p class="site-title"><a href="/">{{SITE_TITLE}}</a></p>
    <p class="tagline">{{SITE_TAGLINE}}</p>
  </div>
  <nav class="sections" aria-label="Sections">
    <a href="/">Front page</a>
    <a href="/tags">Topics</a>
    <a href="/archive">Archive</a>
    <a href="/corrections">Corrections</a>
    <form class="search" action="/search" method="get" role="search" aria-label="Site search">
      <label for="q" class="visually-hidden">Search articles</label>
      <input type="search" id="q" name="q" value="{{SEARCH_QUERY}}" placeholder="Search" maxlength="200">
      <button type="submit">Search</button>
    </form>
  </nav>
{{#EDITOR}}  <nav class="editor-bar" aria-label="Editor">
    <span>Signed in as {{EDITOR_NAME}}</span>
    <a href="/admin">Dashboard</a>
    <a href="/admin/articles/new">New article</a>
    <a href="/account">Your account</a>
    <form action="/logout" method="post"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Log out</button></form>
  </nav>
{{/EDITOR}}</header>
{{#FLASH}}<p class="flash" role="status">{{FLASH_TEXT}}</p>
{{/FLASH}}<main id="content">
{{>BODY}}
</main>
<footer class="site-footer">
  <p>{{SITE_TITLE}} &middot; <a href="/feed.atom">Atom feed</a> &middot; <a href="/archive">Archive</a> &middot; <a href="/corrections">Corrections</a></p>
</footer>
</body>
</html>

{{%AUTOESCAPE context="HTML"}}{{!
  article_head.tpl: what link previews, feed readers and search engines
  read from an article page's <head>: Open Graph and Twitter card tags,
  and a schema.org NewsArticle in JSON-LD.

  The meta tags are ordinary attributes, HTML-escaped.  The JSON-LD is
  different: ctemplate takes any <script> element for JavaScript, whose
  escaping (\x3c, \x27) is not valid JSON, and its :json_escape lets
  control characters through raw, which is not valid JSON either.  So
  every value in it goes through :x-json (src/view/bridge.cc, made by
  util/jsonesc.c): valid JSON string content for any text, with < > &
  ' and " written as \u003c \u003e \u0026 \u0027 \u0022, so that a
  headline holding "</script>" stays inside its string.  Every value in
  the script must be inside quotes and carry :x-json.  The site's
  Content-Security-Policy (script-src 'none') does not block it: a data
  block is never run.
}}<meta property="og:type" content="article">
<meta property="og:site_name" content="{{SITE_TITLE}}">
<meta property="og:title" content="{{HEADLINE}}">
<meta property="og:description" content="{{DESCRIPTION}}">
<meta property="og:url" content="{{URL}}">
<meta property="og:locale" content="{{LOCALE}}">
<meta property="article:published_time" content="{{PUBLISHED}}">
<meta property="article:modified_time" content="{{MODIFIED}}">
{{#TAGS}}<meta property="article:tag" content="{{TAG_NAME}}">
{{/TAGS}}{{#IMAGE}}<meta property="og:image" content="{{IMAGE_URL}}">
<meta property="og:image:width" content="1200">
<meta property="og:image:height" content="675">
<meta property="og:image:alt" content="{{IMAGE_ALT}}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:image" content="{{IMAGE_URL}}">
<meta name="twitter:image:alt" content="{{IMAGE_ALT}}">
{{/IMAGE}}{{#NO_IMAGE}}<meta name="twitter:card" content="summary">
{{/NO_IMAGE}}<meta name="twitter:title" content="{{HEADLINE}}">
<meta name="twitter:description" content="{{DESCRIPTION}}">
<script type="application/ld+json">
{
  "@context": "https://schema.org",
  "@type": "NewsArticle",
  "headline": "{{HEADLINE:x-json}}",
  "description": "{{DESCRIPTION:x-json}}",
  "url": "{{URL:x-json}}",
  "mainEntityOfPage": {"@type": "WebPage", "@id": "{{URL:x-json}}"},
  "datePublished": "{{PUBLISHED:x-json}}",
  "dateModified": "{{MODIFIED:x-json}}",
  "inLanguage": "{{LANG:x-json}}",
{{#PEOPLE}}  "author": [{{#AUTHORS}}{"@type": "Person", "name": "{{AUTHOR_NAME:x-json}}", "url": "{{AUTHOR_URL:x-json}}"}{{#AUTHORS_separator}}, {{/AUTHORS_separator}}{{/AUTHORS}}],
{{/PEOPLE}}{{#PERSON}}  "author": {"@type": "Person", "name": "{{AUTHOR:x-json}}"},
{{/PERSON}}{{#ORGANIZATION}}  "author": {"@type": "Organization", "name": "{{SITE_TITLE:x-json}}", "url": "{{BASE_URL:x-json}}/"},
{{/ORGANIZATION}}{{#LD_IMAGE}}  "image": [{{#IMAGES}}"{{URL:x-json}}"{{#IMAGES_separator}}, {{/IMAGES_separator}}{{/IMAGES}}],
{{/LD_IMAGE}}  "keywords": [{{#KEYWORDS}}"{{KEYWORD:x-json}}"{{#KEYWORDS_separator}}, {{/KEYWORDS_separator}}{{/KEYWORDS}}],
  "publisher": {"@type": "Organization", "name": "{{SITE_TITLE:x-json}}", "url": "{{BASE_URL:x-json}}/"{{#LOGO}}, "logo": {"@type": "ImageObject", "url": "{{LOGO_URL:x-json}}", "width": "{{LOGO_WIDTH:x-json}}", "height": "{{LOGO_HEIGHT:x-json}}"}{{/LOGO}}}
}
</script>

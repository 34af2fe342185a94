{{%AUTOESCAPE context="HTML"}}{{!
  author_head.tpl: extra <head> elements of an author page: its feed.
}}<link rel="alternate" type="application/atom+xml" title="{{SITE_TITLE}}: {{DISPLAY}}" href="{{BASE_URL}}/authors/{{AUTHOR_SLUG}}/feed.atom">

{{%AUTOESCAPE context="HTML"}}{{!
  tag_head.tpl: extra <head> elements of a tag page: its own feed.
}}<link rel="alternate" type="application/atom+xml" title="{{SITE_TITLE}}: {{TAG_NAME}}" href="{{BASE_URL}}/tags/{{TAG_SLUG}}/feed.atom">

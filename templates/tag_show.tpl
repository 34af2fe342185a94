{{%AUTOESCAPE context="HTML"}}{{!
  tag_show.tpl: the articles carrying one tag.
}}<header class="page-head">
  <p class="kicker">Topic</p>
  <h1>{{TAG_NAME}}</h1>
  <p class="meta">{{ARTICLE_COUNT}} article{{#PLURAL}}s{{/PLURAL}} &middot; <a href="/tags/{{TAG_SLUG}}/feed.atom">Feed for this topic</a></p>
</header>
{{>LIST}}
{{>PAGER}}

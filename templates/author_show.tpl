{{%AUTOESCAPE context="HTML"}}{{!
  author_show.tpl: an author's page: the name, the bio and their live
  articles, newest first.
}}<header class="page-head">
  <p class="kicker">Author</p>
  <h1>{{DISPLAY}}</h1>
{{#BIO}}  <p class="bio">{{TEXT}}</p>
{{/BIO}}  <p class="meta">{{ARTICLE_COUNT}} article{{#PLURAL}}s{{/PLURAL}} &middot; <a href="/authors/{{AUTHOR_SLUG}}/feed.atom">Feed of this author's articles</a></p>
</header>
{{>LIST}}
{{>PAGER}}

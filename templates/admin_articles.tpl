{{%AUTOESCAPE context="HTML"}}{{!
  admin_articles.tpl: every draft, or every withdrawn article, most
  recently changed first, a page at a time (GET /admin/articles).
}}<header class="page-head">
  <h1>{{TITLE}}</h1>
  <p class="links"><a href="/admin">Dashboard</a> &middot; <a href="/admin/articles/new">Write a new article</a></p>
</header>
<section class="desk" aria-label="{{TITLE}}">
{{>ARTICLES}}
{{#OLDER}}<p class="pager"><a rel="next" href="{{OLDER_URL}}">Older &rarr;</a></p>
{{/OLDER}}</section>

{{%AUTOESCAPE context="HTML"}}{{!
  admin_articles.tpl: the newsroom's articles, filtered by status,
  author, topic and words of the headline, most recently changed
  first, a page at a time (GET /admin/articles); picked rows go to a
  bulk action's confirmation page.
}}<header class="page-head">
  <h1>{{TITLE}}</h1>
  <p class="links"><a href="/admin">Dashboard</a> &middot; <a href="/admin/articles/new">Write a new article</a></p>
</header>
<form class="filters" method="get" action="/admin/articles">
<p><label for="f-status">Status</label>
<select id="f-status" name="status">{{#STATUSES}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/STATUSES}}</select>
<label for="f-author">Author</label>
<select id="f-author" name="author"><option value="">anyone</option>{{#AUTHORS}}<option value="{{NAME}}"{{#SELECTED}} selected{{/SELECTED}}>{{DISPLAY}} ({{NAME}})</option>{{/AUTHORS}}</select>
<label for="f-tag">Topic</label>
<input id="f-tag" name="tag" value="{{TAG}}" size="20" placeholder="its address: harbour-news">
<label for="f-q">Headline</label>
<input id="f-q" name="q" type="search" value="{{Q}}" maxlength="200" size="30">
<button type="submit">Show</button></p>
</form>
<section class="desk" aria-label="{{TITLE}}">
<form method="post" action="/admin/articles/bulk">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#EMPTY}}<p class="empty">None.</p>
{{/EMPTY}}<ul class="desk-list">
{{#ARTICLES}}<li class="desk-item status-{{STATUS}}">
  <input type="checkbox" name="id[]" value="{{ID}}" id="pick-{{ID}}"> <label class="visually-hidden" for="pick-{{ID}}">Pick</label>
  <a class="headline" href="/admin/articles/{{ID}}/edit">{{HEADLINE}}</a>
  <span class="status">{{STATUS_LABEL}}</span> <time datetime="{{TIME_ISO}}">{{TIME_HUMAN}}</time>
</li>
{{/ARTICLES}}</ul>
{{#ANY}}<p class="buttons">With the articles picked: <button type="submit" name="action" value="publish">Publish</button> <button type="submit" name="action" value="unpublish">Unpublish</button> <button type="submit" name="action" value="delete">Delete</button> <small>(the next page says what will change, before anything does)</small></p>
{{/ANY}}</form>
{{#OLDER}}<p class="pager"><a rel="next" href="{{OLDER_URL}}">Older &rarr;</a></p>
{{/OLDER}}</section>

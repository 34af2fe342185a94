{{%AUTOESCAPE context="HTML"}}{{!
  admin_article_list.tpl: one of the dashboard's lists of articles, with
  links to act on each.  Rows: ARTICLES.
}}{{#EMPTY}}<p class="empty">None.</p>
{{/EMPTY}}<ul class="desk-list">
{{#ARTICLES}}<li class="desk-item status-{{STATUS}}">
  <a class="headline" href="/admin/articles/{{ID}}/edit">{{HEADLINE}}</a>
  <span class="status">{{STATUS_LABEL}}</span> <time datetime="{{TIME_ISO}}">{{TIME_HUMAN}}</time>
  <span class="actions"><a href="/admin/articles/{{ID}}/edit">Edit</a> &middot; <a href="/admin/articles/{{ID}}/preview">Preview</a> &middot; <a href="/admin/articles/{{ID}}/revisions">Revisions</a>{{#LIVE}} &middot; <a href="/articles/{{SLUG}}">View</a>{{/LIVE}}</span>
</li>
{{/ARTICLES}}</ul>

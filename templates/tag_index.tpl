{{%AUTOESCAPE context="HTML"}}{{!
  tag_index.tpl: every tag with its number of articles.
}}<header class="page-head">
  <h1>Topics</h1>
</header>
{{#EMPTY}}<p class="empty">There are no topics yet.</p>
{{/EMPTY}}<ul class="tag-index">
{{#TAGS}}<li><a href="/tags/{{TAG_SLUG}}">{{TAG_NAME}}</a> <span class="count">{{ARTICLE_COUNT}}</span></li>
{{/TAGS}}</ul>

{{%AUTOESCAPE context="HTML"}}{{!
  article_list.tpl: a list of article summaries, for the front page, tag
  pages, archives and search.  Rows: ARTICLES.
}}<ol class="article-list">
{{#ARTICLES}}<li class="teaser{{#LEAD}} lead{{/LEAD}}{{#THUMB}} has-picture{{/THUMB}}">
{{#THUMB}}  <a class="picture" href="/articles/{{SLUG}}" tabindex="-1" aria-hidden="true">{{>PICTURE}}</a>
{{/THUMB}}  <h2 class="headline"><a href="/articles/{{SLUG}}">{{HEADLINE}}</a></h2>
  <p class="meta"><time datetime="{{TIME_ISO}}">{{TIME_HUMAN}}</time>{{#HAS_COMMENTS}} &middot; <a href="/articles/{{SLUG}}#comments">{{COMMENT_COUNT}} comment{{#PLURAL}}s{{/PLURAL}}</a>{{/HAS_COMMENTS}}</p>
{{#HAS_SUMMARY}}  <p class="summary">{{SUMMARY}}</p>
{{/HAS_SUMMARY}}{{#SNIPPET}}  <p class="snippet">{{#PART}}{{#PLAIN}}{{TEXT}}{{/PLAIN}}{{#MARK}}<mark>{{TEXT}}</mark>{{/MARK}}{{/PART}}</p>
{{/SNIPPET}}{{#HAS_TAGS}}  <ul class="tags">{{#TAGS}}<li><a href="/tags/{{TAG_SLUG}}">{{TAG_NAME}}</a></li>{{/TAGS}}</ul>
{{/HAS_TAGS}}</li>
{{/ARTICLES}}</ol>

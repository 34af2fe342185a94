{{%AUTOESCAPE context="HTML"}}{{!
  front_index.tpl: the front page: the latest articles.
}}<h1 class="visually-hidden">Latest news</h1>
{{#EMPTY}}<p class="empty">Nothing has been published yet.</p>
{{/EMPTY}}<div class="front">{{>LIST}}</div>
{{>PAGER}}

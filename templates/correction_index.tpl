{{%AUTOESCAPE context="HTML"}}{{!
  correction_index.tpl: every correction of the site, newest first.
  OLDER_CURSOR is two numbers, "<time>-<id>".
}}<header class="page-head">
  <h1>Corrections</h1>
  <p class="meta">When we get something wrong, we correct it and say so here and on the article.</p>
</header>
{{#EMPTY}}<p class="empty">No corrections have been published.</p>
{{/EMPTY}}<ol class="corrections">
{{#ROWS}}<li><p class="headline"><a href="/articles/{{SLUG}}">{{HEADLINE}}</a></p>
<p class="note"><time datetime="{{TIME_ISO}}">{{TIME_HUMAN}}</time>: {{NOTE}}</p></li>
{{/ROWS}}</ol>
{{#OLDER}}<nav class="pager" aria-label="Pages"><a rel="next" href="/corrections?before={{OLDER_CURSOR}}">Older &rarr;</a></nav>
{{/OLDER}}

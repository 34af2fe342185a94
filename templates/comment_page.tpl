{{%AUTOESCAPE context="HTML"}}{{!
  comment_page.tpl: the page a reader writes a comment on, linked from
  the article.  It is made for each request and never cached, so that
  the form's signed time is the moment this reader asked for it, while
  the article page stays the same for everyone.
}}<header class="page-head">
  <p class="kicker">Your comment</p>
  <h1>On <a href="/articles/{{SLUG}}">{{HEADLINE}}</a></h1>
</header>
{{>COMMENT_FORM}}
<p class="back"><a href="/articles/{{SLUG}}#comments">&larr; Back to the article and its comments</a></p>

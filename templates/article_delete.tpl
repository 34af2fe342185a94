{{%AUTOESCAPE context="HTML"}}{{!
  article_delete.tpl: the confirmation asked before an article is
  withdrawn.
}}<section class="confirm">
<h1>Delete &ldquo;{{HEADLINE}}&rdquo;?</h1>
{{#ASK}}<p>Readers will find a notice that the article was withdrawn instead of it. Its revisions are kept, and it can be published again from its edit page.</p>
<form method="post" action="/admin/articles/{{ID}}/delete">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><button type="submit" class="danger">Delete the article</button> <a href="/admin/articles/{{ID}}/edit">Cancel</a></p>
</form>
{{/ASK}}{{#ALREADY}}<p>This article has been withdrawn already. <a href="/admin/articles/{{ID}}/edit">Back to it</a></p>
{{/ALREADY}}</section>

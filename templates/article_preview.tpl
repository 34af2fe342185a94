{{%AUTOESCAPE context="HTML"}}{{!
  article_preview.tpl: a stored article, draft or not, as readers would
  see it; ARTICLE includes article_show.tpl.
}}<p class="preview-banner">Preview of the saved article ({{STATUS_LABEL}}). <a href="/admin/articles/{{ID}}/edit">Back to editing</a></p>
{{>ARTICLE}}

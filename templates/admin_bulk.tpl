{{%AUTOESCAPE context="HTML"}}{{!
  admin_bulk.tpl: a bulk action's confirmation: what it will do to each
  article picked, or why it leaves one alone, and the button that does
  it.  Nothing has changed yet.
}}<header class="page-head">
  <h1>{{VERB}} articles?</h1>
  <p class="links"><a href="/admin/articles">Back to the list</a> (nothing has changed yet)</p>
</header>
<ul class="desk-list">
{{#ITEMS}}<li class="desk-item status-{{STATUS}}">
  <a class="headline" href="/admin/articles/{{ID}}/edit">{{HEADLINE}}</a>
  <span class="status">{{STATUS_LABEL}}</span>
  {{#CHANGE}}<strong class="change">{{TEXT}}</strong>{{/CHANGE}}{{#SKIP}}<span class="skip">Left as it is: {{TEXT}}</span>{{/SKIP}}
</li>
{{/ITEMS}}</ul>
{{#NOTHING}}<p class="empty">None of these would change.</p>
{{/NOTHING}}{{#CONFIRM}}<form method="post" action="/admin/articles/bulk/confirm">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="action" value="{{ACTION}}">
{{#IDS}}<input type="hidden" name="id[]" value="{{ID}}">
{{/IDS}}<p class="buttons"><button type="submit">{{VERB}} {{COUNT}} article{{#PLURAL}}s{{/PLURAL}}</button> <a href="/admin/articles">Cancel</a></p>
</form>
{{/CONFIRM}}

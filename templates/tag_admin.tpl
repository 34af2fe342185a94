{{%AUTOESCAPE context="HTML"}}{{!
  tag_admin.tpl: every tag, with forms to rename, merge and delete.
}}<header class="page-head">
  <h1>Tags</h1>
  <p class="meta">Renaming a tag changes its address; the old one redirects. Merging moves every article of a tag to another one. Only unused tags can be deleted.</p>
</header>
{{#ERROR}}<p class="form-error" role="alert">{{MESSAGE}}</p>
{{/ERROR}}{{#EMPTY}}<p class="empty">There are no tags yet.</p>
{{/EMPTY}}{{#HAS_TAGS}}<table class="tag-admin">
<thead><tr><th>Tag</th><th>Published</th><th>All</th><th>Rename</th><th>Merge into</th><th>Delete</th></tr></thead>
<tbody>
{{#TAGS}}<tr id="tag-{{ID}}"><td><a href="/tags/{{SLUG}}">{{NAME}}</a><br><small>/tags/{{SLUG}}</small></td><td>{{LIVE}}</td><td>{{USES}}</td>
<td><form method="post" action="/admin/tags/{{ID}}/rename"><input type="hidden" name="csrf" value="{{CSRF}}"><input name="name" value="{{NAME}}" maxlength="60" aria-label="New name for {{NAME}}"> <button type="submit">Rename</button></form></td>
<td><form method="post" action="/admin/tags/{{ID}}/merge"><input type="hidden" name="csrf" value="{{CSRF}}"><input name="into" maxlength="60" placeholder="another tag" aria-label="Merge {{NAME}} into"> <button type="submit">Merge</button></form></td>
<td>{{#UNUSED}}<form method="post" action="/admin/tags/{{ID}}/delete"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Delete</button></form>{{/UNUSED}}{{#USED}}<small>in use</small>{{/USED}}</td></tr>
{{/TAGS}}</tbody>
</table>
{{/HAS_TAGS}}

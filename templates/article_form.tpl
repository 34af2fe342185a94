{{%AUTOESCAPE context="HTML"}}{{!
  article_form.tpl: the editor's form for a new or a stored article.
  Values are what the editor typed, or what is stored; a message may
  stand next to each field.  PREVIEW includes article_show.tpl with the
  article as it would appear, before anything is saved.  The first
  button saves, so that Enter in a field never publishes.
}}<section class="editor">
<header class="page-head">
{{#IS_NEW}}  <h1>New article</h1>
{{/IS_NEW}}{{#IS_OLD}}  <p class="kicker">Article {{ID}} &middot; <span class="status status-{{STATUS}}">{{STATUS_LABEL}}</span>{{#HAS_TIME}} &middot; <time datetime="{{TIME_ISO}}">{{TIME_HUMAN}}</time>{{/HAS_TIME}}</p>
  <h1>Edit article</h1>
  <p class="links">{{#IS_LIVE}}<a href="/articles/{{SLUG_STORED}}">View on the site</a> &middot; {{/IS_LIVE}}<a href="/admin/articles/{{ID}}/preview">Preview as saved</a> &middot; <a href="/admin/articles/{{ID}}/revisions">Revisions</a> &middot; <a href="/admin">Dashboard</a></p>
{{/IS_OLD}}{{#RELOGIN_HEAD}}  <h1>Sign in again to save</h1>
{{/RELOGIN_HEAD}}</header>
{{#IN_QUEUE}}<section class="review" aria-label="Review">
<p class="review-state">Waiting for review since <time datetime="{{QUEUED_ISO}}">{{QUEUED_HUMAN}}</time>.</p>
{{#CAN_RETURN}}<form method="post" action="/admin/articles/{{ID}}/return" class="review-return">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p class="field"><label for="review-note">Return it to its writer, with a note</label> <small>(what to change; publish it with the button below the form instead if it is ready)</small><br>
<textarea id="review-note" name="note" rows="3" cols="80" maxlength="2000" required></textarea></p>
<p class="buttons"><button type="submit">Return with this note</button></p>
</form>
{{/CAN_RETURN}}</section>
{{/IN_QUEUE}}{{#RETURNED}}<section class="review" aria-label="Review">
<p class="review-state">An editor returned this draft with a note:</p>
<blockquote class="review-note">{{NOTE}}</blockquote>
<p>Change it as asked, then send it for review again.</p>
</section>
{{/RETURNED}}{{#FORM_ERROR}}<p class="form-error" role="alert">{{MESSAGE}}</p>
{{/FORM_ERROR}}{{#CONFLICT}}<section class="conflict" aria-label="Conflict">
<h2>Saved by {{WHO}} at <time datetime="{{THEIR_ISO}}">{{THEIR_TIME}}</time>, while you were editing</h2>
<p>How your version (below, in the form) differs from theirs: <del>struck through</del> is only in theirs, <ins>underlined</ins> only in yours.</p>
<div class="diff-words">{{#PIECES}}{{#P_SAME}}{{T:pre_escape}}{{/P_SAME}}{{#P_DEL}}<del>{{T:pre_escape}}</del>{{/P_DEL}}{{#P_INS}}<ins>{{T:pre_escape}}</ins>{{/P_INS}}{{/PIECES}}</div>
<p class="buttons">Save yours with the form's buttons to replace theirs, or <a href="/admin/articles/{{ID}}/edit">open their version</a> (what you typed here is then lost).</p>
</section>
{{/CONFLICT}}{{#PREVIEW}}<section class="preview" aria-label="Preview">
<p class="preview-banner">Preview: nothing is saved yet. The form is below.</p>
{{#RENDER_NOTE}}<p class="notice render-note" role="status">{{TEXT}}</p>
{{/RENDER_NOTE}}
{{>PREVIEW_ARTICLE}}
</section>
{{/PREVIEW}}<form method="post" action="{{ACTION}}" class="article-form">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#BASE}}<input type="hidden" name="base" value="{{REV}}">
{{/BASE}}{{#RELOGIN}}<fieldset class="relogin">
<legend>Sign in again to save</legend>
<p class="form-error" role="alert">{{MESSAGE}}</p>
<p class="field"><label for="relogin-name">Name</label><br>
<input id="relogin-name" name="relogin_name" value="{{RELOGIN_NAME}}" autocomplete="username" maxlength="64" required></p>
<p class="field"><label for="relogin-password">Password</label><br>
<input id="relogin-password" name="relogin_password" type="password" autocomplete="current-password" maxlength="1024" required autofocus></p>
<p class="field"><label for="relogin-code">Two-factor code</label> <small>(if you use it)</small><br>
<input id="relogin-code" name="relogin_code" autocomplete="one-time-code" maxlength="32" size="12"></p>
<input type="hidden" name="action" value="{{RELOGIN_ACTION}}">
<input type="hidden" name="change" value="{{CHANGE}}">
<input type="hidden" name="note" value="{{NOTE}}">
<p class="buttons"><button type="submit">Sign in and save</button></p>
</fieldset>
{{/RELOGIN}}<p class="field"><label for="headline">Headline</label><br>
<input id="headline" name="headline" value="{{HEADLINE}}" maxlength="300" size="80"{{#HEADLINE_ERROR}} aria-invalid="true" aria-describedby="headline-error"{{/HEADLINE_ERROR}}>
{{#HEADLINE_ERROR}}<br><span class="field-error" id="headline-error">{{MESSAGE}}</span>{{/HEADLINE_ERROR}}</p>
<p class="field"><label for="summary">Summary</label> <small>(the line under the headline)</small><br>
<textarea id="summary" name="summary" rows="2" cols="80"{{#SUMMARY_ERROR}} aria-invalid="true" aria-describedby="summary-error"{{/SUMMARY_ERROR}}>{{SUMMARY:pre_escape}}</textarea>
{{#SUMMARY_ERROR}}<br><span class="field-error" id="summary-error">{{MESSAGE}}</span>{{/SUMMARY_ERROR}}</p>
<p class="field"><label for="byline">Byline</label> <small>(as filed: "By Jane Doe")</small><br>
<input id="byline" name="byline" value="{{BYLINE}}" maxlength="200" size="60"{{#BYLINE_ERROR}} aria-invalid="true" aria-describedby="byline-error"{{/BYLINE_ERROR}}>
{{#BYLINE_ERROR}}<br><span class="field-error" id="byline-error">{{MESSAGE}}</span>{{/BYLINE_ERROR}}</p>
<p class="field"><label for="authors">Authors</label> <small>(login names of the newsroom's accounts, in byline order, separated by commas; their names then make the byline, linked to their author pages; leave it empty for wire copy)</small><br>
<input id="authors" name="authors" value="{{AUTHORS}}" maxlength="500" size="60" list="author-names"{{#AUTHORS_ERROR}} aria-invalid="true" aria-describedby="authors-error"{{/AUTHORS_ERROR}}>
<datalist id="author-names">{{#ACCOUNTS}}<option value="{{NAME}}">{{DISPLAY}}</option>{{/ACCOUNTS}}</datalist>
{{#AUTHORS_ERROR}}<br><span class="field-error" id="authors-error">{{MESSAGE}}</span>{{/AUTHORS_ERROR}}</p>
<p class="field"><label for="dateline">Dateline</label> <small>(optional place line, such as MOSCOW)</small><br>
<input id="dateline" name="dateline" value="{{DATELINE}}" maxlength="100" size="30"{{#DATELINE_ERROR}} aria-invalid="true" aria-describedby="dateline-error"{{/DATELINE_ERROR}}>
{{#DATELINE_ERROR}}<br><span class="field-error" id="dateline-error">{{MESSAGE}}</span>{{/DATELINE_ERROR}}</p>
<p class="field"><label for="source">Source line</label> <small>(optional: "Reported by ...")</small><br>
<input id="source" name="source" value="{{SOURCE}}" maxlength="300" size="60"{{#SOURCE_ERROR}} aria-invalid="true" aria-describedby="source-error"{{/SOURCE_ERROR}}>
{{#SOURCE_ERROR}}<br><span class="field-error" id="source-error">{{MESSAGE}}</span>{{/SOURCE_ERROR}}</p>
<p class="field"><label for="published_at">Publication time</label> <small>(empty: now, when you publish; a future time schedules it; times are in {{TIMEZONE}})</small><br>
<input id="published_at" name="published_at" type="datetime-local" value="{{PUBLISHED_AT}}"{{#PUBLISHED_AT_ERROR}} aria-invalid="true" aria-describedby="published_at-error"{{/PUBLISHED_AT_ERROR}}>
{{#PUBLISHED_AT_ERROR}}<br><span class="field-error" id="published_at-error">{{MESSAGE}}</span>{{/PUBLISHED_AT_ERROR}}</p>
<p class="field"><label for="body">Text</label> <small>(Markdown: blank lines between paragraphs, *italics*, **bold**, [links](https://example.org), ## headings; a photograph of the <a href="/admin/media">media library</a> by its number: ![note](media:12), a line of its own; it shows with the library's alt text, caption and credit)</small><br>
<textarea id="body" name="body" rows="24" cols="80"{{#BODY_ERROR}} aria-invalid="true" aria-describedby="body-error"{{/BODY_ERROR}}>{{BODY:pre_escape}}</textarea>
{{#BODY_ERROR}}<br><span class="field-error" id="body-error">{{MESSAGE}}</span>{{/BODY_ERROR}}</p>
<p class="field"><label for="tags">Tags</label> <small>(comma-separated, as in wire copy: Russia, Putin, human rights in Russia)</small><br>
<input id="tags" name="tags" value="{{TAGS}}" maxlength="2000" size="80"{{#TAGS_ERROR}} aria-invalid="true" aria-describedby="tags-error"{{/TAGS_ERROR}}>
{{#TAGS_ERROR}}<br><span class="field-error" id="tags-error">{{MESSAGE}}</span>{{/TAGS_ERROR}}</p>
<p class="field"><label for="slug">Address</label> <small>(optional: made from the headline when empty; a-z, digits and hyphens; the old address of a published article keeps working)</small><br>
/articles/<input id="slug" name="slug" value="{{SLUG}}" maxlength="120" size="50"{{#SLUG_ERROR}} aria-invalid="true" aria-describedby="slug-error"{{/SLUG_ERROR}}>
{{#SLUG_ERROR}}<br><span class="field-error" id="slug-error">{{MESSAGE}}</span>{{/SLUG_ERROR}}</p>
{{#ASK_CHANGE}}<fieldset class="change-kind">
<legend>Readers have seen this article. What kind of change is this?</legend>
<p><label><input type="radio" name="change" value="typo"{{#CHANGE_TYPO}} checked{{/CHANGE_TYPO}}> Typo or style fix: silent</label><br>
<label><input type="radio" name="change" value="update"{{#CHANGE_UPDATE}} checked{{/CHANGE_UPDATE}}> Update: new information, noted for readers</label><br>
<label><input type="radio" name="change" value="correction"{{#CHANGE_CORRECTION}} checked{{/CHANGE_CORRECTION}}> Correction: something was wrong, noted at the top of the article</label></p>
{{#CHANGE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/CHANGE_ERROR}}
<p class="field"><label for="note">Note for readers</label> <small>(needed for an update or a correction)</small><br>
<textarea id="note" name="note" rows="2" cols="80"{{#NOTE_ERROR}} aria-invalid="true" aria-describedby="note-error"{{/NOTE_ERROR}}>{{NOTE:pre_escape}}</textarea>
{{#NOTE_ERROR}}<br><span class="field-error" id="note-error">{{MESSAGE}}</span>{{/NOTE_ERROR}}</p>
</fieldset>
{{/ASK_CHANGE}}{{#BTN_SAVE}}<p class="buttons">
<button type="submit" name="action" value="save">{{SAVE_LABEL}}</button>
<button type="submit" name="action" value="preview">Preview</button>
{{#BTN_SUBMIT}}<button type="submit" name="action" value="submit">Send for review</button>
{{/BTN_SUBMIT}}{{#BTN_PUBLISH}}<button type="submit" name="action" value="publish">Publish</button>
{{/BTN_PUBLISH}}{{#BTN_UNPUBLISH}}<button type="submit" name="action" value="unpublish">Unpublish</button>
{{/BTN_UNPUBLISH}}{{#BTN_DELETE}}<button type="submit" name="action" value="delete" class="danger">Delete&hellip;</button>
{{/BTN_DELETE}}</p>
{{/BTN_SAVE}}</form>
{{#COMMENTS_SWITCH}}<form method="post" action="/admin/articles/{{ID}}/comments" class="comments-switch">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="comments-mode">Readers' comments</label>
<select id="comments-mode" name="mode">
<option value="open"{{#MODE_OPEN}} selected{{/MODE_OPEN}}>Open</option>
<option value="closed"{{#MODE_CLOSED}} selected{{/MODE_CLOSED}}>Closed: shown, no new ones</option>
<option value="hidden"{{#MODE_HIDDEN}} selected{{/MODE_HIDDEN}}>Hidden</option>
</select>
<button type="submit">Set</button></p>
</form>
{{/COMMENTS_SWITCH}}{{#IS_OLD}}{{>LEAD_FORM}}{{/IS_OLD}}</section>

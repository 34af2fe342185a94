{{%AUTOESCAPE context="HTML"}}{{!
  settings.tpl: the site settings an admin changes (POST /admin/settings).
}}<header class="page-head">
  <h1>Site settings</h1>
  <p class="meta">Saved values take the place of the server's settings (GAZETTE_TITLE and the like), from the next page on and after a restart.</p>
</header>
{{#ERROR}}<p class="form-error" role="alert">{{MESSAGE}}</p>
{{/ERROR}}<form class="stacked" method="post" action="/admin/settings">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="set-title">Site name</label>
<input type="text" id="set-title" name="title" value="{{TITLE_VALUE}}" maxlength="100" required>
<p class="hint">The server's setting: {{FLAG_TITLE}}</p>
<label for="set-tagline">Line under the name</label>
<input type="text" id="set-tagline" name="tagline" value="{{TAGLINE_VALUE}}" maxlength="200">
<p class="hint">The server's setting: {{FLAG_TAGLINE}}</p>
<fieldset>
<legend>Comment moderation</legend>
{{#MODERATION}}<label><input type="radio" name="moderation" value="{{VALUE}}"{{#CHECKED}} checked{{/CHECKED}}> {{VALUE}}</label>
{{/MODERATION}}<p class="hint">open: comments appear at once; first-time: a reader's first comment waits for an editor; all: every comment waits.</p>
</fieldset>
<label for="set-close">Close comments after (days; 0: never)</label>
<input type="number" id="set-close" name="close_days" value="{{CLOSE_DAYS}}" min="0" max="36500" required>
<label for="set-logo">Logo (a <a href="/admin/media">media library</a> image's number; empty: none)</label>
<input type="text" id="set-logo" name="logo" value="{{LOGO}}" inputmode="numeric" pattern="[0-9]*" size="8">
<p class="hint">Search engines show it as the publisher of the site's articles.</p>
<p><button type="submit">Save</button></p>
</form>

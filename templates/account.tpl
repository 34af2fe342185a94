{{%AUTOESCAPE context="HTML"}}{{!
  account.tpl: the signed-in account's own page: display name and bio,
  password (the current one required), and the sessions, with a button
  to end each and one to sign out everywhere.
}}<header class="page-head">
  <h1>Your account</h1>
  <p class="meta">Signed in as <strong>{{NAME}}</strong> ({{ROLE}}).</p>
</header>
{{#FORM_ERROR}}<p class="form-error" role="alert">{{MESSAGE}}</p>
{{/FORM_ERROR}}<section class="desk" id="profile" aria-label="Profile">
<h2>Profile</h2>
<form method="post" action="/account/profile">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p class="field"><label for="display">Display name</label> <small>(as the newsroom and readers see it)</small><br>
<input id="display" name="display" value="{{DISPLAY}}" maxlength="100" size="40" required></p>
<p class="field"><label for="bio">Short bio</label> <small>(plain text, up to 1,000 characters)</small><br>
<textarea id="bio" name="bio" rows="4" cols="60" maxlength="1000">{{BIO:pre_escape}}</textarea></p>
<p class="buttons"><button type="submit">Save profile</button></p>
</form>
</section>
<section class="desk" id="password" aria-label="Password">
<h2>Password</h2>
<form method="post" action="/account/password">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p class="field"><label for="current">Current password</label><br>
<input id="current" name="current" type="password" autocomplete="current-password" maxlength="1024" required></p>
<p class="field"><label for="new-password">New password</label> <small>(8 characters or more)</small><br>
<input id="new-password" name="password" type="password" autocomplete="new-password" maxlength="1024" required></p>
<p class="field"><label for="again">New password again</label><br>
<input id="again" name="again" type="password" autocomplete="new-password" maxlength="1024" required></p>
<p class="buttons"><button type="submit">Change password</button> <small>(your other sessions end)</small></p>
</form>
</section>
<section class="desk" id="sessions" aria-label="Sessions">
<h2>Sessions</h2>
<ul class="desk-list">
{{#SESSIONS}}<li>Signed in <time datetime="{{CREATED_ISO}}">{{CREATED}}</time>, last used <time datetime="{{SEEN_ISO}}">{{SEEN}}</time>{{#THIS}} <strong>(this browser)</strong>{{/THIS}}{{#OTHER}}
<form method="post" action="/account/sessions/{{ID}}/end" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">End</button></form>{{/OTHER}}</li>
{{/SESSIONS}}</ul>
<form method="post" action="/account/sessions/end-all">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p class="buttons"><button type="submit" class="danger">Sign out everywhere</button> <small>(this browser too)</small></p>
</form>
</section>

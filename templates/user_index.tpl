{{%AUTOESCAPE context="HTML"}}{{!
  user_index.tpl: the accounts, for admins: invite one (a one-time link
  to pass on), and for each, change the role, disable or enable it, or
  make a password reset link.  Admins cannot lock themselves out here.
}}<header class="page-head">
  <h1>Accounts</h1>
  <p class="meta">The command line (<code>gazette user</code>) does the same on the server.</p>
</header>
{{#FORM_ERROR}}<p class="form-error" role="alert">{{MESSAGE}}</p>
{{/FORM_ERROR}}<section class="desk" id="invite" aria-label="Invite">
<h2>Invite someone</h2>
<form method="post" action="/admin/users">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p class="field"><label for="name">Login name</label> <small>(a-z, 0-9, ".", "_", "-"; up to 32)</small><br>
<input id="name" name="name" value="{{NAME}}" maxlength="32" size="20" required></p>
<p class="field"><label for="display">Display name</label><br>
<input id="display" name="display" value="{{DISPLAY}}" maxlength="100" size="40" required></p>
<p class="field"><label for="role">Role</label>
<select id="role" name="role">
<option value="contributor"{{#ROLE_CONTRIBUTOR}} selected{{/ROLE_CONTRIBUTOR}}>Contributor: writes, sends for review</option>
<option value="editor"{{#ROLE_EDITOR}} selected{{/ROLE_EDITOR}}>Editor: publishes, moderates</option>
<option value="admin"{{#ROLE_ADMIN}} selected{{/ROLE_ADMIN}}>Admin: also accounts and settings</option>
</select></p>
<p class="buttons"><button type="submit">Make an invitation link</button> <small>(valid 72 hours)</small></p>
</form>
</section>
<section class="desk" id="two-factor" aria-label="Two-factor sign-in">
<h2>Two-factor sign-in</h2>
<form method="post" action="/admin/users/2fa">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#TFA_OPTIONAL}}<p>Optional: each account chooses. <input type="hidden" name="require" value="1"><button type="submit">Require it for every account</button></p>{{/TFA_OPTIONAL}}
{{#TFA_REQUIRED}}<p>Required: an account without it can only enrol after signing in. <input type="hidden" name="require" value="0"><button type="submit">Make it optional</button></p>{{/TFA_REQUIRED}}
</form>
</section>
<table class="users">
<thead><tr><th>Name</th><th>Full name</th><th>Role</th><th>State</th><th>Two-factor</th><th>Since</th><th>Actions</th></tr></thead>
<tbody>
{{#USERS}}<tr><td>{{NAME}}</td><td>{{DISPLAY}}</td><td>{{ROLE}}</td><td>{{STATE}}</td><td>{{TFA}}</td><td><time datetime="{{CREATED_ISO}}">{{CREATED}}</time></td>
<td>{{#YOU}}you{{/YOU}}{{#ACTIONS}}<form method="post" action="/admin/users/{{ID}}/role" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}">
<select name="role" aria-label="Role of {{NAME}}"><option value="contributor"{{#IS_CONTRIBUTOR}} selected{{/IS_CONTRIBUTOR}}>contributor</option><option value="editor"{{#IS_EDITOR}} selected{{/IS_EDITOR}}>editor</option><option value="admin"{{#IS_ADMIN}} selected{{/IS_ADMIN}}>admin</option></select>
<button type="submit">Set role</button></form>
<form method="post" action="/admin/users/{{ID}}/{{TOGGLE}}" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">{{TOGGLE_LABEL}}</button></form>
<form method="post" action="/admin/users/{{ID}}/reset" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">{{RESET_LABEL}}</button></form>{{#TFA_ON}}
<form method="post" action="/admin/users/{{ID}}/2fa-reset" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">Turn off two-factor</button></form>{{/TFA_ON}}{{/ACTIONS}}</td></tr>
{{/USERS}}</tbody>
</table>

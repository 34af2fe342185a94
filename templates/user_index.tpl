{{%AUTOESCAPE context="HTML"}}{{!
  user_index.tpl: the accounts, for admins.  They are managed with the
  `gazette user` command.
}}<header class="page-head">
  <h1>Accounts</h1>
  <p class="meta">Add, disable and change accounts on the server with <code>gazette user</code>.</p>
</header>
<table class="users">
<thead><tr><th>Name</th><th>Full name</th><th>Role</th><th>State</th><th>Since</th></tr></thead>
<tbody>
{{#USERS}}<tr><td>{{NAME}}</td><td>{{DISPLAY}}</td><td>{{ROLE}}</td><td>{{STATE}}</td><td><time datetime="{{CREATED_ISO}}">{{CREATED}}</time></td></tr>
{{/USERS}}</tbody>
</table>

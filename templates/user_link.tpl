{{%AUTOESCAPE context="HTML"}}{{!
  user_link.tpl: a one-time link just made, shown to the admin this
  once (only its hash is kept) to pass on to the account's owner.
}}<header class="page-head">
  <h1>{{#INVITE}}Invitation for {{DISPLAY}}{{/INVITE}}{{#RESET}}Password reset for {{DISPLAY}}{{/RESET}}</h1>
</header>
<section class="desk">
<p>Pass this link on to {{DISPLAY}} (login name <strong>{{NAME}}</strong>). It works once, until <time datetime="{{EXPIRES_ISO}}">{{EXPIRES}}</time>, and is shown only now:</p>
<p class="one-time-link"><code>{{LINK}}</code></p>
{{#RESET}}<p>Their password and sessions stay as they are until the link is used.</p>
{{/RESET}}<p><a href="/admin/users">Back to the accounts</a></p>
</section>

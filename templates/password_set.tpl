{{%AUTOESCAPE context="HTML"}}{{!
  password_set.tpl: the page a one-time link opens (an invitation or a
  password reset): the account's name and a new password, twice.
  TOKEN is the link's own token, checked by the controller.
}}<section class="login">
<h1>{{#INVITE}}Welcome, {{DISPLAY}}{{/INVITE}}{{#RESET}}A new password for {{DISPLAY}}{{/RESET}}</h1>
<p>Your login name is <strong>{{NAME}}</strong>. Choose a password of 8 characters or more; this link works once.</p>
{{#ERROR}}<p class="form-error" role="alert">{{MESSAGE}}</p>
{{/ERROR}}<form method="post" action="/password">
  <input type="hidden" name="token" value="{{TOKEN}}">
  <p><label for="password">Password</label><br>
  <input id="password" name="password" type="password" autocomplete="new-password" maxlength="1024" required autofocus></p>
  <p><label for="again">Password again</label><br>
  <input id="again" name="again" type="password" autocomplete="new-password" maxlength="1024" required></p>
  <p><button type="submit">Set password</button></p>
</form>
</section>

{{%AUTOESCAPE context="HTML"}}{{!
  login.tpl: the editors' login form.  NEXT is a path inside this site,
  checked by the controller; NAME is what was typed.
}}<section class="login">
<h1>Editors' login</h1>
{{#ERROR}}<p class="form-error" role="alert">{{MESSAGE}}</p>
{{/ERROR}}<form method="post" action="/login">
  <input type="hidden" name="next" value="{{NEXT}}">
  <p><label for="name">Name</label><br>
  <input id="name" name="name" value="{{NAME}}" autocomplete="username" maxlength="64" required autofocus></p>
  <p><label for="password">Password</label><br>
  <input id="password" name="password" type="password" autocomplete="current-password" maxlength="1024" required></p>
  <p><label for="code">Two-factor code</label> <small>(if you use it: the six digits from your app, or a recovery code)</small><br>
  <input id="code" name="code" autocomplete="one-time-code" maxlength="32" size="12"></p>
  <p><button type="submit">Log in</button></p>
</form>
</section>

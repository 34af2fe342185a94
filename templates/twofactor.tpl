{{%AUTOESCAPE context="HTML"}}{{!
  twofactor.tpl: two-factor sign-in for the signed-in account: enrolment
  (ENROL: the QR code as inline SVG, one rect per run of dark modules,
  and the secret as text), the recovery codes just made (CODES, shown
  once), or the state (ON).
}}<header class="page-head">
  <h1>Two-factor sign-in</h1>
  {{#REQUIRED}}<p class="meta">An administrator requires it for every account.</p>{{/REQUIRED}}
</header>
{{#FORM_ERROR}}<p class="form-error" role="alert">{{MESSAGE}}</p>
{{/FORM_ERROR}}{{#ENROL}}<section class="desk" aria-label="Enrol">
<p>Scan this code with an authenticator app (FreeOTP, Google Authenticator, 1Password, ...), then type the six-digit code it shows.</p>
<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{SIZE}} {{SIZE}}" width="240" height="240" role="img" aria-label="QR code for your authenticator app" shape-rendering="crispEdges">
<rect width="{{SIZE}}" height="{{SIZE}}" fill="#fff"/>
{{#RUN}}<rect x="{{X}}" y="{{Y}}" width="{{W}}" height="1"/>{{/RUN}}
</svg>
<p>Or type this secret into the app: <code class="secret">{{SECRET}}</code> (time-based, six digits, every 30 seconds).</p>
<form method="post" action="/account/2fa">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="secret" value="{{SECRET}}">
<p class="field"><label for="code">Code from the app</label><br>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="6" size="8" required></p>
<p class="buttons"><button type="submit">Turn on two-factor sign-in</button></p>
</form>
</section>
{{/ENROL}}{{#CODES}}<section class="desk" aria-label="Recovery codes">
<p><strong>Two-factor sign-in is on.</strong> These ten recovery codes each let you sign in once without your phone. Keep them somewhere safe: they are shown only now.</p>
<ul class="recovery-codes">
{{#CODE}}<li><code>{{C}}</code></li>
{{/CODE}}</ul>
<p><a href="/account">Back to your account</a></p>
</section>
{{/CODES}}{{#ON}}<section class="desk" aria-label="State">
<p>Two-factor sign-in is on. Recovery codes left: {{LEFT}}. A lost phone? An administrator can turn it off for you.</p>
{{#CAN_OFF}}<form method="post" action="/account/2fa/off">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p class="field"><label for="password">Your password</label><br>
<input id="password" name="password" type="password" autocomplete="current-password" maxlength="1024" required></p>
<p class="buttons"><button type="submit" class="danger">Turn off two-factor sign-in</button></p>
</form>
{{/CAN_OFF}}</section>
{{/ON}}

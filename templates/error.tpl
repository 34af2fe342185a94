{{%AUTOESCAPE context="HTML"}}{{!
  error.tpl: every error page.  MESSAGE is fixed text from the code,
  never a detail of the failure.
}}<section class="error-page">
  <h1>{{HEADING}}</h1>
  <p>{{MESSAGE}}</p>
  <p><a href="/">Go to the front page</a></p>
</section>

{{%AUTOESCAPE context="HTML"}}{{!
  comment_form.tpl: the readers' comment form, on the comment page.  It
  works without JavaScript.  TOKEN is signed with the time this page was
  asked for.  The "website" field is a trap for robots: hidden from
  people by the .hp class, from screen readers by aria-hidden, and out
  of the tab order; a post that fills it is quietly set aside.
}}  <form class="stacked comment-form" id="comment-form" action="/articles/{{SLUG}}/comments" method="post">
    <h2>Leave a comment</h2>
{{#ERROR}}    <p class="form-error" id="comment-error" role="alert">{{ERROR_TEXT}}</p>
{{/ERROR}}    <input type="hidden" name="token" value="{{TOKEN}}">
    <div>
      <label for="comment-name">Name <span class="hint">shown with your comment, up to {{NAME_MAX}} characters</span></label>
      <input type="text" id="comment-name" name="name" value="{{NAME}}" maxlength="{{NAME_MAX}}" required autocomplete="nickname"{{#NAME_INVALID}} aria-invalid="true" aria-describedby="comment-error"{{/NAME_INVALID}}>
    </div>
    <div>
      <label for="comment-body">Comment <span class="hint">plain text, up to {{BODY_MAX}} characters; a blank line starts a new paragraph, and web addresses become links</span></label>
      <textarea id="comment-body" name="body" rows="6" required{{#BODY_INVALID}} aria-invalid="true" aria-describedby="comment-error"{{/BODY_INVALID}}>{{BODY}}</textarea>
    </div>
    <div class="hp" aria-hidden="true">
      <label for="comment-website">Leave this field empty</label>
      <input type="text" id="comment-website" name="website" value="" tabindex="-1" autocomplete="off">
    </div>
    <p class="hint">No e-mail address is asked for. Posting keeps a random cookie so that your later comments are recognised; your network address is kept only in scrambled form, against abuse, and no other site learns of your visit.</p>
    <div class="actions"><button type="submit">Post comment</button></div>
  </form>

{{%AUTOESCAPE context="HTML"}}{{!
  lead_form.tpl: an article's lead photograph on its form, with an
  upload form and a form to pick an image of the library (no script).
}}<section class="lead-form" id="lead">
<h2>Lead photograph</h2>
{{#LEAD}}<figure class="lead-current">{{>PICTURE}}
<figcaption>{{CAPTION}}{{#CREDIT}} <small>{{CREDIT}}</small>{{/CREDIT}}<br><small>Image {{ID}}, {{WIDTH}}&times;{{HEIGHT}}. Alt text: {{#NO_ALT}}<strong>none yet: add it in the <a href="/admin/media#media-{{ID}}">media library</a></strong>{{/NO_ALT}}{{ALT}}</small></figcaption></figure>
<form method="post" action="/admin/articles/{{ARTICLE_ID}}/lead"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="media" value="0"><button type="submit">Remove the lead photograph</button></form>
{{/LEAD}}{{#NO_LEAD}}<p class="meta">This article has no lead photograph.</p>
{{/NO_LEAD}}<form method="post" action="/admin/media" enctype="multipart/form-data" class="upload">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="article" value="{{ARTICLE_ID}}">
<p class="field"><label for="lead-file">Upload a photograph</label> <small>(JPEG, PNG, WebP, GIF or HEIC; up to 40 MiB)</small><br><input type="file" id="lead-file" name="file" accept="image/jpeg,image/png,image/webp,image/gif,image/heic,image/heif,image/avif" required></p>
<p class="field"><label for="lead-alt">Alt text</label> <small>(what the picture shows, for readers who cannot see it)</small><br><input id="lead-alt" name="alt" maxlength="250" size="60"></p>
<p class="field"><label for="lead-caption">Caption</label><br><input id="lead-caption" name="caption" maxlength="1000" size="60"></p>
<p class="field"><label for="lead-credit">Credit</label><br><input id="lead-credit" name="credit" maxlength="200" size="40"></p>
<p><button type="submit">Upload and use as lead photograph</button></p>
</form>
<form method="post" action="/admin/articles/{{ARTICLE_ID}}/lead">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><label for="lead-media">Or use library image number</label> <input id="lead-media" name="media" inputmode="numeric" pattern="[0-9]+" size="6" required> <button type="submit">Use it</button></p>
</form>
</section>

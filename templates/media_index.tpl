{{%AUTOESCAPE context="HTML"}}{{!
  media_index.tpl: the media library, newest first, with the upload form.
}}<header class="page-head">
  <h1>Media library</h1>
  <p class="meta">Photographs are resized for every screen when they are uploaded, and stripped of all their metadata (camera, GPS position, names) before anything is served.</p>
</header>
{{#ERROR}}<p class="form-error" role="alert">{{MESSAGE}}</p>
{{/ERROR}}<form method="post" action="/admin/media" enctype="multipart/form-data" class="upload">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p class="field"><label for="file">Photograph</label> <small>(JPEG, PNG, WebP, GIF or HEIC; up to 40 MiB)</small><br><input type="file" id="file" name="file" accept="image/jpeg,image/png,image/webp,image/gif,image/heic,image/heif,image/avif" required></p>
<p class="field"><label for="alt">Alt text</label> <small>(what the picture shows, for readers who cannot see it)</small><br><input id="alt" name="alt" maxlength="250" size="60"></p>
<p class="field"><label for="caption">Caption</label><br><input id="caption" name="caption" maxlength="1000" size="60"></p>
<p class="field"><label for="credit">Credit</label><br><input id="credit" name="credit" maxlength="200" size="40"></p>
<p><button type="submit">Upload</button></p>
</form>
<form method="get" action="/admin/media" role="search" class="media-search"><p><label for="media-q">Search captions, credits and alt text</label> <input id="media-q" name="q" value="{{Q}}" maxlength="100" size="30"> <button type="submit">Search</button></p></form>
{{#SEARCHED}}<p class="meta">Images matching &ldquo;{{Q}}&rdquo;. <a href="/admin/media">All images</a></p>
{{/SEARCHED}}{{#EMPTY}}<p class="empty">No image here.</p>
{{/EMPTY}}{{#HAS_MEDIA}}<ul class="media-list">
{{#MEDIA}}<li id="media-{{ID}}">{{>PICTURE}}
<p><strong>Image {{ID}}</strong> &middot; {{WIDTH}}&times;{{HEIGHT}} &middot; {{KIB}} KiB &middot; <time datetime="{{TIME_ISO}}">{{TIME_HUMAN}}</time>{{#FILENAME}} &middot; <small>{{FILENAME}}</small>{{/FILENAME}}</p>
<form method="post" action="/admin/media/{{ID}}" class="media-edit"><input type="hidden" name="csrf" value="{{CSRF}}">
<p class="field"><label for="alt-{{ID}}">Alt text</label>{{#NO_ALT}} <strong>(none yet: needed before an article using it is published)</strong>{{/NO_ALT}}<br><input id="alt-{{ID}}" name="alt" value="{{ALT}}" maxlength="250" size="40"></p>
<p class="field"><label for="caption-{{ID}}">Caption</label><br><input id="caption-{{ID}}" name="caption" value="{{CAPTION}}" maxlength="1000" size="40"></p>
<p class="field"><label for="credit-{{ID}}">Credit</label><br><input id="credit-{{ID}}" name="credit" value="{{CREDIT}}" maxlength="200" size="30"></p>
<p><button type="submit">Save</button></p></form>
{{#UNUSED}}<form method="post" action="/admin/media/{{ID}}/delete"><input type="hidden" name="csrf" value="{{CSRF}}"><p>Not used yet. <button type="submit" class="danger">Delete</button></p></form>{{/UNUSED}}<ul class="uses">{{#USES}}<li>{{#LEAD}}Lead of{{/LEAD}}{{#IN_TEXT}}In the text of{{/IN_TEXT}} <a href="/admin/articles/{{ARTICLE_ID}}/edit">{{HEADLINE}}</a></li>{{/USES}}</ul>
<p class="meta">In an article's text: <code>![](media:{{ID}})</code></p>
</li>
{{/MEDIA}}</ul>
{{/HAS_MEDIA}}{{#OLDER}}<nav class="pager"><a href="/admin/media?{{#WITH_Q}}q={{Q_ENC}}&amp;{{/WITH_Q}}before={{BEFORE}}" rel="next">Older images</a></nav>
{{/OLDER}}

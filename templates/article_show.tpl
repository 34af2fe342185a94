{{%AUTOESCAPE context="HTML"}}{{!
  article_show.tpl: one article with its corrections, tags and comments.
}}<article class="story"{{#OWN_LANG}} lang="{{LANG}}"{{/OWN_LANG}}>
<header class="story-head">
{{#CORRECTED}}  <aside class="correction-notice" role="note">
    <p class="kicker">Correction</p>
    {{#CORRECTION_TOP}}<p><time datetime="{{NOTE_ISO}}">{{NOTE_HUMAN}}</time>: {{NOTE}}</p>{{/CORRECTION_TOP}}
  </aside>
{{/CORRECTED}}  <h1 class="headline">{{HEADLINE}}</h1>
{{#HAS_SUMMARY}}  <p class="dek">{{SUMMARY}}</p>
{{/HAS_SUMMARY}}{{#EDIT_LINK}}  <p class="edit-link"><a href="/admin/articles/{{ID}}/edit">Edit this article</a></p>
{{/EDIT_LINK}}  <p class="byline">{{#HAS_AUTHORS}}<span class="author">By {{#AUTHORS}}<a href="/authors/{{AUTHOR_SLUG}}" rel="author">{{AUTHOR_NAME}}</a>{{#COMMA}}, {{/COMMA}}{{#AND}} and {{/AND}}{{/AUTHORS}}</span> &middot; {{/HAS_AUTHORS}}{{#HAS_BYLINE}}<span class="author">{{BYLINE}}</span> &middot; {{/HAS_BYLINE}}<time datetime="{{PUBLISHED_ISO}}">{{PUBLISHED_HUMAN}}</time>{{#UPDATED}} &middot; Updated <time datetime="{{UPDATED_ISO}}">{{UPDATED_HUMAN}}</time>{{/UPDATED}}</p>
</header>
{{#LEAD}}<figure class="lead-photo">{{>PICTURE}}{{#FIGCAPTION}}<figcaption>{{CAPTION}}{{#CREDIT}} <span class="credit">{{CREDIT}}</span>{{/CREDIT}}</figcaption>{{/FIGCAPTION}}</figure>
{{/LEAD}}<div class="story-body">
{{#HAS_DATELINE}}<p class="dateline">{{DATELINE}} &mdash;</p>
{{/HAS_DATELINE}}{{!
  BODY_HTML is the article's Markdown, rendered by cmark in safe mode
  when the editor saved it (raw HTML and javascript: links removed, and
  remote images turned into links); it is the site's own HTML, so it is
  not escaped again.
}}{{BODY_HTML:none}}
</div>
{{#HAS_SOURCE}}<p class="source">{{SOURCE}}</p>
{{/HAS_SOURCE}}{{#HAS_NOTES}}<section class="notes" aria-label="Updates and corrections">
  <h2>Updates and corrections</h2>
  <ul>
{{#NOTES}}    <li class="note-{{KIND}}"><strong>{{KIND_LABEL}}</strong>, <time datetime="{{NOTE_ISO}}">{{NOTE_HUMAN}}</time>: {{NOTE}}</li>
{{/NOTES}}  </ul>
</section>
{{/HAS_NOTES}}{{#HAS_TAGS}}<ul class="tags" aria-label="Topics">{{#TAGS}}<li><a href="/tags/{{TAG_SLUG}}">{{TAG_NAME}}</a></li>{{/TAGS}}</ul>
{{/HAS_TAGS}}</article>
{{#HAS_RELATED}}<aside class="related" aria-label="Related articles">
  <h2>Related</h2>
  <ul>{{#RELATED}}<li><a href="/articles/{{SLUG}}">{{HEADLINE}}</a> <time datetime="{{TIME_ISO}}">{{TIME_SHORT}}</time></li>{{/RELATED}}</ul>
</aside>
{{/HAS_RELATED}}{{#SHOW_COMMENTS}}<section class="comments" id="comments" aria-label="Comments">
  <h2>Comments <span class="count">{{COMMENT_COUNT}}</span></h2>
{{#NO_COMMENTS}}  <p class="empty">No comments yet.</p>
{{/NO_COMMENTS}}{{#EARLIER_COMMENTS}}  <p class="pager"><a href="/articles/{{SLUG}}#comments">&larr; From the first comment</a></p>
{{/EARLIER_COMMENTS}}{{#COMMENTS}}  <article class="comment" id="comment-{{ID}}">
    <header class="comment-meta"><h3 class="comment-author">{{AUTHOR}}</h3> &middot; <a href="#comment-{{ID}}"><time datetime="{{TIME_ISO}}">{{TIME_HUMAN}}</time></a></header>
    <div class="comment-body">{{>TEXT}}</div>
  </article>
{{/COMMENTS}}{{#MORE_COMMENTS}}  <p class="pager"><a href="/articles/{{SLUG}}?comments_after={{LAST_COMMENT_ID}}#comments">Later comments &rarr;</a></p>
{{/MORE_COMMENTS}}{{#PENDING}}  <p class="notice" id="comment-pending" role="status">Thank you. Your comment awaits moderation and will appear here once an editor has approved it.</p>
{{/PENDING}}{{#COMMENTS_OPEN}}  <p class="write-comment"><a href="/articles/{{SLUG}}/comments#comment-form">Write a comment</a></p>
{{/COMMENTS_OPEN}}{{#COMMENTS_CLOSED}}  <p class="closed">Comments are closed for this article.</p>
{{/COMMENTS_CLOSED}}</section>
{{/SHOW_COMMENTS}}

{{%AUTOESCAPE context="HTML"}}{{!
  admin_index.tpl: the editors' dashboard: contributors' drafts waiting
  for review, drafts, scheduled, published and withdrawn articles, the
  comments waiting for moderation, and the caches the app purges after
  writes.
}}<header class="page-head">
  <h1>Dashboard</h1>
  <p class="links"><a href="/admin/articles/new">Write a new article</a> &middot; <a href="/admin/tags">Tags</a> &middot; <a href="/admin/comments">Comments</a>{{#IS_ADMIN}} &middot; <a href="/admin/users">Accounts</a> &middot; <a href="/admin/audit">Audit log</a> &middot; <a href="/admin/settings">Settings</a>{{/IS_ADMIN}}</p>
</header>
<section class="desk" id="queue" aria-label="Waiting for review">
<h2>Waiting for review <span class="count">{{QUEUE_TOTAL}}</span></h2>
{{#NO_QUEUE}}<p class="empty">No draft is waiting.</p>
{{/NO_QUEUE}}{{#HAS_QUEUE}}<ul class="desk-list">
{{#QUEUE}}<li class="desk-item"><a class="headline" href="/admin/articles/{{ID}}/edit">{{HEADLINE}}</a> by <span class="writer">{{WRITER}}</span>, sent <time datetime="{{QUEUED_ISO}}">{{QUEUED_HUMAN}}</time></li>
{{/QUEUE}}</ul>
{{/HAS_QUEUE}}</section>
<section class="desk" id="pending" aria-label="Comments waiting">
<h2>Comments waiting <span class="count">{{PENDING_TOTAL}}</span></h2>
{{#NO_PENDING}}<p class="empty">No comment is waiting.</p>
{{/NO_PENDING}}{{#HAS_PENDING}}<ul class="desk-list">
{{#PENDING}}<li><span class="comment-author">{{AUTHOR}}</span> on <a href="/articles/{{ARTICLE_SLUG}}">{{ARTICLE_HEADLINE}}</a>: {{EXCERPT}}</li>
{{/PENDING}}</ul>
<p><a href="/admin/comments">Moderate comments</a></p>
{{/HAS_PENDING}}</section>
{{#HAS_CACHES}}<section class="desk" id="caches" aria-label="Caches">
<h2>Caches</h2>
<ul class="desk-list">
{{#CACHE}}<li><span class="cache-node">{{NODE}}</span>: {{#CACHE_OK}}up to date{{/CACHE_OK}}{{#CACHE_BEHIND}}<strong>{{PENDING}} purges waiting</strong>, the oldest since <time datetime="{{OLDEST_ISO}}">{{OLDEST}}</time>{{#CACHE_ERROR}} (last error: {{ERROR}}){{/CACHE_ERROR}}; readers of this cache may see older pages until it answers{{/CACHE_BEHIND}}</li>
{{/CACHE}}</ul>
</section>
{{/HAS_CACHES}}<section class="desk" id="drafts" aria-label="Drafts">
<h2>Drafts</h2>
{{>DRAFTS}}
{{#MORE_DRAFTS}}<p class="pager"><a href="/admin/articles?status=draft">All drafts &rarr;</a></p>
{{/MORE_DRAFTS}}</section>
<section class="desk" id="scheduled" aria-label="Scheduled">
<h2>Scheduled</h2>
{{>SCHEDULED}}
</section>
<section class="desk" id="published" aria-label="Published">
<h2>Published</h2>
{{>PUBLISHED}}
{{>PAGER}}
</section>
{{#HAS_DELETED}}<section class="desk" id="withdrawn" aria-label="Withdrawn">
<h2>Withdrawn</h2>
{{>DELETED}}
{{#MORE_DELETED}}<p class="pager"><a href="/admin/articles?status=withdrawn">All withdrawn articles &rarr;</a></p>
{{/MORE_DELETED}}</section>
{{/HAS_DELETED}}

{{%AUTOESCAPE context="HTML"}}{{!
  admin_desk.tpl: a contributor's dashboard: their own articles, each
  with its state in review and the note an editor returned it with.
  Rows: MINE.
}}<header class="page-head">
  <h1>Your articles</h1>
  <p class="links"><a href="/admin/articles/new">Write a new article</a></p>
</header>
<section class="desk" id="mine" aria-label="Your articles">
{{#EMPTY}}<p class="empty">You have written nothing yet.</p>
{{/EMPTY}}<ul class="desk-list">
{{#MINE}}<li class="desk-item">
  {{#EDITABLE}}<a class="headline" href="/admin/articles/{{ID}}/edit">{{HEADLINE}}</a>{{/EDITABLE}}{{#FIXED}}<span class="headline">{{HEADLINE}}</span>{{/FIXED}}
  <span class="status">{{STATE}}</span> <time datetime="{{TIME_ISO}}">{{TIME_HUMAN}}</time>{{#LIVE}} &middot; <a href="/articles/{{SLUG}}">View</a>{{/LIVE}}
  {{#NOTE}}<blockquote class="review-note">{{TEXT}}</blockquote>{{/NOTE}}
</li>
{{/MINE}}</ul>
</section>

{{%AUTOESCAPE context="HTML"}}{{!
  comment_admin.tpl: the moderation queue.  Check boxes (id[]) and the
  buttons above the list act on every checked comment; the buttons of
  a comment act on it alone.  TEXT includes comment_body.tpl.
}}<header class="page-head">
  <h1>Comments</h1>
  <nav class="filters" aria-label="Which comments">
    <a href="/admin/comments?show=pending"{{#SHOW_PENDING}} aria-current="page"{{/SHOW_PENDING}}>Waiting</a> &middot;
    <a href="/admin/comments?show=approved"{{#SHOW_APPROVED}} aria-current="page"{{/SHOW_APPROVED}}>Approved</a> &middot;
    <a href="/admin/comments?show=rejected"{{#SHOW_REJECTED}} aria-current="page"{{/SHOW_REJECTED}}>Rejected</a> &middot;
    <a href="/admin/comments?show=all"{{#SHOW_ALL}} aria-current="page"{{/SHOW_ALL}}>All</a>
  </nav>
</header>
{{#EMPTY}}<p class="empty">No comments here.</p>
{{/EMPTY}}{{#HAS_ROWS}}<form method="post" action="/admin/comments" class="moderation">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="show" value="{{SHOW}}">
<p class="buttons">With the checked comments:
<button type="submit" name="action" value="approve">Approve</button>
<button type="submit" name="action" value="reject">Reject</button>
<button type="submit" name="action" value="delete" class="danger">Delete</button></p>
<ol class="moderation-list">
{{#ROWS}}<li class="comment status-{{STATUS}}" id="comment-{{ID}}">
  <p class="comment-meta"><label><input type="checkbox" name="id[]" value="{{ID}}"> <span class="comment-author">{{AUTHOR}}</span></label> &middot; <time datetime="{{TIME_ISO}}">{{TIME_HUMAN}}</time> &middot; on <a href="/articles/{{ARTICLE_SLUG}}">{{ARTICLE_HEADLINE}}</a> &middot; <span class="status">{{STATUS_LABEL}}</span>{{#HAS_REASON}} <small>({{REASON}})</small>{{/HAS_REASON}}</p>
  <div class="comment-body">{{>TEXT}}</div>
  <p class="buttons">{{#CAN_APPROVE}}<button type="submit" name="approve" value="{{ID}}">Approve</button> {{/CAN_APPROVE}}{{#CAN_REJECT}}<button type="submit" name="reject" value="{{ID}}">Reject</button> {{/CAN_REJECT}}<button type="submit" name="delete" value="{{ID}}" class="danger">Delete</button></p>
</li>
{{/ROWS}}</ol>
</form>
{{/HAS_ROWS}}{{#OLDER}}<nav class="pager" aria-label="Pages"><a rel="next" href="/admin/comments?show={{SHOW}}&amp;before={{OLDER_ID}}">Older &rarr;</a></nav>
{{/OLDER}}

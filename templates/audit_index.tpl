{{%AUTOESCAPE context="HTML"}}{{!
  audit_index.tpl: the audit log for admins, newest first: when, who,
  what, to whom or what.  Rows are never changed or deleted.
}}<header class="page-head">
  <h1>Audit log</h1>
  <p class="meta">Sign-ins, account and role changes, two-factor changes, publications, takedowns and tag merges. Nothing here can be changed or deleted.</p>
</header>
{{#EMPTY}}<p class="empty">Nothing yet.</p>
{{/EMPTY}}<table class="audit">
<thead><tr><th>When</th><th>Who</th><th>What</th><th>On</th><th>Detail</th></tr></thead>
<tbody>
{{#ROWS}}<tr><td><time datetime="{{AT_ISO}}">{{AT}}</time></td><td>{{WHO}}</td><td>{{ACTION}}</td><td>{{TARGET}}</td><td>{{DETAIL}}</td></tr>
{{/ROWS}}</tbody>
</table>
{{#OLDER}}<p class="pager"><a href="/admin/audit?before={{BEFORE}}">Older &rarr;</a></p>
{{/OLDER}}

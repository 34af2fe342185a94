{{%AUTOESCAPE context="HTML"}}{{!
  revision_index.tpl: an article's revisions, newest first, and the
  difference between two of them: line by line, word by word within a
  changed line, with <del> and <ins> marked by colour and by text.
}}<header class="page-head">
  <p class="kicker"><a href="/admin/articles/{{ID}}/edit">{{HEADLINE}}</a></p>
  <h1>Revisions</h1>
</header>
{{#FEW}}<p class="meta">Every save makes a revision; there is nothing to compare yet.</p>
{{/FEW}}<form method="get" action="/admin/articles/{{ID}}/revisions">
<table class="revisions">
<thead><tr><th>From</th><th>To</th><th>No.</th><th>Saved</th><th>By</th><th>Kind</th><th>Headline</th><th></th></tr></thead>
<tbody>
{{#REVS}}<tr><td><input type="radio" name="from" value="{{REV}}"{{#FROM_SEL}} checked{{/FROM_SEL}} aria-label="Compare from revision {{REV}}"></td><td><input type="radio" name="to" value="{{REV}}"{{#TO_SEL}} checked{{/TO_SEL}} aria-label="Compare to revision {{REV}}"></td><td>{{REV}}</td><td><time datetime="{{TIME_ISO}}">{{TIME_HUMAN}}</time></td><td>{{BY}}</td><td>{{KIND}}</td><td>{{REV_HEADLINE}}</td><td>{{#NOT_LATEST}}<a href="/admin/articles/{{ID}}/revisions?from={{REV}}&amp;to={{LATEST}}">Compare with the latest</a>{{/NOT_LATEST}}</td></tr>
{{/REVS}}</tbody>
</table>
<p><button type="submit">Compare</button></p>
</form>
{{#DIFF}}<section class="diff" aria-label="Differences">
<h2>Revision {{FROM}} &rarr; revision {{TO}}</h2>
{{#NO_CHANGES}}<p>The two revisions are the same.</p>
{{/NO_CHANGES}}<table class="diff">
<tbody>
{{#LINES}}{{#LINE}}<tr class="{{CLASS}}"><td class="ln">{{OLD_NO}}</td><td class="ln">{{NEW_NO}}</td><td class="mark">{{MARK}}</td><td class="text">{{#PIECES}}{{#P_SAME}}{{T:pre_escape}}{{/P_SAME}}{{#P_DEL}}<del>{{T:pre_escape}}</del>{{/P_DEL}}{{#P_INS}}<ins>{{T:pre_escape}}</ins>{{/P_INS}}{{/PIECES}}</td></tr>
{{/LINE}}{{#SKIP}}<tr class="skip"><td colspan="4">&hellip; {{SKIPPED}} unchanged lines &hellip;</td></tr>
{{/SKIP}}{{/LINES}}</tbody>
</table>
<form method="post" action="/admin/articles/{{ID}}/revisions/{{FROM}}/restore">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><button type="submit">Restore revision {{FROM}}</button> <small>(its text, summary, byline, authors, dateline, source and tags become the article's again, as a new revision)</small></p>
</form>
</section>
{{/DIFF}}

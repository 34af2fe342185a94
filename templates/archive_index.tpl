{{%AUTOESCAPE context="HTML"}}{{!
  archive_index.tpl: the months with published articles, newest first,
  grouped by year.  MM is the month as two digits, for the link.
}}<header class="page-head">
  <h1>Archive</h1>
</header>
{{#EMPTY}}<p class="empty">Nothing has been published yet.</p>
{{/EMPTY}}{{#YEARS}}<section class="archive-year" aria-label="{{YEAR}}">
  <h2>{{YEAR}}</h2>
  <ul class="archive-months">
{{#MONTHS}}    <li><a href="/archive/{{YEAR}}/{{MM}}">{{MONTH_NAME}} {{YEAR}}</a> <span class="count">{{COUNT}}</span></li>
{{/MONTHS}}  </ul>
</section>
{{/YEARS}}

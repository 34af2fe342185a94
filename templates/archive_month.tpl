{{%AUTOESCAPE context="HTML"}}{{!
  archive_month.tpl: the articles published in one month (in the site's
  time zone), newest first, with links to the months around it.
}}<header class="page-head">
  <p class="kicker"><a href="/archive">Archive</a></p>
  <h1>{{MONTH_NAME}} {{YEAR}}</h1>
  <p class="meta">{{COUNT}} article{{#PLURAL}}s{{/PLURAL}}</p>
</header>
{{>LIST}}
{{>PAGER}}
<nav class="pager months" aria-label="Months">
{{#EARLIER}}<a href="/archive/{{E_YEAR}}/{{E_MM}}">&larr; {{E_NAME}} {{E_YEAR}}</a>
{{/EARLIER}}<a href="/archive">All months</a>
{{#LATER}}<a href="/archive/{{L_YEAR}}/{{L_MM}}">{{L_NAME}} {{L_YEAR}} &rarr;</a>
{{/LATER}}</nav>

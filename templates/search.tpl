{{%AUTOESCAPE context="HTML"}}{{!
  search.tpl: the search page.  With no words: a hint.  Otherwise the
  number of matching articles, a page of them (article_list.tpl, whose
  rows carry snippets of the matched text) and links to other pages.
  Q is the reader's words, already percent-encoded for the links.
}}<header class="page-head">
  <h1>Search</h1>
{{#RESULTS}}  <p class="meta">{{#MORE}}At least {{/MORE}}{{COUNT}} article{{#PLURAL}}s{{/PLURAL}} found for <q>{{WORDS}}</q>{{#PAGED}} &middot; page {{PAGE}} of {{PAGES}}{{/PAGED}}</p>
{{/RESULTS}}</header>
{{#HINT}}<p class="hint">Type a few words into the search box to find articles by their headline, summary, text or topics. Every word must appear; the last one may be the start of a word.</p>
<form class="search-page" action="/search" method="get" role="search" aria-label="Search from this page">
  <label for="q-page">Search articles</label>
  <input type="search" id="q-page" name="q" maxlength="200">
  <button type="submit">Search</button>
</form>
{{/HINT}}{{#NONE}}<p class="empty">No article matches <q>{{WORDS}}</q>. Try fewer words, or other ones.</p>
{{/NONE}}{{>LIST}}
{{#PAGER}}<nav class="pager" aria-label="Pages">
{{#PREV}}<a rel="prev" href="/search?q={{Q}}&amp;page={{PREV_PAGE}}">&larr; Better matches</a>
{{/PREV}}{{#NEXT}}<a rel="next" href="/search?q={{Q}}&amp;page={{NEXT_PAGE}}">More results &rarr;</a>
{{/NEXT}}</nav>
{{/PAGER}}

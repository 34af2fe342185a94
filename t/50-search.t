#!/usr/bin/env perl
# Search (issue 5), through nginx: ranking, snippets escaped, any input
# answered without error, Cyrillic, the seed article, unpublished and
# scheduled articles hidden, the index in step after edits and deletes,
# pages, and conditional GET.  The store's own save path (edit, unpublish,
# delete, schedule) is also checked directly in t/unit/54-search-store.c.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;

my $seed = GazetteTest::seed_file();
my $g = GazetteTest->new(samples => 1, import => [$seed ? ($seed) : ()]);

# Slugs of the articles a search lists, in order.
sub found {
	my ($res) = @_;
	return [$res->{content} =~ m{<h2 class="headline"><a href="/articles/([a-z0-9-]+)">}g];
}

sub search {
	my ($q, @more) = @_;
	my $url = '/search?q=' . join('', map { sprintf('%%%02X', ord) } split //, $q);
	return $g->get(join('&', $url, @more));
}

sub slug_of {
	my ($like) = @_;
	return $g->sql_value("SELECT slug FROM articles WHERE headline LIKE '$like' ORDER BY id DESC LIMIT 1");
}

# Ranking: a headline hit beats a body hit, though the body hit is newer
# (the importer publishes files in order, newest first).
$g->cli_ok('import',
    $g->wire_file('body-hit', 'Aquarium reopens after repairs', 'Visitors saw a zebrafish in the new tank.', 'Science'),
    $g->wire_file('head-hit', 'Zebrafish study wins a prize', 'A local team was honoured for its work.', 'Science'));
my $res = search('zebrafish');
is($res->{status}, 200, 'a search answers 200');
is_deeply(found($res), [slug_of('Zebrafish study%'), slug_of('Aquarium reopens%')],
    'the headline hit comes before the newer body hit');
like($res->{content}, qr{<p class="meta">2 articles found for <q>zebrafish</q>}, 'the number of results is shown');
like($res->{content}, qr{<mark>zebrafish</mark>}, 'the body hit has a snippet with the word marked');
is_deeply(found(search('zebraf')), found($res), 'the last word matches as a prefix');
is_deeply(found(search('ZEBRAFISH')), found($res), 'case does not matter');

# Snippets: the article's text is escaped; only <mark> is markup.
$g->cli_ok('import', $g->wire_file('nasty', 'Notes from the island',
    'Someone typed <script>alert(1)</script> near zanzibar & left "quotes" <b>bold</b>.', 'Travel'));
$res = search('zanzibar');
is(scalar @{ found($res) }, 1, 'the article with markup in its text is found');
my ($snippet) = $res->{content} =~ m{<p class="snippet">(.*?)</p>}s;
ok(defined $snippet, 'it has a snippet');
$snippet //= '';
like($snippet, qr{&lt;script&gt;alert\(1\)&lt;/script&gt;}, 'a <script> in the text arrives escaped');
like($snippet, qr{<mark>zanzibar</mark>}, 'the match is marked');
like($snippet, qr{&amp; left &quot;quotes&quot; &lt;b&gt;bold&lt;/b&gt;}, 'ampersands, quotes and tags are escaped');
unlike($snippet =~ s{</?mark>}{}gr, qr{<}, 'no markup in the snippet but <mark>');
unlike($res->{content}, qr{\xee\x80[\x80\x81]}, 'the private-use marks never reach the page');

# FTS5 syntax typed by a reader is only text: never an error.
my $errors_before = () = $g->app_log =~ /(?:sqlite|postgresql):/g;
for my $q ('"', 'AND', '*', 'NEAR(', '-', '(', ')', 'a AND', 'OR b', 'NOT',
    '"unclosed', 'NEAR(a b', 'NEAR(a, b) AND', '-zebrafish', '*zebra', 'zebra*',
    'headline:zebrafish', '^zebrafish', 'a + b', '{a b}', '"" ""', "'", '\\',
    '(zebrafish', 'zebrafish)', 'AND OR NOT NEAR', ':', ',', '.') {
	my $r = search($q);
	is($r->{status}, 200, "query '$q' answers 200");
}
# Punctuation around a word is left to the tokenizer, as in the text.
is(scalar @{ found(search('"zebrafish"')) }, 2, 'a quoted word is found');
is(scalar @{ found(search('(zebrafish)')) }, 2, 'a word in parentheses is found');
is(scalar @{ found(search('zebrafish*')) }, 2, 'a word with a star is found');
# Operators are words like any other: all of them must appear.
is(scalar @{ found(search('zebrafish NOT')) }, 0, 'NOT is a word that must appear, not an operator');
my $errors_after = () = $g->app_log =~ /(?:sqlite|postgresql):/g;
is($errors_after, $errors_before, 'no SQLite error in the log');
$res = $g->get('/search?q=' . ('x%20' x 2000));
is($res->{status}, 200, 'a very long query: 200');
$res = $g->get('/search?q=%FF%FE%C3');
is($res->{status}, 200, 'malformed UTF-8: 200');
$res = $g->get('/search?q=%EE%80%80zebrafish%EE%80%81');
is($res->{status}, 200, 'the snippet marks typed in: 200');

# The search box keeps what was typed, escaped.
$res = search('<b>"x"</b>');
like($res->{content}, qr{name="q" value="&lt;b&gt;&quot;x&quot;&lt;/b&gt;"}, 'the search box shows the query, escaped');
like($res->{content}, qr{<meta name="robots" content="noindex">}, 'result pages are noindex');

# Empty queries: the page with a hint and no results.
for my $q ('/search', '/search?q=', '/search?q=%20%20', '/search?q=%22') {
	$res = $g->get($q);
	is($res->{status}, 200, "$q answers 200");
	like($res->{content}, qr{<p class="hint">}, 'with a hint');
	is(scalar @{ found($res) }, 0, 'and no results');
}
$res = search('nosuchwordanywhere');
like($res->{content}, qr{No article matches <q>nosuchwordanywhere</q>}, 'no match: said so');

# Cyrillic: the sample article, by its words in any case.
my $ru = slug_of('В Заречье%');
ok($ru, 'the Cyrillic sample article is there');
for my $q ('библиотека', 'наводнение', 'БИБЛИОТЕКА', 'библиотек') {
	ok((grep { $_ eq $ru } @{ found(search($q)) }), "'$q' finds it");
}

# The seed article, by the words a reader would type.
SKIP: {
	skip 'no seed article (../shared/seed/wire-article.txt)', 4 unless $seed;
	my $slug = $g->sql_value("SELECT slug FROM articles WHERE headline LIKE '%Chechnya%'");
	for my $q ('chechnya', 'moskalkova', 'Moskalkova Putin', 'moskal') {
		ok((grep { $_ eq $slug } @{ found(search($q)) }), "'$q' finds the seed article");
	}
}

# Unpublished and scheduled articles never show.
$g->cli_ok('import', '--draft', $g->wire_file('draft', 'Xylophone recital planned', 'A xylophone draft.', 'Culture'));
is(scalar @{ found(search('xylophone')) }, 0, 'a draft is not found');
my $zid = $g->sql_value("SELECT id FROM articles WHERE headline LIKE 'Zebrafish study%'");
$g->sql_write('UPDATE articles SET published_at = ' . int(time + 86400) . " WHERE id = $zid");
# No purge names a search: its copies in nginx expire within two seconds.
$g->wait_expired;
is_deeply(found(search('zebrafish')), [slug_of('Aquarium reopens%')], 'an article scheduled for tomorrow is not found');
$g->sql_write('UPDATE articles SET published_at = ' . int(time - 60) . " WHERE id = $zid");
$g->wait_expired;
is(scalar @{ found(search('zebrafish')) }, 2, 'once due, it is');

# The index after an edit and a delete made behind the store's back,
# then after 'gazette reindex'.
$g->sql_write("UPDATE articles SET headline = 'Quetzal study wins a prize' WHERE id = $zid");
my $out = $g->cli_ok('reindex');
$g->wait_expired;
like($out, qr/search index rebuilt: \d+ articles/, 'gazette reindex reports what it did');
is_deeply(found(search('quetzal')), [slug_of('Quetzal study%')], 'after reindex the new headline is found');
ok(!(grep { $_ eq slug_of('Quetzal study%') } @{ found(search('zebrafish')) }), 'and the old one is not');
$g->sql_write("UPDATE articles SET status = 'deleted' WHERE id = $zid");
$g->wait_expired;
is(scalar @{ found(search('quetzal')) }, 0, 'a withdrawn article is not found, even before reindex');
$g->cli_ok('reindex');
is($g->sql_value('SELECT count(*) FROM articles_fts WHERE ' . $g->fts_key . " = $zid"), 0, 'and reindex drops it from the index');
is($g->sql_value("SELECT count(*) FROM articles_fts"),
    $g->sql_value("SELECT count(*) FROM articles WHERE status = 'published'"),
    'the index holds exactly the published articles');

# Pages: 20 results a page, links between them, bad page numbers refused.
$g->cli_ok('import', map { $g->wire_file("walrus$_", "Walrus report number $_", "A walrus was counted ($_).", 'Nature') } 1 .. 23);
$res = search('walrus');
is(scalar @{ found($res) }, 20, 'page 1 holds 20 results');
like($res->{content}, qr{23 articles found for <q>walrus</q> &middot; page 1 of 2}, 'the count and the page');
like($res->{content}, qr{<a rel="next" href="/search\?q=walrus&amp;page=2">}, 'a link to page 2');
my $page2 = search('walrus', 'page=2');
is($page2->{status}, 200, 'page 2 answers 200');
is(scalar @{ found($page2) }, 3, 'with the last 3');
my %seen = map { $_ => 1 } @{ found($res) }, @{ found($page2) };
is(scalar keys %seen, 23, 'every result appears once over the pages');
like($page2->{content}, qr{<a rel="prev" href="/search\?q=walrus&amp;page=1">}, 'and a link back');
is(search('walrus', 'page=3')->{status}, 404, 'a page past the last: 404');
is(search('walrus', 'page=0')->{status}, 400, 'page 0: 400');
is(search('walrus', 'page=x')->{status}, 400, 'a malformed page: 400');
is(search('walrus', 'page=26')->{status}, 400, 'a page beyond the limit: 400');
$res = search('two words', 'page=1');
is($res->{status}, 200, 'spaces in a query with a page: 200');

# Conditional GET, per query.
$res = search('walrus');
my $etag = $res->{headers}{etag};
ok($etag, 'a search has an ETag');
is(search('walrus')->{status}, 200, 'a second plain GET answers 200');
$res = $g->get('/search?q=walrus', { 'If-None-Match' => $etag });
is($res->{status}, 304, 'the same search with If-None-Match: 304');
isnt(search('zebrafish')->{headers}{etag}, $etag, 'another search has another ETag');
$res = $g->head('/search?q=walrus');
is($res->{status}, 200, 'HEAD answers 200');

# Every page has the search box, keeping nothing when nothing was asked.
like($g->get('/')->{content}, qr{<form class="search" action="/search" method="get" role="search" aria-label="Site search">}, 'the front page has the search box');

$g->stop;
unlike($g->app_log, qr/controller returned|(?:sqlite|postgresql):/, 'no errors in the log');
done_testing();

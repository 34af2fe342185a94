#!/usr/bin/env perl
# Atom feeds (issue 5): well-formed Atom 1.0 with the elements feed
# readers need, the latest 20 live articles, ids that survive a slug
# change, absolute links from the base URL, escaping of & < and quotes,
# per-tag feeds, and conditional GET.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;

my $g = GazetteTest->new(samples => 1);
my $base = $g->url('');

# XPath over Atom, whose elements are in a namespace.
sub atom { my $p = shift; return join('', map { "/*[local-name()='$_']" } split m{/}, $p) }
sub xp { my ($xml, $expr) = @_; return $g->xpath($xml, $expr) }

my $res = $g->get('/feed.atom');
is($res->{status}, 200, '/feed.atom answers 200');
is($res->{headers}{'content-type'}, 'application/atom+xml; charset=utf-8', 'as Atom in UTF-8');
like($res->{headers}{'cache-control'}, qr/max-age=300/, 'with the feed cache policy');
ok($res->{headers}{etag}, 'an ETag');
ok($res->{headers}{'last-modified'}, 'a Last-Modified');
my $xml = $res->{content};
is($g->xml_errors($xml), '', 'well-formed XML (xmllint)');
like($xml, qr{\A<\?xml version="1\.0" encoding="utf-8"\?>\n<feed xmlns="http://www\.w3\.org/2005/Atom" xml:lang="en">}, 'an Atom document, in the site\'s language');

# Feed-level elements.
is(xp($xml, 'string(' . atom('feed/id') . ')'), "$base/feed.atom", 'feed id');
is(xp($xml, 'string(' . atom('feed/title') . ')'), 'The Gazette', 'feed title');
like(xp($xml, 'string(' . atom('feed/updated') . ')'), qr/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, 'feed updated, RFC 3339');
is(xp($xml, 'string(' . atom('feed') . "/*[local-name()='link'][\@rel='self']/\@href)"), "$base/feed.atom", 'link rel=self');
is(xp($xml, 'string(' . atom('feed') . "/*[local-name()='link'][\@rel='alternate']/\@href)"), "$base/", 'link rel=alternate');

# Entries: one per live article, newest first, each complete.
my $live = $g->sql("SELECT id, slug, headline, created_at FROM articles WHERE status = 'published' ORDER BY published_at DESC, id DESC");
is(xp($xml, 'count(' . atom('feed/entry') . ')'), scalar @$live, 'an entry per live article');
my $year = (gmtime($live->[0]{created_at}))[5] + 1900;
my $host = $base =~ s{^https?://}{}r =~ s{[:/].*}{}r;
for my $i (1 .. @$live) {
	my $a = $live->[$i - 1];
	my $e = atom('feed') . "/*[local-name()='entry'][$i]";
	my $ok = 1;
	$ok &&= is(xp($xml, "string($e/*[local-name()='id'])"), "tag:$host,$year:article-$a->{id}", "entry $i: a tag: id from the article's id");
	my $title = $a->{headline};
	utf8::encode($title);
	$ok &&= is(xp($xml, "string($e/*[local-name()='title'])"), $title, "entry $i: its headline");
	$ok &&= is(xp($xml, "string($e/*[local-name()='link'][\@rel='alternate']/\@href)"), "$base/articles/$a->{slug}", "entry $i: an absolute link");
	for my $el (qw(published updated)) {
		$ok &&= like(xp($xml, "string($e/*[local-name()='$el'])"), qr/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, "entry $i: $el");
	}
	$ok &&= isnt(xp($xml, "string($e/*[local-name()='author']/*[local-name()='name'])"), '', "entry $i: an author");
	my $ntags = $g->sql_value("SELECT count(*) FROM article_tags WHERE article_id = $a->{id}");
	$ok &&= is(xp($xml, "count($e/*[local-name()='category'])"), $ntags, "entry $i: a category per tag");
	$ok &&= is(xp($xml, "string($e/*[local-name()='content']/\@type)"), 'html', "entry $i: content type=html");
	last unless $ok;
}

# The content is the article's HTML, escaped once: parsed, it is HTML.
my $html = $g->sql_value("SELECT body_html FROM articles WHERE id = $live->[0]{id}");
utf8::encode($html);
$html =~ s{ (href|src)="/}{ $1="$base/}g;	# the site's links, made absolute
is(xp($xml, 'string(' . atom('feed/entry') . "[1]/*[local-name()='content'])"), $html, "the content is the body's HTML");
like($xml, qr{<content type="html">&lt;p&gt;}, 'sent escaped');
unlike($xml, qr{<content type="html"><}, 'never as raw markup');

# Every link is absolute, from the base URL.
my @hrefs = $xml =~ /href="([^"]*)"/g;
ok(@hrefs > 2, 'the feed has links');
is((grep { index($_, "$base/") != 0 } @hrefs), 0, 'all of them start with the base URL');

# Escaping of & < > and quotes in a headline, and a byline as author.
$g->cli_ok('import', '--byline', 'By Ann "Nan" O\'Neil & Co', $g->wire_file('amp',
    'Salt & Pepper <Bistro> opens, says "chef" O\'Brien', 'A new bistro on the quay.', 'Food, Harbour'));
$xml = $g->get('/feed.atom')->{content};
is($g->xml_errors($xml), '', 'still well-formed with & < and quotes in a headline');
is(xp($xml, 'string(' . atom('feed/entry') . "[1]/*[local-name()='title'])"), q{Salt & Pepper <Bistro> opens, says "chef" O'Brien}, 'the headline arrives intact');
like($xml, qr{<title>Salt &amp; Pepper &lt;Bistro&gt; opens, says &quot;chef&quot; O&#39;Brien</title>}, 'escaped in the document');
is(xp($xml, 'string(' . atom('feed/entry') . "[1]/*[local-name()='author']/*[local-name()='name'])"), q{Ann "Nan" O'Neil & Co}, 'the byline is the author, without "By"');

# The id survives a change of slug; the link follows it.
my $id = $g->sql_value("SELECT id FROM articles WHERE headline LIKE 'Salt & Pepper%'");
my $old_id = xp($xml, 'string(' . atom('feed/entry') . "[1]/*[local-name()='id'])");
$g->sql_write("UPDATE articles SET slug = 'salt-and-pepper' WHERE id = $id");
$xml = $g->get('/feed.atom')->{content};
is(xp($xml, 'string(' . atom('feed/entry') . "[1]/*[local-name()='id'])"), $old_id, 'the entry id is the same after a slug change');
is(xp($xml, 'string(' . atom('feed/entry') . "[1]/*[local-name()='link']/\@href)"), "$base/articles/salt-and-pepper", 'the link is the new address');

# At most 20 entries; drafts and scheduled articles are left out.
$g->cli_ok('import', map { $g->wire_file("many$_", "Harbour notice $_", "Notice $_.", 'Harbour') } 1 .. 20);
$g->cli_ok('import', '--draft', $g->wire_file('draft', 'Draft never in the feed', 'No.', 'Harbour'));
$xml = $g->get('/feed.atom')->{content};
is(xp($xml, 'count(' . atom('feed/entry') . ')'), 20, 'the latest 20 only');
unlike($xml, qr{Draft never in the feed}, 'no draft');
my $newest = $g->sql_value("SELECT id FROM articles WHERE headline = 'Harbour notice 1'");
$g->sql_write('UPDATE articles SET published_at = ' . int(time + 3600) . " WHERE id = $newest");
$xml = $g->get('/feed.atom')->{content};
unlike($xml, qr{Harbour notice 1<}, 'an article scheduled for later is not in the feed');

# A tag's feed: only its articles; the tag page links it in its head.
$res = $g->get('/tags/food/feed.atom');
is($res->{status}, 200, '/tags/food/feed.atom answers 200');
$xml = $res->{content};
is($g->xml_errors($xml), '', 'well-formed');
is(xp($xml, 'count(' . atom('feed/entry') . ')'), 1, 'one entry: the only article tagged Food');
is(xp($xml, 'string(' . atom('feed/title') . ')'), 'The Gazette: Food', 'titled with the tag');
is(xp($xml, 'string(' . atom('feed') . "/*[local-name()='link'][\@rel='self']/\@href)"), "$base/tags/food/feed.atom", 'its own self link');
is(xp($xml, 'string(' . atom('feed') . "/*[local-name()='link'][\@rel='alternate']/\@href)"), "$base/tags/food", 'and the tag page as alternate');
$xml = $g->get('/tags/harbour/feed.atom')->{content};
is(xp($xml, 'count(' . atom('feed/entry') . ')'), 20, 'a busy tag: 20 entries');
is($g->get('/tags/no-such-tag/feed.atom')->{status}, 404, 'an unknown tag: 404');
like($g->get('/tags/food')->{content}, qr{<link rel="alternate" type="application/atom\+xml" title="The Gazette: Food" href="\Q$base\E/tags/food/feed\.atom">}, 'the tag page links its feed in <head>');
like($g->get('/')->{content}, qr{<link rel="alternate" type="application/atom\+xml" title="The Gazette" href="\Q$base\E/feed\.atom">}, 'every page links the site feed');

# Conditional GET: 304 with the ETag or the Last-Modified date.
for my $path ('/feed.atom', '/tags/food/feed.atom') {
	$res = $g->get($path);
	my ($etag, $lm) = @{ $res->{headers} }{qw(etag last-modified)};
	$res = $g->get($path, { 'If-None-Match' => $etag });
	is($res->{status}, 304, "$path: If-None-Match gives 304");
	is($res->{content} // '', '', 'with no body');
	is($g->get($path, { 'If-Modified-Since' => $lm })->{status}, 304, "$path: If-Modified-Since gives 304");
	is($g->get($path, { 'If-None-Match' => '"other"' })->{status}, 200, "$path: another ETag gives 200");
}
$res = $g->get('/feed.atom');
my $etag = $res->{headers}{etag};
$g->cli_ok('import', $g->wire_file('later', 'A later article', 'Later.', 'Food'));
$res = $g->get('/feed.atom', { 'If-None-Match' => $etag });
is($res->{status}, 200, 'after a new article the old ETag gives the new feed');
like($res->{content}, qr{A later article}, 'with the new article');

# Authors who are accounts: each an <author> with their page as its uri,
# in byline order, in the site's, the tag's and their own feeds; the
# byline typed beside them is not used.
my $ed = $g->login('jane', display => 'Jane Doe');
$g->add_user('kim', display => 'Kim Lee', role => 'contributor');
$res = $ed->post('/admin/articles/new', { headline => 'Ferry timetable changes', body => 'The winter timetable.',
    byline => 'By the desk', authors => 'kim, jane', tags => 'Food', action => 'publish' });
is($res->{status}, 303, 'an article by two accounts is published');
my %slug = map { $_ => $g->sql_value("SELECT slug FROM users WHERE name = '$_'") } qw(kim jane);
for my $path ('/feed.atom', '/tags/food/feed.atom', "/authors/$slug{kim}/feed.atom") {
	$xml = $g->get($path)->{content};
	is($g->xml_errors($xml), '', "$path: well-formed");
	my $e = atom('feed/entry') . "[*[local-name()='title'] = 'Ferry timetable changes']";
	is(xp($xml, "count($e/*[local-name()='author'])"), 2, "$path: the entry has two authors");
	is(xp($xml, "string($e/*[local-name()='author'][1]/*[local-name()='name'])"), 'Kim Lee', "$path: the first is Kim, by her display name");
	is(xp($xml, "string($e/*[local-name()='author'][1]/*[local-name()='uri'])"), "$base/authors/$slug{kim}", "$path: with her page");
	is(xp($xml, "string($e/*[local-name()='author'][2]/*[local-name()='name'])"), 'Jane Doe', "$path: then Jane");
	is(xp($xml, "string($e/*[local-name()='author'][2]/*[local-name()='uri'])"), "$base/authors/$slug{jane}", "$path: with hers");
	unlike($xml, qr/the desk/, "$path: the typed byline is not used");
}

$g->stop;
unlike($g->app_log, qr/controller returned|(?:sqlite|postgresql):|templates:/, 'no errors in the log');
done_testing();

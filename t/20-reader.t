#!/usr/bin/env perl
# The reader's pages end to end, through nginx: the front page, an
# article, tags, and the wire-copy seed article imported as real input.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;

my $g = GazetteTest->new(samples => 1);

# The front page lists the sample articles, newest first, with links.
my $res = $g->get('/');
is($res->{status}, 200, 'front page answers 200');
like($res->{headers}{'content-type'}, qr{^text/html; charset=utf-8}, 'HTML in UTF-8');
like($res->{headers}{'content-security-policy'}, qr/script-src|default-src 'none'/, 'CSP is sent');
unlike($res->{headers}{'content-security-policy'}, qr/unsafe-inline/, 'CSP has no unsafe-inline');
is($res->{headers}{'x-content-type-options'}, 'nosniff', 'nosniff is sent');
ok($res->{headers}{'referrer-policy'}, 'Referrer-Policy is sent');
unlike($res->{headers}{server} // '', qr/\d/, 'no server version disclosed');
my $articles = $g->sql("SELECT slug, headline FROM articles WHERE status = 'published' ORDER BY published_at DESC, id DESC");
is(scalar @$articles, 6, 'six sample articles were imported');
my @links = $res->{content} =~ m{<h2 class="headline"><a href="/articles/([a-z0-9-]+)">}g;
is_deeply(\@links, [map { $_->{slug} } @$articles], 'front page lists them newest first');

# Every article page is reachable from the front page, and links its tags.
for my $a (@$articles) {
	my $page = $g->get("/articles/$a->{slug}");
	is($page->{status}, 200, "article $a->{slug} answers 200");
	my $headline = $a->{headline} =~ s/&/&amp;/gr;
	utf8::encode($headline);
	like($page->{content}, qr{<h1 class="headline">\Q$headline\E</h1>}, 'its headline is shown, escaped');
	my @tags = $page->{content} =~ m{<a href="/tags/([a-z0-9-]+)">}g;
	ok(@tags >= 3, 'it links to its tags');
	my $tag = $g->get("/tags/$tags[0]");
	is($tag->{status}, 200, "tag page /tags/$tags[0] answers 200");
	like($tag->{content}, qr{href="/articles/\Q$a->{slug}\E"}, 'the tag page lists the article');
	like($tag->{content}, qr{href="/"}, 'and links back to the front page');
}

# The tag index counts articles per tag.
$res = $g->get('/tags');
is($res->{status}, 200, '/tags answers 200');
my $council = $g->sql_value("SELECT article_count FROM tags WHERE slug = 'city-council'");
like($res->{content}, qr{<a href="/tags/city-council">City council</a> <span class="count">$council</span>}, "/tags shows City council with $council articles");

# Comments: approved ones appear in order, escaped.
my $slug = $g->sql_value("SELECT slug FROM articles WHERE headline LIKE 'Old Halloran%'");
$res = $g->get("/articles/$slug");
like($res->{content}, qr{&quot;&lt;3&quot;}, 'a comment with "<3" arrives escaped');
my @ids = $res->{content} =~ m{<article class="comment" id="comment-(\d+)">}g;
is(scalar @ids, 3, 'three comments shown');
is_deeply(\@ids, [sort { $a <=> $b } @ids], 'oldest first');

# HEAD answers like GET without a body.
$res = $g->head('/');
is($res->{status}, 200, 'HEAD / answers 200');
is($res->{content} // '', '', 'with no body');

# Errors are real pages, with no internal detail.
$res = $g->get('/articles/no-such-article');
is($res->{status}, 404, 'unknown article: 404');
like($res->{content}, qr{<h1>Page not found</h1>}, 'an HTML error page');
like($res->{content}, qr{<link rel="stylesheet"}, 'in the site layout');
$res = $g->get('/no/such/page');
is($res->{status}, 404, 'unknown path: 404');
$res = $g->request('POST', '/', { headers => { 'Content-Type' => 'application/x-www-form-urlencoded' }, content => 'a=1' });
is($res->{status}, 405, 'POST to a GET route: 405');
is($res->{headers}{allow}, 'GET, HEAD', 'with Allow: GET, HEAD');
$res = $g->request('DELETE', "/articles/$slug");
is($res->{status}, 405, 'DELETE on an article: 405');
$res = $g->get('/articles/Bad_Slug');
is($res->{status}, 404, 'a malformed slug is simply not found');
$res = $g->get('/?before=12x');
is($res->{status}, 400, 'a malformed cursor: 400');
$res = $g->get('/tags?q=%E0%A4');
is($res->{status}, 200, 'a query with a stray escape that decodes to bytes is accepted');
$res = $g->get('/tags?a=%zz');
is($res->{status}, 400, 'malformed percent-encoding in the query: 400');
$res = $g->get('/tags?a=%00');
is($res->{status}, 400, 'an encoded NUL: 400');
$res = $g->get('/?x=1&x=2');
is($res->{status}, 400, 'a repeated parameter: 400');
for my $r ($g->get('/articles/no-such-article'), $g->get('/?before=12x')) {
	unlike($r->{content}, qr/sqlite|SQLITE|\.c:\d|\/src\//, 'no internal detail in the error page');
}

# Drafts are not visible; deleted ones are gone (410).
$g->sql_write("UPDATE articles SET status = 'draft' WHERE slug = '$slug'");
is($g->get("/articles/$slug")->{status}, 404, 'a draft is 404 to readers');
$g->sql_write("UPDATE articles SET status = 'deleted' WHERE slug = '$slug'");
is($g->get("/articles/$slug")->{status}, 410, 'a withdrawn article is 410');

# Conditional GET: the same page again is 304 without a body.
$res = $g->get('/');
my $etag = $res->{headers}{etag};
ok($etag, 'the front page has an ETag');
$res = $g->get('/', { 'If-None-Match' => $etag });
is($res->{status}, 304, 'If-None-Match with it: 304');
is($res->{content} // '', '', '304 has no body');

$g->stop;
SKIP: {
	skip 'a CGI run has no server to stop', 1 if $g->cgi;
	like($g->app_log, qr/stopped/, 'the app stopped cleanly on SIGTERM');
}
done_testing();

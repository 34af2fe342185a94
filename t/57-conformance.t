#!/usr/bin/env perl
# Small points of conformance that checkers (axe, feed and sitemap
# validators, HTTP linters) raise: landmarks with unique names on the
# search page, a site icon (SVG and ICO, served by nginx and cached
# long), each comment's heading, a Retry-After on nginx's own 429s, and
# an Allow header on the 405 that TRACE gets.  (robots.txt and the
# sitemap index's lastmod are checked in t/53-sitemap.t.)
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;

my $g = GazetteTest->new(samples => 1, nginx_rate => 'on', env => {
	GAZETTE_COMMENT_MODERATION => 'open',
	GAZETTE_COMMENT_MIN_SECONDS => 0,
	GAZETTE_COMMENT_RATE_MINUTE => 0,
	GAZETTE_COMMENT_RATE_HOUR => 0,
});
my $art = $g->sql("SELECT id, slug FROM articles WHERE status = 'published' AND comments = 'open' ORDER BY id LIMIT 1")->[0];

# 1. Landmarks: every role="search" form has a name, and no two share it.
for my $path ('/search', '/search?q=harbour', '/') {
	my $html = $g->get($path)->{content};
	my @forms = $html =~ /<form\b([^>]*\brole="search"[^>]*)>/g;
	ok(@forms >= 1, "$path: " . scalar(@forms) . ' search landmark(s)');
	my @names = map { /\baria-label="([^"]+)"/ ? $1 : '' } @forms;
	is(scalar(grep { $_ eq '' } @names), 0, "$path: each has a name (@names)");
	my %seen;
	is(scalar(grep { $seen{$_}++ } @names), 0, "$path: no two landmarks share a name");
}
is(scalar(() = $g->get('/search')->{content} =~ /role="search"/g), 2, 'the empty search page has its own search form besides the header\'s');

# 2. The site icon.
my $page = $g->get('/')->{content};
like($page, qr{<link rel="icon" href="/favicon\.ico" sizes="16x16 32x32">}, 'pages declare the ICO icon');
my ($svg) = $page =~ m{<link rel="icon" href="(/static/favicon\.svg\?v=[0-9a-f]{8})" type="image/svg\+xml">};
ok($svg, 'and the SVG one, with its version');
my $res = $g->get('/favicon.ico');
is($res->{status}, 200, '/favicon.ico: 200');
is($res->{headers}{'content-type'}, 'image/x-icon', 'as an icon');
my ($reserved, $type, $count) = unpack('vvv', $res->{content});
ok($reserved == 0 && $type == 1 && $count >= 1, "a real ICO file ($count images)");
my ($age) = ($res->{headers}{'cache-control'} // '') =~ /max-age=(\d+)/;
ok(defined $age && $age >= 7 * 86400, 'cached for a long time (max-age=' . ($age // 'none') . ')');
ok(!defined $res->{headers}{'x-cache'}, 'served by nginx itself, not the app');
$res = $g->get($svg // '/static/favicon.svg');
is($res->{status}, 200, 'the SVG icon: 200');
is($res->{headers}{'content-type'}, 'image/svg+xml', 'as SVG');
like($res->{content}, qr{^<svg xmlns="http://www\.w3\.org/2000/svg"}, 'an SVG document');
is($g->xml_errors($res->{content}), '', 'well-formed');
unlike($res->{content}, qr{<script|href=|xlink}i, 'with no script and no link out');
like(join(',', ref $res->{headers}{'cache-control'} ? @{ $res->{headers}{'cache-control'} } : $res->{headers}{'cache-control'} // ''),
    qr/max-age=2592000/, 'cached for 30 days like the other static files');

# 3. Each comment's <article> has a heading: its author.
$res = $g->post("/articles/$art->{slug}/comments", { token => $g->sign_form_token($art->{id}, time - 60),
    name => 'Hedda Heading', body => 'A comment with a heading.', website => '' });
is($res->{status}, 303, 'a comment is posted');
my ($cid) = ($res->{headers}{location} // '') =~ /#comment-(\d+)/;
my $html = $g->get("/articles/$art->{slug}?heading=1")->{content};
my @articles = $html =~ m{(<article class="comment" id="comment-\d+">.*?</article>)}gs;
ok(@articles >= 1, scalar(@articles) . ' comment(s) on the page');
is(scalar(grep { !m{<h[1-6]\b[^>]*>[^<]+</h[1-6]>} } @articles), 0, 'every comment has a heading');
like($html, qr{<article class="comment" id="comment-$cid">\s*<header class="comment-meta"><h3 class="comment-author">Hedda Heading</h3>}, 'the author\'s name, under the section\'s h2');

# 4. TRACE: nginx refuses it, and says what the path takes.
for my $case (['/', 'GET, HEAD'], ["/articles/$art->{slug}", 'GET, HEAD'],
    ["/articles/$art->{slug}/comments", 'GET, HEAD, POST'], ['/static/gazette.css', 'GET, HEAD'],
    ['/favicon.ico', 'GET, HEAD']) {
	my ($path, $allow) = @$case;
	my ($st, $h) = $g->raw_request("TRACE $path HTTP/1.1\r\nHost: 127.0.0.1:" . $g->port . "\r\nConnection: close\r\n\r\n");
	is($st, 405, "TRACE $path: 405");
	is($h->{allow}, $allow, "with Allow: $allow");
	ok($h->{'content-security-policy'}, 'and the security headers');
}
my ($st, $h) = $g->raw_request("TRACE /no/such/page HTTP/1.1\r\nHost: 127.0.0.1:" . $g->port . "\r\nConnection: close\r\n\r\n");
is($st, 404, 'TRACE on a path the site does not have: 404');
$res = $g->request('POST', '/static/gazette.css');
is($res->{status}, 405, 'POST to a static file: 405');
is($res->{headers}{allow}, 'GET, HEAD', 'with Allow: GET, HEAD');

# 5. nginx's own 429s say when to come back, as the app's do.
my $last;
for (1 .. 40) {
	$last = $g->post("/articles/$art->{slug}/comments", { name => '', body => '' });
	last if $last->{status} == 429;
}
is($last->{status}, 429, 'a flood of comment posts meets nginx\'s 429');
like($last->{headers}{'retry-after'} // '', qr/^[1-9]\d*$/, 'with Retry-After (' . ($last->{headers}{'retry-after'} // 'none') . ' s)');
ok($last->{headers}{'content-security-policy'}, 'and the security headers');
for (1 .. 30) {
	$last = $g->post('/login', { name => "nobody$_", password => 'x' }, { Origin => 'http://elsewhere.example' });
	last if $last->{status} == 429;
}
is($last->{status}, 429, 'a flood of logins meets nginx\'s 429');
is($last->{headers}{'retry-after'}, 6, 'with Retry-After: 6 (one login in 6 s at 10 a minute)');

done_testing();

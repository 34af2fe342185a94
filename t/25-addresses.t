#!/usr/bin/env perl
# Readers' addresses: every page of a listing is its own canonical
# page, with a title of its own (search engines drop pages that name
# another as canonical, or that repeat its title); and an address
# pasted with a trailing slash is sent (301) to the one without it,
# its query kept, for GET and HEAD.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use POSIX ();
use Test::More;

my $g = GazetteTest->new;
my ($rc, undef, $err) = $g->cli('generate', '--articles', 50,
    '--comments-per-article', 0, '--tags', 3, '--seed', 25);
is($rc, 0, 'generate made 50 articles') or diag($err);
$g->restart_app;
my $base = $g->url('');
my $tag = $g->sql("SELECT slug, name FROM tags WHERE article_count > 20 ORDER BY article_count DESC LIMIT 1")->[0];
ok($tag, "a tag with more than one page: $tag->{slug}");

sub canonical { ($_[0] =~ m{<link rel="canonical" href="([^"]*)">})[0] // '' }
sub title { ($_[0] =~ m{<title>([^<]*)</title>})[0] // '' }
sub older { ($_[0] =~ m{<a rel="next" href="([^"]*)">})[0] }
sub newer { ($_[0] =~ m{<a rel="prev" href="([^"]*)">})[0] }
sub unamp { my $s = shift; $s =~ s/&amp;/&/g; $s }

# 1. Each page of the front page, a tag and an archive month.
my %per_month;
$per_month{ POSIX::strftime('%Y/%m', gmtime($_->{p})) }++
    for grep { defined $_->{p} } @{ $g->sql('SELECT published_at AS p FROM articles') };
my ($month) = sort { $per_month{$b} <=> $per_month{$a} || $a cmp $b } keys %per_month;
my $month_count = $per_month{$month};
my @listings = (['front page', '/'], ['tag page', "/tags/$tag->{slug}"]);
push @listings, ['archive month', "/archive/$month"] if $month_count > 20;
for my $l (@listings) {
	my ($what, $path) = @$l;
	my $first = $g->get($path);
	is($first->{status}, 200, "$what: first page");
	is(canonical($first->{content}), "$base$path", "$what: the first page is its own canonical");
	my %titles = (title($first->{content}) => 1);
	my $next = older($first->{content});
	ok($next, "$what: a link to older articles") or next;
	my $pages = 0;
	while (defined $next && $pages++ < 5) {
		my $url = unamp($next);
		my $res = $g->get($url);
		is($res->{status}, 200, "$what: $url");
		is(canonical($res->{content}), "$base$url", "$what: $url is its own canonical");
		my $t = title($res->{content});
		ok(!$titles{$t}++, "$what: $url has a title of its own ($t)");
		like($t, qr/up to \d+ \w+ \d{4}, \d\d:\d\d/, "$what: the title says where the page starts");
		# Going back to newer pages: those are their own canonical too.
		if (my $back = newer($res->{content})) {
			$back = unamp($back);
			my $b = $g->get($back);
			is(canonical($b->{content}), "$base$back", "$what: $back (newer) is its own canonical")
			    if $back =~ /\?/;
		}
		$next = older($res->{content});
	}
}

# A canonical address is built from the cursor's numbers, never from
# the query as sent.
my $res = $g->get('/?before=99999999999-1&utm_source=x');
is(canonical($res->{content}), "$base/?before=99999999999-1", 'other query parameters are not part of the canonical address');

# 2. A trailing slash: 301 to the address without it, query kept.
my $slug = $g->sql_value("SELECT slug FROM articles WHERE status = 'published' ORDER BY id LIMIT 1");
my @slashed = ("/articles/$slug/", '/tags/', "/tags/$tag->{slug}/", '/archive/',
    "/archive/$month/", '/feed.atom/', "/tags/$tag->{slug}/feed.atom/", '/archive//');
for my $path (@slashed) {
	(my $bare = $path) =~ s{/+$}{};
	for my $method ('GET', 'HEAD') {
		my $r = $g->request($method, $path);
		is($r->{status}, 301, "$method $path: 301");
		is($r->{headers}{location}, $bare, "$method $path: to $bare");
	}
	is($g->get($bare)->{status}, 200, "$bare answers 200");
}
$res = $g->get("/tags/$tag->{slug}/?before=99999999999-1");
is($res->{status}, 301, 'a slashed address with a query: 301');
is($res->{headers}{location}, "/tags/$tag->{slug}?before=99999999999-1", 'the query is kept');
is($g->get('/no-such-page/')->{status}, 404, 'a slashed address that does not exist either way: 404');
is($g->get('/articles/no-such-article/')->{status}, 301, 'an unknown slug with a slash goes to the address without it ...');
is($g->get('/articles/no-such-article')->{status}, 404, '... which says 404');
is($g->get('/articles/Bad_Slug/')->{status}, 404, 'an invalid slug with a slash: 404');
$res = $g->post("/articles/$slug/comments/", { name => 'x', body => 'y' });
is($res->{status}, 404, 'a POST to a slashed address is not redirected (a redirect would lose its body)');
is($g->get('/')->{status}, 200, 'the front page itself is not redirected');

# A query that cannot go into a Location (a raw backslash): no redirect,
# and a 404 rather than an error.
{
	my ($st) = $g->raw_request("GET /tags/?q=\\ HTTP/1.1\r\nHost: 127.0.0.1:" . $g->port
	    . "\r\nConnection: close\r\n\r\n");
	is($st, 404, 'a trailing slash with a backslash in the query: 404, not an error');
}
done_testing();

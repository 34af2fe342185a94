#!/usr/bin/env perl
# Caches never show stale pages.  The app's own page cache follows
# every write on the very next request; the headers are the ones the
# README promises (shared caches one second, browsers ten, feeds five
# minutes); conditional requests through nginx; and with the app
# stopped, nginx still serves the last good pages.  The staleness bound
# through nginx, write by write, is t/72-freshness.t; takedowns under
# load, t/73-takedown.t; several cache nodes, t/74-cache-nodes.t.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;
use Time::HiRes qw(sleep time);
use POSIX ();

# Poll path until its body matches re (or stops matching, with $not),
# for up to $secs; returns the last response.
sub poll {
	my ($g, $path, $re, $not, $secs) = @_;
	my $t = time;
	my $res;
	do {
		$res = $g->get($path);
		my $m = ($res->{content} // '') =~ $re;
		return $res if $not ? !$m : $m;
		sleep(0.1);
	} while (time - $t < ($secs // 3));
	return $res;
}

my %env = (GAZETTE_RECHECK_MS => 100, GAZETTE_COMMENT_MODERATION => 'all',
    GAZETTE_COMMENT_MIN_SECONDS => 0);

# 1. The app's own page cache follows every write, seen through nginx
# as make run has it (microcache on, purged after writes).  Reads with a
# query string pass nginx's cache by, so they show the app's own.
{
	my $g = GazetteTest->new(samples => 1, env => \%env);
	my $ed = $g->login('jane', display => 'Jane Doe');
	my %a = (headline => 'Harbour bridge reopens after repairs',
	    summary => 'Traffic flows again.', body => 'The bridge reopened on Monday.',
	    tags => 'Transport, Harbour', byline => 'By Jane Doe');

	# Warm the caches: every page read twice.
	$g->get($_) for ('/', '/', '/tags/transport', '/tags/transport');
	my $etag = $g->get('/')->{headers}{etag};
	is($g->get('/', { 'If-None-Match' => $etag })->{status}, 304, 'unchanged front page: 304');

	my $res = $ed->post('/admin/articles/new', { %a, action => 'publish' });
	is($res->{status}, 303, 'the editor publishes');
	my ($id) = $res->{headers}{location} =~ m{/admin/articles/(\d+)/};
	my $slug = $g->sql_value("SELECT slug FROM articles WHERE id = $id");
	like($g->get('/')->{content}, qr/Harbour bridge reopens/, 'the very next front page shows it');
	like($g->get('/tags/transport')->{content}, qr/Harbour bridge reopens/, 'and the tag page');
	is($g->get('/', { 'If-None-Match' => $etag })->{status}, 200, 'the old ETag no longer gives 304');
	$g->get("/articles/$slug") for 1 .. 2;

	$res = $ed->post("/admin/articles/$id/edit", { %a, slug => $slug, headline => 'Harbour bridge reopens to traffic', change => 'typo', action => 'save' });
	is($res->{status}, 303, 'the editor edits the headline');
	like($g->get("/articles/$slug")->{content}, qr/Harbour bridge reopens to traffic/, 'the very next article page shows the edit');
	like($g->get('/')->{content}, qr/Harbour bridge reopens to traffic/, 'and the front page');

	# A comment waits, then is approved.
	my $token = $g->form_token("/articles/$slug");
	is($g->post("/articles/$slug/comments", { token => $token, name => 'Ada', body => 'Finally open again.' })->{status}, 303, 'a reader comments');
	unlike($g->get("/articles/$slug")->{content}, qr/Finally open again/, 'held: not shown');
	my $cid = $g->sql_value("SELECT max(id) FROM comments");
	is($ed->post('/admin/comments', [ action => 'approve', 'id[]' => $cid ])->{status}, 303, 'the editor approves it');
	like($g->get("/articles/$slug")->{content}, qr/Finally open again/, 'the very next article page shows the comment');

	$res = $ed->post("/admin/articles/$id/edit", { %a, slug => $slug, headline => 'Harbour bridge reopens to traffic', action => 'unpublish' });
	is($res->{status}, 303, 'the editor unpublishes');
	is($g->get("/articles/$slug")->{status}, 404, 'the very next request: 404');
	unlike($g->get('/')->{content}, qr/Harbour bridge reopens/, 'gone from the front page');

	$ed->post("/admin/articles/$id/edit", { %a, slug => $slug, action => 'publish' });
	is($g->get("/articles/$slug")->{status}, 200, 'published again');
	$ed->post("/admin/articles/$id/delete", {});
	is($g->get("/articles/$slug")->{status}, 410, 'deleted: the very next request is 410');

	# A write by another process (the command line) shows within the
	# recheck interval.
	my $f = $g->wire_file('cli', 'Ferry timetable changes for winter', 'The winter timetable starts in December.', 'Transport');
	$g->cli_ok('import', $f);
	like(poll($g, '/', qr/Ferry timetable changes/)->{content}, qr/Ferry timetable changes/,
	    'an import by the command line shows within the recheck interval');
	# Past nginx's cache: the app answers the second from its own.
	$g->get('/tags?via=app') for 1 .. 2;
	$g->stop;
	my ($hits) = $g->app_log =~ /page cache: (\d+) hits/;
	ok($hits && $hits > 0, "the page cache was used ($hits hits)");
}

# 3. The cache headers the README promises, for each kind of answer.
{
	my $g = GazetteTest->new(samples => 1, env => \%env);
	my $slug = $g->sql_value("SELECT slug FROM articles WHERE status = 'published' ORDER BY published_at LIMIT 1");
	$g->sql_write("UPDATE articles SET comments = 'closed' WHERE slug = '$slug'");
	for my $path ('/', '/tags', "/articles/$slug", '/search?q=ferry') {
		is($g->get($path)->{headers}{'cache-control'},
		    'public, max-age=10, s-maxage=0',
		    "$path: the reader pages' Cache-Control");
	}
	is($g->get('/feed.atom')->{headers}{'cache-control'}, 'public, max-age=300, s-maxage=0',
	    'feeds: five minutes for feed readers; shared caches ask nginx every time');
	# Answers that replace a cached page are cached like it.
	$g->sql_write("UPDATE articles SET slug = 'moved-away' WHERE slug = '$slug'");
	$g->sql_write("INSERT INTO article_slugs (slug, article_id) SELECT '$slug', id FROM articles WHERE slug = 'moved-away'");
	my $res = $g->get("/articles/$slug");
	is("$res->{status} $res->{headers}{'cache-control'}", '301 public, max-age=10, s-maxage=0',
	    'a moved page: 301, cached like a page');
	$res = $g->get('/articles/no-such-article');
	is("$res->{status} $res->{headers}{'cache-control'}", '404 public, max-age=10, s-maxage=0',
	    'an unknown page: 404, cached like a page');
	$g->sql_write("UPDATE articles SET status = 'deleted' WHERE slug = 'moved-away'");
	$res = $g->get('/articles/moved-away');
	is("$res->{status} $res->{headers}{'cache-control'}", '410 public, max-age=10, s-maxage=0',
	    'a withdrawn page: 410, cached like a page');
	$res = $g->get('/?before=garbage');
	is("$res->{status} $res->{headers}{'cache-control'}", '400 private, no-store', 'a bad request: not shared');
	ok(!grep({ /stale-/ } map { $g->get($_)->{headers}{'cache-control'} } '/', '/feed.atom'),
	    'no stale-while-revalidate nor stale-if-error: no cache the app cannot purge shows an old page');
	SKIP: {
		skip('cgi-fcgi is not installed', 3) unless -x '/usr/bin/cgi-fcgi';
		my ($st, $h) = $g->fcgi_request({ REQUEST_METHOD => 'GET', REQUEST_URI => '/', HTTP_HOST => '127.0.0.1' });
		is($h->{'x-accel-expires'}, 1, "the app gives nginx's microcache a second");
		ok(!exists $g->get('/')->{headers}{'x-accel-expires'}, 'which nginx does not pass on');
		my $ed = $g->login('kim');
		($st, $h) = $g->fcgi_request({ REQUEST_METHOD => 'GET', REQUEST_URI => '/admin', HTTP_HOST => '127.0.0.1',
		    HTTP_COOKIE => $ed->cookie });
		is("$h->{'cache-control'} / $h->{'x-accel-expires'}", 'private, no-store / 0', "editors' pages: private, and not in the microcache");
	}
	# Static files: linked with a hash of their content, kept 30 days.
	my ($css) = $g->get('/')->{content} =~ m{href="(/static/gazette\.css\?v=[0-9a-f]+)"};
	ok($css, 'the stylesheet is linked with ?v=<hash>') or diag($css);
	$res = $g->get($css // '/static/gazette.css');
	is($res->{status}, 200, 'and served');
	my $cc = $res->{headers}{'cache-control'} // '';
	$cc = join(', ', @$cc) if ref $cc;	# nginx sends two lines
	like($cc, qr/max-age=2592000/, "for 30 days ($cc)");
	$g->stop;
}

# 2. Through nginx's microcache, and with the app down.
{
	my $g = GazetteTest->new(samples => 1, env => \%env);
	my $ed = $g->login('jane', display => 'Jane Doe');
	my $slug = $g->sql_value("SELECT slug FROM articles ORDER BY published_at DESC LIMIT 1");
	my $id = $g->sql_value("SELECT id FROM articles WHERE slug = '$slug'");
	my $res = $g->get("/articles/$slug");
	$res = $g->get("/articles/$slug");
	is($res->{headers}{'x-cache'}, 'HIT', 'the second read is a microcache hit');
	$g->get('/') for 1 .. 2;

	my $row = $g->sql("SELECT headline, summary, byline, dateline, source, body_md, published_at FROM articles WHERE id = $id")->[0];
	my @tags = $g->get("/articles/$slug")->{content} =~ m{<a href="/tags/[^"]+">([^<]+)</a>}g;
	$res = $ed->post("/admin/articles/$id/edit", { headline => 'Council approves the ferry route at last',
	    summary => $row->{summary}, byline => $row->{byline}, dateline => $row->{dateline},
	    source => $row->{source}, body => $row->{body_md}, tags => 'Harbour, Transport, City council',
	    slug => $slug, change => 'typo', action => 'save' });
	is($res->{status}, 303, 'the editor edits a live article');
	like($g->get("/articles/$slug")->{content}, qr/the ferry route at last/,
	    'through the microcache the edit shows on the very next request');
	like($g->get('/')->{content}, qr/the ferry route at last/, 'on the front page too');

	# Conditional requests through nginx.
	$res = $g->get("/articles/$slug");
	my ($lm, $vary) = @{ $res->{headers} }{qw(last-modified vary)};
	ok($lm, 'the page has a Last-Modified date');
	my $later = POSIX::strftime('%a, %d %b %Y %H:%M:%S GMT', gmtime(time + 60));
	my $c = $g->get("/articles/$slug", { 'If-Modified-Since' => $later });
	is($c->{status}, 304, 'If-Modified-Since later than Last-Modified: 304');
	is($c->{headers}{vary}, $vary, "a 304 carries the 200's Vary ($vary)");
	is($g->get("/articles/$slug", { 'If-None-Match' => $res->{headers}{etag} })->{headers}{vary}, $vary,
	    'with If-None-Match too');
	my $earlier = POSIX::strftime('%a, %d %b %Y %H:%M:%S GMT', gmtime(time - 86400 * 400));
	is($g->get("/articles/$slug", { 'If-Modified-Since' => $earlier })->{status}, 200,
	    'If-Modified-Since before Last-Modified: the page');

	# The app goes away: nginx still serves what it has.
	$g->get($_) for ('/', "/articles/$slug");
	$g->stop_app('TERM');
	sleep(2.1);	# past the microcache's life: one to two seconds
	for my $path ('/', "/articles/$slug") {
		$res = $g->get($path);
		is($res->{status}, 200, "app down: $path still answers 200");
		like($res->{content}, qr/the ferry route at last/, 'with the last good page');
		like($res->{headers}{'x-cache'} // '', qr/STALE|UPDATING|HIT/, "served from the cache ($res->{headers}{'x-cache'})");
	}
	is($g->get('/articles/never-cached-page')->{status}, 502, 'a page nginx never had: 502');
	$g->start_app;
	is(poll($g, '/articles/never-cached-page', qr/Page not found/)->{status}, 404, 'the app is back');
}

done_testing();

#!/usr/bin/env perl
# Caches never show stale pages (issue 6).  With the app's own page
# cache (and its default recheck interval), the very next request after
# an editor publishes, edits, unpublishes or deletes, or a comment is
# approved, shows the change; through nginx's microcache the change
# shows within its lifetime plus one refresh; 304 only for unchanged
# content; and with the app stopped, nginx still serves the last good
# pages.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;
use Time::HiRes qw(sleep time);

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

# 1. The app alone (microcache off): its page cache follows every write.
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
	$g->stop;
	my ($hits) = $g->app_log =~ /page cache: (\d+) hits/;
	ok($hits && $hits > 0, "the page cache was used ($hits hits)");
}

# 3. The cache headers the README promises, for each kind of answer.
{
	my $g = GazetteTest->new(samples => 1, env => \%env);
	my $slug = $g->sql_value("SELECT slug FROM articles WHERE status = 'published' ORDER BY published_at LIMIT 1");
	$g->sql_write("UPDATE articles SET comments = 'closed' WHERE slug = '$slug'");
	for my $path ('/', '/tags', "/articles/$slug") {
		is($g->get($path)->{headers}{'cache-control'},
		    'public, max-age=30, s-maxage=60, stale-while-revalidate=30, stale-if-error=86400',
		    "$path: the reader pages' Cache-Control");
	}
	like($g->get('/feed.atom')->{headers}{'cache-control'}, qr/^public, max-age=300, s-maxage=300,/, 'feeds: 300 s');
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
	my $res = $g->get($css // '/static/gazette.css');
	is($res->{status}, 200, 'and served');
	my $cc = $res->{headers}{'cache-control'} // '';
	$cc = join(', ', @$cc) if ref $cc;	# nginx sends two lines
	like($cc, qr/max-age=2592000/, "for 30 days ($cc)");
	$g->stop;
}

# 2. Through nginx's microcache, and with the app down.
{
	my $g = GazetteTest->new(samples => 1, microcache => 1, env => \%env);
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
	like(poll($g, "/articles/$slug", qr/the ferry route at last/)->{content}, qr/the ferry route at last/,
	    'through the microcache the edit shows within 3 s');
	like(poll($g, '/', qr/the ferry route at last/)->{content}, qr/the ferry route at last/,
	    'on the front page too');

	# The app goes away: nginx still serves what it has.
	$g->get($_) for ('/', "/articles/$slug");
	$g->stop_app('TERM');
	sleep(1.2);	# past the microcache's one-second life
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

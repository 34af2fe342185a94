#!/usr/bin/env perl
# The staleness bound, write by write, through nginx with its microcache
# on, as make run serves readers.  For each kind of write a reader in
# the background asks for every page the write changes, over and over,
# before, during and after it.  Pages the write's purges name must show
# the new version to every request that starts once the writer has been
# answered; pages no purge can name (a search, a page showing the site's
# name) within T = 3 s.  The writer sees the result on the next request.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;
use Time::HiRes qw(sleep time);
use POSIX qw(strftime);

use constant T => 3;

my $g = GazetteTest->new(samples => 1, env => {
	GAZETTE_COMMENT_MODERATION => 'all', GAZETTE_COMMENT_MIN_SECONDS => 0,
	GAZETTE_COMMENT_RATE_MINUTE => 0, GAZETTE_COMMENT_RATE_HOUR => 0 });
my $ed = $g->login('jane', display => 'Jane Doe', role => 'admin');

sub has { my $re = shift; return sub { ($_[0]{content} // '') =~ $re } }
sub lacks { my $re = shift; return sub { $_[0]{status} == 200 && ($_[0]{content} // '') !~ $re } }
sub status { my $s = shift; return sub { $_[0]{status} == $s } }
sub moved_to { my $to = shift; return sub { $_[0]{status} == 301 && ($_[0]{headers}{location} // '') =~ m{\Q$to\E$} } }

my %art = (summary => 'A keeper of the light steps down.', byline => 'By Jane Doe',
    body => 'The lighthouse keeper retired on Friday after forty years.',
    tags => 'Harbour, Lighthouses', dateline => 'PORT ARDENT', source => '');
my $slug = 'lighthouse-keeper-retires';
my $month = strftime('/archive/%Y/%m', gmtime);
my $id;

# Publishing a new article: the listings, feeds, archive and sitemap
# that show it, its own (cached 404) address, and a search for it.
$g->check_write(T, 'publish', sub {
	my $res = $ed->post('/admin/articles/new', { %art, headline => 'Lighthouse keeper retires',
	    slug => $slug, action => 'publish' });
	($id) = ($res->{headers}{location} // '') =~ m{/admin/articles/(\d+)/};
	return $res;
}, ['/', has(qr/Lighthouse keeper retires/), 'now'],
   ["/articles/$slug", status(200), 'now'],
   ['/tags/harbour', has(qr/Lighthouse keeper retires/), 'now'],
   ['/tags', has(qr/Lighthouses/), 'now'],
   ['/feed.atom', has(qr/Lighthouse keeper retires/), 'now'],
   [$month, has(qr/Lighthouse keeper retires/), 'now'],
   ['/sitemap.xml', has(qr/\Q$slug\E/), 'now'],
   ['/search?q=lighthouse', has(qr/Lighthouse keeper retires/), 'bounded']);
ok($id, 'the article was published');
like($ed->get('/')->{content}, qr/Lighthouse keeper retires/, 'publish: the editor sees it on the next request');

# An edited headline.
$g->check_write(T, 'edit', sub {
	$ed->post("/admin/articles/$id/edit", { %art, headline => 'Lighthouse keeper hands over the keys',
	    slug => $slug, change => 'typo', action => 'save' });
}, ["/articles/$slug", has(qr/hands over the keys/), 'now'],
   ['/', has(qr/hands over the keys/), 'now'],
   ['/tags/lighthouses', has(qr/hands over the keys/), 'now'],
   ['/tags/lighthouses/feed.atom', has(qr/hands over the keys/), 'now'],
   [$month, has(qr/hands over the keys/), 'now'],
   ['/search?q=lighthouse', has(qr/hands over the keys/), 'bounded']);
like($ed->get("/articles/$slug")->{content}, qr/hands over the keys/, 'edit: the editor sees it on the next request');
$art{headline} = 'Lighthouse keeper hands over the keys';

# A slug change: the old address moves, the new one answers.
$g->check_write(T, 'slug change', sub {
	$ed->post("/admin/articles/$id/edit", { %art, slug => 'keeper-retires', change => 'typo', action => 'save' });
}, ["/articles/$slug", moved_to('/articles/keeper-retires'), 'now'],
   ['/articles/keeper-retires', status(200), 'now'],
   ['/', has(qr{/articles/keeper-retires"}), 'now']);
$slug = 'keeper-retires';

# A comment, held and then approved by an editor.
my $token = $g->form_token("/articles/$slug");
is($g->post("/articles/$slug/comments", { token => $token, name => 'Ada', body => 'Forty years of light.' })->{status},
    303, 'a reader comments (held for moderation)');
my $cid = $g->sql_value("SELECT max(id) FROM comments");
$g->check_write(T, 'approve a comment', sub {
	$ed->post('/admin/comments', [ action => 'approve', 'id[]' => $cid ]);
}, ["/articles/$slug", has(qr/Forty years of light/), 'now']);

# Unpublishing: the page is gone (404) and off the listings.
$g->check_write(T, 'unpublish', sub {
	$ed->post("/admin/articles/$id/edit", { %art, slug => $slug, action => 'unpublish' });
}, ["/articles/$slug", status(404), 'now'],
   ['/', lacks(qr/Lighthouse keeper/), 'now'],
   ['/tags/harbour', lacks(qr/Lighthouse keeper/), 'now'],
   ['/feed.atom', lacks(qr/Lighthouse keeper/), 'now']);
is($ed->post("/admin/articles/$id/edit", { %art, slug => $slug, action => 'publish' })->{status}, 303,
    'published again');

# Deleting: 410 for its address and its old one.
$g->check_write(T, 'delete', sub {
	$ed->post("/admin/articles/$id/delete", {});
}, ["/articles/$slug", status(410), 'now'],
   ['/', lacks(qr/Lighthouse keeper/), 'now'],
   [$month, lacks(qr/Lighthouse keeper/), 'now'],
   ['/search?q=lighthouse', lacks(qr/Lighthouse keeper/), 'bounded']);

# Tags: rename, merge, delete.
my $tid = sub { $g->sql_value("SELECT id FROM tags WHERE slug = '$_[0]'") };
my $ferry = $g->sql_value("SELECT slug FROM articles WHERE headline LIKE 'Council approves%'");
$g->check_write(T, 'rename a tag', sub {
	$ed->post('/admin/tags/' . $tid->('transport') . '/rename', { name => 'Getting around' });
}, ['/tags/transport', moved_to('/tags/getting-around'), 'now'],
   ['/tags/getting-around', status(200), 'now'],
   ['/tags/getting-around/feed.atom', status(200), 'now'],
   ['/tags', has(qr/Getting around/), 'now'],
   ["/articles/$ferry", has(qr{<a href="/tags/getting-around">}), 'now']);
$g->check_write(T, 'merge tags', sub {
	$ed->post('/admin/tags/' . $tid->('getting-around') . '/merge', { into => 'City council' });
}, ['/tags/getting-around', moved_to('/tags/city-council'), 'now'],
   ['/tags/transport', moved_to('/tags/city-council'), 'now'],
   ['/tags', lacks(qr/Getting around/), 'now']);
# Only a tag no article uses may be deleted (others are merged).
my $beacon = $g->sql_value("SELECT id FROM articles WHERE headline LIKE 'Lantern festival%'");
my $row = $g->sql("SELECT headline, summary, byline, dateline, source, body_md, slug FROM articles WHERE id = $beacon")->[0];
my %lantern = (headline => $row->{headline}, summary => $row->{summary}, byline => $row->{byline},
    dateline => $row->{dateline}, source => $row->{source}, body => $row->{body_md}, slug => $row->{slug},
    change => 'typo', action => 'save');
$ed->post("/admin/articles/$beacon/edit", { %lantern, tags => 'Culture, Beacons' });
$ed->post("/admin/articles/$beacon/edit", { %lantern, tags => 'Culture' });
$g->check_write(T, 'delete a tag', sub {
	$ed->post('/admin/tags/' . $tid->('beacons') . '/delete', {});
}, ['/tags/beacons', status(404), 'now', 'maybe'],
   ['/tags/beacons/feed.atom', status(404), 'now', 'maybe'],
   ['/tags', lacks(qr{href="/tags/beacons"}), 'now', 'maybe']);
is($g->sql_value("SELECT count(*) FROM tags WHERE slug = 'beacons'"), 0, 'the tag is gone');

# The site's settings: its name shows at once on the pages the save
# purges, and within T everywhere else.
$g->check_write(T, 'site name', sub {
	$ed->post('/admin/settings', { title => 'The Harbour Light', tagline => 'News from the quay',
	    moderation => 'open', close_days => 30 });
}, ['/', has(qr/The Harbour Light/), 'now'],
   ['/feed.atom', has(qr/The Harbour Light/), 'now'],
   ["/articles/$ferry", has(qr/The Harbour Light/), 'bounded'],
   ['/search?q=ferry', has(qr/The Harbour Light/), 'bounded']);

# A comment with moderation off: the reader who posts it sees it on the
# page the answer leads to, and so does everyone on the article's page.
$token = $g->form_token("/articles/$ferry");
my $posted;
$g->check_write(T, 'comment, moderation off', sub {
	$posted = $g->post("/articles/$ferry/comments", { token => $token, name => 'Bo', body => 'Bikes on board, please.' });
}, ["/articles/$ferry", has(qr/Bikes on board, please/), 'now']);
is($posted->{status}, 303, 'the comment was taken');
my $loc = $posted->{headers}{location} // '';
like($loc, qr{^/articles/\Q$ferry\E\?comment=\d+#comment-\d+$}, 'to an address of its own');
like($g->get($loc =~ s/#.*//r)->{content}, qr/Bikes on board, please/, 'where the commenter sees it');

# A scheduled article going live: no write happens then; the pages
# listing it change within T of its time.
my $storm = $g->sql_value("SELECT id FROM articles WHERE headline LIKE 'Overnight storm%'");
# Due 6 s from now: time enough, on a loaded machine, for the writes
# and the first look below to happen before it.
$g->sql_write('UPDATE articles SET published_at = ' . int(time + 6) . " WHERE id = $storm");
$g->sql_write("UPDATE article_tags SET published_at = (SELECT published_at FROM articles WHERE id = $storm) WHERE article_id = $storm");
my $due = $g->sql_value("SELECT published_at FROM articles WHERE id = $storm");
unlike($g->get('/')->{content}, qr/Overnight storm/, 'a scheduled article is not listed before its time');
my $done = $g->watch($due - time + T + 1, ['/', has(qr/Overnight storm/)], ['/feed.atom', has(qr/Overnight storm/)]);
my $rows = $done->();
for my $path ('/', '/feed.atom') {
	my @late = grep { $_->{path} eq $path && $_->{t} > $due + T && !$_->{new} } @$rows;
	is(scalar @late, 0, "scheduled: $path lists it within 3 s of its time");
	ok((grep { $_->{path} eq $path && $_->{new} } @$rows), "scheduled: $path lists it");
}

unlike($g->app_log, qr/(?:sqlite|postgresql):|controller returned/, 'no store errors in the log');
done_testing();

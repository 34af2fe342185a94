#!/usr/bin/env perl
# Validators follow the pages that change with no write at all (issue 6:
# 304 only when the content is unchanged).  A scheduled article going
# live and comments closing by age move Last-Modified as well as the
# ETag, so that a client sending only If-Modified-Since (as many feed
# readers do) sees them; and an article page's tag changes with the
# epoch of its form tokens, so that no cache that revalidates it keeps a
# comment form too old to post with (issue 4).
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;
use Time::HiRes qw(sleep time);
use Time::Local qw(timegm);

my %mon = (Jan => 0, Feb => 1, Mar => 2, Apr => 3, May => 4, Jun => 5,
    Jul => 6, Aug => 7, Sep => 8, Oct => 9, Nov => 10, Dec => 11);

# An HTTP date as Unix time.
sub http_time {
	my ($s) = @_;
	my ($d, $m, $y, $H, $M, $S) =
	    ($s // '') =~ /^\w{3}, (\d\d) (\w{3}) (\d{4}) (\d\d):(\d\d):(\d\d) GMT$/
	    or return undef;
	return timegm($S, $M, $H, $d, $mon{$m}, $y);
}

my $g = GazetteTest->new(samples => 1, env => {
	GAZETTE_COMMENT_MAX_AGE => 60,		# tokens' epoch: 15 s
	GAZETTE_COMMENT_CLOSE_DAYS => 1,
	GAZETTE_COMMENT_MIN_SECONDS => 0,
	GAZETTE_COMMENT_MODERATION => 'open',
});
my $rows = $g->sql("SELECT id, slug FROM articles WHERE status = 'published' ORDER BY published_at DESC");
my ($sched, $old) = @$rows[0, -1];

# 1. A scheduled article goes live: the front page and the feed change.
my $due = time() + 3;
$g->sql_write("UPDATE articles SET published_at = " . int($due) . " WHERE id = $sched->{id}");
for my $path ('/', '/feed.atom') {
	my $res = $g->get($path);
	my $lm = $res->{headers}{'last-modified'};
	ok(defined http_time($lm), "$path: Last-Modified is an HTTP date");
	unlike($res->{content}, qr{/articles/\Q$sched->{slug}\E}, "$path: the scheduled article is not there yet");
	is($g->get($path, { 'If-Modified-Since' => $lm })->{status}, 304, "$path: unchanged, If-Modified-Since gives 304");
	$g->{lm}{$path} = $lm;
}
sleep($due + 1.2 - time()) if time() < $due + 1.2;
for my $path ('/', '/feed.atom') {
	my $res = $g->get($path, { 'If-Modified-Since' => $g->{lm}{$path} });
	is($res->{status}, 200, "$path: after the article went live, the old If-Modified-Since gives 200");
	like($res->{content}, qr{/articles/\Q$sched->{slug}\E}, "$path: with the article");
	cmp_ok(http_time($res->{headers}{'last-modified'}) // 0, '>=', int($due), "$path: Last-Modified is no earlier than the moment it went live");
}

# 2. Comments close by age (here one day after publication).
my $closes = time() + 3;
$g->sql_write("UPDATE articles SET published_at = " . int($closes - 86400) . ", comments = 'open' WHERE id = $old->{id}");
my $path = "/articles/$old->{slug}";
my $res = $g->get($path);
like($res->{content}, qr{name="body"}, 'the article still has its comment form');
my $lm = $res->{headers}{'last-modified'};
is($g->get($path, { 'If-Modified-Since' => $lm })->{status}, 304, 'unchanged: If-Modified-Since gives 304');
sleep($closes + 1.2 - time()) if time() < $closes + 1.2;
$res = $g->get($path, { 'If-Modified-Since' => $lm });
is($res->{status}, 200, 'once its comments closed, the old If-Modified-Since gives 200');
unlike($res->{content}, qr{name="body"}, 'and the page has no comment form');
cmp_ok(http_time($res->{headers}{'last-modified'}) // 0, '>=', int($closes), 'Last-Modified is no earlier than the closing');

# 3. The form's epoch: an ETag kept while the epoch lasts, and a new one
#    (with a fresh token) once it ends, even with no write in between.
$path = "/articles/$sched->{slug}";
my $t0 = time();
my $epoch_end = (int($t0 / 15) + 1) * 15;
if ($epoch_end - $t0 < 2) {		# too close to the edge: wait it out
	sleep($epoch_end - $t0 + 0.2);
	$t0 = time();
	$epoch_end = (int($t0 / 15) + 1) * 15;
}
$res = $g->get($path);
my ($etag, $token) = ($res->{headers}{etag}, $g->form_token($path));
ok($token, 'the article page has a form token');
my $cc = $res->{headers}{'cache-control'} // '';
my ($maxage) = $cc =~ /max-age=(\d+)/;
ok(defined $maxage && $maxage <= $epoch_end - int($t0) + 1, "the page's max-age ($cc) ends with the epoch");
is($g->get($path, { 'If-None-Match' => $etag })->{status}, 304, 'within the epoch: 304');
my $elm = $res->{headers}{'last-modified'};
is($g->get($path, { 'If-Modified-Since' => $elm })->{status}, 304, 'and with If-Modified-Since alone');
sleep($epoch_end + 0.5 - time()) if time() < $epoch_end + 0.5;
is($g->get($path, { 'If-Modified-Since' => $elm })->{status}, 200, 'after the epoch: the old Last-Modified gives 200');
$res = $g->get($path, { 'If-None-Match' => $etag });
is($res->{status}, 200, 'after the epoch: the old ETag gives 200');
isnt($res->{headers}{etag}, $etag, 'with a new ETag');
isnt($g->form_token($path), $token, 'and a fresh form token');

done_testing();

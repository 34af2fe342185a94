#!/usr/bin/env perl
# Validators follow the pages that change with no write at all (issue 6:
# 304 only when the content is unchanged).  A scheduled article going
# live and comments closing by age move Last-Modified as well as the
# ETag, so that a client sending only If-Modified-Since (as many feed
# readers do) sees them.  The article page carries no comment form (the
# form is on the comment page, made for each request), so nothing else
# in it changes with time: its validators and its life do not move
# while nothing is written.
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
	GAZETTE_COMMENT_MAX_AGE => 60,
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
like($res->{content}, qr{Write a comment}, 'the article still links its comment form');
my $lm = $res->{headers}{'last-modified'};
is($g->get($path, { 'If-Modified-Since' => $lm })->{status}, 304, 'unchanged: If-Modified-Since gives 304');
sleep($closes + 1.2 - time()) if time() < $closes + 1.2;
$res = $g->get($path, { 'If-Modified-Since' => $lm });
is($res->{status}, 200, 'once its comments closed, the old If-Modified-Since gives 200');
unlike($res->{content}, qr{Write a comment}, 'and the page has no link to a comment form');
cmp_ok(http_time($res->{headers}{'last-modified'}) // 0, '>=', int($closes), 'Last-Modified is no earlier than the closing');

# 3. No form token on the article page: the page keeps its validators
#    and its whole life (no epoch to end), while the comment page is made
#    anew for each request and never kept by any cache.
$path = "/articles/$sched->{slug}";
$res = $g->get($path);
unlike($res->{content}, qr{name="token"}, 'the article page carries no form token');
my $cc = $res->{headers}{'cache-control'} // '';
my ($full) = ($g->get('/tags')->{headers}{'cache-control'} // '') =~ /\bmax-age=(\d+)/;
my ($age) = $cc =~ /\bmax-age=(\d+)/;
ok(defined $full && defined $age && $age == $full, "the page keeps a reader page's full max-age ($cc)");
my $etag = $res->{headers}{etag};
sleep(1.1);
is($g->get($path, { 'If-None-Match' => $etag })->{status}, 304, 'a second later, with no write: 304');
my $c1 = $g->get("$path/comments");
like($c1->{headers}{'cache-control'} // '', qr/no-store/, 'the comment page is never stored');
ok(!defined $c1->{headers}{etag}, 'and has no validators');
sleep(1.1);
my ($t1) = $c1->{content} =~ /name="token" value="(\d+)\./;
my ($t2) = $g->get("$path/comments")->{content} =~ /name="token" value="(\d+)\./;
ok($t1 && $t2 && $t2 > $t1, "a later request gets a later token ($t1, then $t2)");

done_testing();

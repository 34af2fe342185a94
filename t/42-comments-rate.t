#!/usr/bin/env perl
# Readers' comments (issue 4): rate limits per client address.  Windows
# are shortened by settings (2 comments in 3 s, 3 in 8 s) so that the
# test sees 429 with Retry-After, then recovery, without waiting minutes.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;
use Time::HiRes qw(sleep time);

my $g = GazetteTest->new(samples => 1, env => {
	GAZETTE_COMMENT_MODERATION => 'open',
	GAZETTE_COMMENT_MIN_SECONDS => 0,
	GAZETTE_COMMENT_RATE_MINUTE => 2,
	GAZETTE_COMMENT_RATE_MINUTE_WINDOW => 3,
	GAZETTE_COMMENT_RATE_HOUR => 3,
	GAZETTE_COMMENT_RATE_HOUR_WINDOW => 8,
});
my $slug = $g->sql_value("SELECT slug FROM articles WHERE headline LIKE 'Lantern%'");
my $path = "/articles/$slug";
my $token = $g->form_token($path);
sub ncomments { $g->sql_value("SELECT count(*) FROM comments") }
sub post { $g->post_bytes("$path/comments", { token => $token, name => 'Quick', body => $_[0] }, $_[1]) }

# Post until answered 303, polling with a deadline; returns the answer.
sub post_until_accepted {
	my ($body, $limit) = @_;
	my $t = time;
	my $res;
	while (time - $t < $limit) {
		$res = post($body);
		return $res if $res->{status} != 429;
		sleep(0.25);
	}
	return $res;
}

my $r1 = post('one');
is($r1->{status}, 303, 'first comment: 303');
is(post('two')->{status}, 303, 'second: 303');
my $n = ncomments();
my $res = post('three');
is($res->{status}, 429, 'third inside the short window: 429');
my $retry = $res->{headers}{'retry-after'};
ok(defined $retry && $retry =~ /^\d+$/ && $retry >= 1 && $retry <= 3, 'with Retry-After within the window (' . ($retry // 'none') . ')');
like($res->{content}, qr{<p class="form-error" id="comment-error" role="alert">You have posted several comments in a short time\. Please wait \d+ seconds?}, 'the page says how long to wait');
like($res->{content}, qr{>three</textarea>}, 'and keeps the text');
is(ncomments(), $n, 'nothing stored');
like($res->{headers}{'cache-control'}, qr/no-store/, 'not cached');

# The client cannot pick another address with a header.
is(post('three', { 'X-Forwarded-For' => '10.1.2.3', 'X-Real-IP' => '10.1.2.3' })->{status}, 429, 'X-Forwarded-For from the client changes nothing');

# A repeat of an earlier post is answered like it, not refused.
$res = post('one');
is($res->{status}, 303, 'a repeat of an accepted post while limited: 303');
is($res->{headers}{location}, $r1->{headers}{location}, 'to the first one');
is(ncomments(), $n, 'still stored once');

# Another address is not limited (straight to the app, as nginx would
# pass another client's REMOTE_ADDR).
SKIP: {
	my $body = "token=$token&name=Other&body=elsewhere";
	my $st = $g->fcgi_status({ REQUEST_METHOD => 'POST', REQUEST_URI => "$path/comments",
	    CONTENT_TYPE => 'application/x-www-form-urlencoded', CONTENT_LENGTH => length $body,
	    HTTP_ORIGIN => $g->url(''), REMOTE_ADDR => '192.0.2.7' }, $body);
	skip('cgi-fcgi is not installed', 1) unless defined $st;
	is($st, 303, 'another client address may post meanwhile');
}

# Recovery once the window has passed.
$res = post_until_accepted('three', 10);
is($res->{status}, 303, 'after the short window, accepted again');

# The longer limit: 3 in 8 s from this address.
$res = post('four');
is($res->{status}, 429, 'the fourth inside the longer window: 429');
$retry = $res->{headers}{'retry-after'};
ok(defined $retry && $retry >= 1 && $retry <= 8, 'with Retry-After within that window (' . ($retry // 'none') . ')');
$res = post_until_accepted('four', 15);
is($res->{status}, 303, 'and accepted once it has passed');

my $bodies = join ',', map { $_->{body} } @{ $g->sql("SELECT body FROM comments WHERE author IN ('Quick') ORDER BY id") };
is($bodies, 'one,two,three,four', 'each accepted comment stored once, in order');
unlike($g->app_log, qr/(?:sqlite|postgresql):|controller returned/, 'no store errors in the log');
done_testing();

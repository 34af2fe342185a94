#!/usr/bin/env perl
# Readers' comments (issue 4): the moderation policies.  first-time: an
# author's first comment waits, and once one is approved their later
# ones (same returning-author cookie) appear at once.  all: every
# comment waits.  A comment that waits appears after approval.  Posts
# faster than --comment-min-seconds after the comment page was asked for are taken
# for robots: the same answer, stored as rejected, never shown.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;

# Tokens are signed by the test with the site's key, two minutes old,
# so that the one-minute minimum does not make the test wait.
my $g = GazetteTest->new(samples => 1, env => {
	GAZETTE_COMMENT_MODERATION => 'first-time',
	GAZETTE_COMMENT_MIN_SECONDS => 60,
	GAZETTE_COMMENT_RATE_MINUTE => 0,
	GAZETTE_COMMENT_RATE_HOUR => 0,
});
my $art = $g->sql("SELECT id, slug FROM articles WHERE headline LIKE 'Overnight storm%'")->[0];
my ($id, $slug) = ($art->{id}, $art->{slug});
my $path = "/articles/$slug";
sub token { $g->sign_form_token($id, time - 120) }
sub count { $g->sql_value("SELECT comment_count FROM articles WHERE id = $id") }

# Approve a comment as the moderation queue does: status and count in
# one transaction (the queue itself is the editors' side).
sub approve {
	my ($cid) = @_;
	$g->sql_write("UPDATE comments SET status = 'approved' WHERE id = $cid; UPDATE articles SET comment_count = comment_count + 1 WHERE id = $id");
}

# A first comment waits.
my $count = count();
my $res = $g->post_bytes("$path/comments", { token => token(), name => 'New Reader', body => 'My first comment here.' });
is($res->{status}, 303, 'first-time: a first comment is answered 303');
is($res->{headers}{location}, "$path?comment=pending#comments", 'to the "awaits moderation" notice');
my ($author) = ($res->{headers}{'set-cookie'} // '') =~ /^gazette_author=([A-Za-z0-9_-]{43});/;
ok($author, 'with a returning-author cookie');
my $first = $g->sql("SELECT id, status, reason FROM comments WHERE body = 'My first comment here.'")->[0];
is($first->{status}, 'pending', 'stored pending');
like($first->{reason}, qr/not approved yet/, 'with the reason');
is(count(), $count, 'not counted yet');
$res = $g->get("$path?comment=pending");
like($res->{content}, qr/Your comment awaits moderation/, 'the notice page says so');
unlike($res->{content}, qr/My first comment here/, 'and does not show it');

# A second one before approval waits too.
$res = $g->post_bytes("$path/comments", { token => token(), name => 'New Reader', body => 'Still waiting?' }, { Cookie => "gazette_author=$author" });
is($res->{headers}{location}, "$path?comment=pending#comments", 'before approval, the same author still waits');

# Approved, it appears; then the author's next comment goes through.
approve($first->{id});
$res = $g->get($path);
like($res->{content}, qr{id="comment-$first->{id}".*My first comment here\.}s, 'approved, the comment appears');
is(count(), $count + 1, 'and counts');
$res = $g->post_bytes("$path/comments", { token => token(), name => 'New Reader', body => 'Now I am known.' }, { Cookie => "gazette_author=$author" });
my ($cid) = ($res->{headers}{location} // '') =~ m{^\Q$path\E\?comment=(\d+)#comment-\1$};
ok($cid, 'a returning approved author\'s comment goes to its anchor at once');
my $row = $g->sql("SELECT status, reason FROM comments WHERE id = " . ($cid // 0))->[0];
is($row->{status}, 'approved', 'stored approved');
like($row->{reason}, qr/returning author/, 'because the author is known');
is(count(), $count + 2, 'and counted in the same transaction');
like($g->get($path)->{content}, qr/Now I am known\./, 'it shows');

# Without the cookie (or with a made-up one) the same name is a stranger.
$res = $g->post_bytes("$path/comments", { token => token(), name => 'New Reader', body => 'Impostor?' });
is($res->{headers}{location}, "$path?comment=pending#comments", 'the same name without the cookie waits');
$res = $g->post_bytes("$path/comments", { token => token(), name => 'New Reader', body => 'Guessing' }, { Cookie => 'gazette_author=' . ('A' x 43) });
is($res->{headers}{location}, "$path?comment=pending#comments", 'a made-up token waits');
$res = $g->post_bytes("$path/comments", { token => token(), name => 'X', body => 'Junk cookie' }, { Cookie => 'gazette_author="><script>' });
is($res->{status}, 303, 'a malformed cookie is replaced, not an error');
like($res->{headers}{'set-cookie'}, qr/^gazette_author=[A-Za-z0-9_-]{43};/, 'by a fresh token');

# Too fast: a real form posted at once (the minimum is 60 s here).
my $real = $g->form_token($path);
ok($real, 'the page has a form token');
my $n = $g->sql_value("SELECT count(*) FROM comments");
$res = $g->post_bytes("$path/comments", { token => $real, name => 'Bot', body => 'Posted in no time' });
is($res->{status}, 303, 'a post faster than --comment-min-seconds: 303 all the same');
is($res->{headers}{location}, "$path?comment=pending#comments", 'the answer a new author gets');
$row = $g->sql("SELECT status, reason FROM comments WHERE body = 'Posted in no time'")->[0];
is($row->{status}, 'rejected', 'stored as rejected');
like($row->{reason}, qr/sent \d+ s after the form was asked for/, 'with how fast it came');
is($g->sql_value("SELECT count(*) FROM comments"), $n + 1, 'every redirected post is a row');
$res = $g->post_bytes("$path/comments", { token => token(), name => 'Bot', body => 'Honey', website => 'x' }, { Cookie => "gazette_author=$author" });
is($res->{status}, 303, 'a honeypot post from a known author: 303');
like($res->{headers}{location}, qr{^\Q$path\E\?comment=(\d+)#comment-\1$}, 'answered as a known author would be');
is($g->sql_value("SELECT status FROM comments WHERE body = 'Honey'"), 'rejected', 'but rejected');
is(count(), $count + 2, 'and not counted');
unlike($g->get($path)->{content}, qr/Posted in no time|Honey/, 'robots\' posts never show');
$g->stop;

# Moderation "all": even a known author waits.
$g = GazetteTest->new(samples => 1, env => {
	GAZETTE_COMMENT_MODERATION => 'all',
	GAZETTE_COMMENT_MIN_SECONDS => 0,
});
($id, $slug) = @{ $g->sql("SELECT id, slug FROM articles WHERE headline LIKE 'Overnight storm%'")->[0] }{qw(id slug)};
$path = "/articles/$slug";
$res = $g->post_bytes("$path/comments", { token => $g->form_token($path), name => 'Ann', body => 'One' });
is($res->{headers}{location}, "$path?comment=pending#comments", 'all: a comment waits');
($author) = ($res->{headers}{'set-cookie'} // '') =~ /^gazette_author=([^;]+)/;
my $cid1 = $g->sql_value("SELECT id FROM comments WHERE body = 'One'");
like($g->sql_value("SELECT reason FROM comments WHERE id = $cid1"), qr/every comment/, 'with the reason');
approve($cid1);
$res = $g->post_bytes("$path/comments", { token => $g->form_token($path), name => 'Ann', body => 'Two' }, { Cookie => "gazette_author=$author" });
is($res->{headers}{location}, "$path?comment=pending#comments", 'all: an approved author\'s next comment waits too');
is($g->sql_value("SELECT status FROM comments WHERE body = 'Two'"), 'pending', 'stored pending');

unlike($g->app_log, qr/(?:sqlite|postgresql):|controller returned/, 'no store errors in the log');
done_testing();

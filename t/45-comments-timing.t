#!/usr/bin/env perl
# The comment form's minimum time holds on cached pages.  The article
# page is cached (here with nginx's microcache on, as in production) and
# carries no form: the form is on the comment page, which is made for
# each request and never cached, and its signed token holds the time of
# that request.  So a robot that loads a long-cached article, then the
# comment page, and posts at once is caught; a reader who takes the time
# to write is not.  All of it works without JavaScript (plain links and
# a plain form).
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;
use Time::HiRes qw(sleep time);

my $g = GazetteTest->new(samples => 1, microcache => 1, env => {
	GAZETTE_COMMENT_MODERATION => 'open',
	GAZETTE_COMMENT_MIN_SECONDS => 3,
	GAZETTE_COMMENT_RATE_MINUTE => 0,
	GAZETTE_COMMENT_RATE_HOUR => 0,
});
my $art = $g->sql("SELECT id, slug FROM articles WHERE status = 'published' AND comments = 'open' ORDER BY id LIMIT 1")->[0];
my $path = "/articles/$art->{slug}";
my $form_path = "$path/comments";

# The article page: cached, the same for everyone, no token in it.
my $a1 = $g->get($path);
my $a2 = $g->get($path);
is($a2->{headers}{'x-cache'}, 'HIT', 'the article page comes from nginx\'s cache');
is($a2->{content}, $a1->{content}, 'the same page for every reader');
unlike($a1->{content}, qr/name="token"/, 'with no form token in it');
like($a1->{content}, qr{<a href="\Q$form_path\E#comment-form">Write a comment</a>}, 'but a plain link to the comment page');

# The comment page: made for each request, never from a cache, even
# when asked for twice at once or with gzip.
my $c1 = $g->get($form_path);
my $c2 = $g->get($form_path, { 'Accept-Encoding' => 'gzip' });
is($c1->{status}, 200, 'the comment page answers 200');
isnt($c2->{headers}{'x-cache'} // '', 'HIT', 'never from nginx\'s cache');
like($c1->{headers}{'cache-control'}, qr/private, no-store/, 'and private, no-store for any other cache');
my ($tok) = $c1->{content} =~ /name="token" value="(\d+)\.[^"]+"/;
ok($tok && abs($tok - time) <= 2, 'its token holds the time of the request');

# A robot: the article page it loaded is old (cached), the comment page
# is fresh, and it posts one second after asking for it.
sleep(4);
my $cached = $g->get($path);
ok(defined $cached->{headers}{'x-cache'}, 'the robot gets the article page through the cache (' . ($cached->{headers}{'x-cache'} // '') . ')');
my $robot_token = $g->form_token($path);
sleep(1);
my $res = $g->post($form_path, { token => $robot_token, name => 'Quick', body => 'Posted a second after asking for the form', website => '' });
is($res->{status}, 303, 'a post one second after asking for the form: 303 all the same');
my $row = $g->sql("SELECT status, reason FROM comments WHERE body = 'Posted a second after asking for the form'")->[0];
is($row->{status}, 'rejected', 'but taken for a robot\'s, however old the article page was');
like($row->{reason} // '', qr/sent [12] s after the form was asked for/, 'the time measured from the comment page');
unlike($g->get("$path?after-robot=1")->{content}, qr/Posted a second after/, 'never shown');

# A reader: asks for the form, writes for a while, posts.
my $reader_token = $g->form_token($path);
sleep(3.2);
$res = $g->post($form_path, { token => $reader_token, name => 'Patient', body => 'Written with care', website => '' });
is($res->{status}, 303, 'a post after writing for a while: 303');
my ($cid) = ($res->{headers}{location} // '') =~ /#comment-(\d+)$/;
ok($cid, 'to the comment on the article');
is($g->sql_value("SELECT status FROM comments WHERE body = 'Written with care'"), 'approved', 'stored approved');

# The token cannot be forged from the article page: its time is signed.
my ($t, $mac) = $reader_token =~ /^(\d+)\.(.+)$/;
$res = $g->post($form_path, { token => ($t - 60) . ".$mac", name => 'Forger', body => 'An older time, same signature', website => '' });
is($res->{status}, 403, 'a token whose time was changed: 403');
is($g->sql_value("SELECT count(*) FROM comments WHERE body = 'An older time, same signature'"), 0, 'nothing stored');

done_testing();

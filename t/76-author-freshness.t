#!/usr/bin/env perl
# Author pages stay fresh through nginx with its microcache on, as make
# run serves readers: a reader in the background asks for an author's
# page and feed (and an article's page) over and over while an editor
# publishes, unpublishes, and the author changes their bio and name.
# Every request that starts once the writer has been answered gets the
# new version: the writes name the author pages in the purge outbox.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;
use Time::HiRes qw(sleep time);

use constant T => 3;

my $g = GazetteTest->new(samples => 1);
my $ed = $g->login('jane', display => 'Jane Doe');
my $kim = $g->login('kim', display => 'Kim Lee', role => 'contributor');

sub has { my $re = shift; return sub { ($_[0]{content} // '') =~ $re } }
sub lacks { my $re = shift; return sub { $_[0]{status} == 200 && ($_[0]{content} // '') !~ $re } }

# check_write(NAME, WRITE, [PATH, IS_NEW, 'now' | 'bounded'] ...): run
# WRITE (which returns the writer's answer) while a reader watches the
# paths; then every answer to a request started after the writer's
# answer ('now') or T later ('bounded') must be the new version.  The
# reader must have seen the old version before the write, unless a
# fourth element says it may not have.
sub check_write {
	my ($name, $write, @checks) = @_;
	my $bounded = grep { $_->[2] eq 'bounded' } @checks;
	my $stop = "$g->{dir}/watch.stop";
	unlink($stop);
	my $done = $g->watch(30, { stop => $stop, pause => 0.01 }, map { [ $_->[0], $_->[1] ] } @checks);
	sleep(0.6);
	my $t0 = time;
	my $answer = $write->();
	my $t1 = time;
	sleep($bounded ? T + 0.5 : 1.0);
	open(my $fh, ">", $stop) or die "$stop: $!";
	close($fh);
	my $rows = $done->();
	for my $c (@checks) {
		my ($path, undef, $kind, $maybe_new_before) = @$c;
		my @mine = grep { $_->{path} eq $path } @$rows;
		my $limit = $kind eq 'now' ? $t1 : $t1 + T;
		ok((grep { $_->{t} + 0.2 < $t0 && !$_->{new} } @mine),
		    "$name: $path: the reader had the old version before")
		    unless $maybe_new_before;
		my @late = grep { $_->{t} > $limit && !$_->{new} } @mine;
		is(scalar @late, 0, "$name: $path: no old version " . ($kind eq 'now' ?
		    'once the writer was answered' : 'later than 3 s after the write'))
		    or diag(sprintf("%d of %d answers old, the last %.2f s after the write (%s)",
		    scalar @late, scalar @mine, $late[-1]{t} - $t1, $late[-1]{cache}));
		ok((grep { $_->{t} > $limit && $_->{new} } @mine), "$name: $path: the new version shown");
	}
	return $answer;
}


# Kim has one live article, so that her page exists before.
my $res = $ed->post('/admin/articles/new', { headline => 'Harbour notes', body => 'First.', authors => 'kim',
    action => 'publish' });
is($res->{status}, 303, 'Kim\'s first article');
my $ks = $g->sql_value("SELECT slug FROM users WHERE name = 'kim'");
my $page = "/authors/$ks";
my $feed = "/authors/$ks/feed.atom";
is($g->get($page)->{status}, 200, 'her page');
my $id;

check_write('publish', sub {
	my $r = $ed->post('/admin/articles/new', { headline => 'Lighthouse keeper retires', body => 'Text.',
	    authors => 'kim, jane', action => 'publish' });
	($id) = ($r->{headers}{location} // '') =~ m{/admin/articles/(\d+)/};
	return $r;
}, [$page, has(qr/Lighthouse keeper retires/), 'now'],
   [$feed, has(qr/Lighthouse keeper retires/), 'now']);
my $slug = $g->sql_value("SELECT slug FROM articles WHERE id = $id");

check_write('unpublish', sub {
	$ed->post("/admin/articles/$id/edit", { headline => 'Lighthouse keeper retires', body => 'Text.',
	    authors => 'kim, jane', action => 'unpublish' });
}, [$page, lacks(qr/Lighthouse keeper retires/), 'now'],
   [$feed, lacks(qr/Lighthouse keeper retires/), 'now']);

check_write('a new bio', sub {
	$kim->post('/account/profile', { display => 'Kim Lee', bio => 'Writes about ferries and fog.' });
}, [$page, has(qr/Writes about ferries and fog\./), 'now']);

my $first = $g->sql_value("SELECT slug FROM articles WHERE headline = 'Harbour notes'");
check_write('a new name', sub {
	$kim->post('/account/profile', { display => 'Kim Lee-Park', bio => 'Writes about ferries and fog.' });
}, [$page, has(qr/<h1>Kim Lee-Park<\/h1>/), 'now'],
   [$feed, has(qr/Kim Lee-Park/), 'now'],
   ["/articles/$first", has(qr{rel="author">Kim Lee-Park</a>}), 'now']);
is($g->sql_value("SELECT slug FROM users WHERE name = 'kim'"), $ks, 'the address stays');

done_testing;

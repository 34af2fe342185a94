#!/usr/bin/env perl
# Author pages stay fresh through nginx with its microcache on, as make
# run serves readers: a reader in the background asks for an author's
# page and feed (and an article's page, the site's feed and a tag's)
# over and over while an editor publishes, unpublishes, and the author
# changes their bio and name.
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

# Kim has one live article, so that her page exists before.
my $res = $ed->post('/admin/articles/new', { headline => 'Harbour notes', body => 'First.', authors => 'kim',
    tags => 'Harbour notes desk', action => 'publish' });
is($res->{status}, 303, 'Kim\'s first article');
my $ks = $g->sql_value("SELECT slug FROM users WHERE name = 'kim'");
my $page = "/authors/$ks";
my $feed = "/authors/$ks/feed.atom";
is($g->get($page)->{status}, 200, 'her page');
my $id;

$g->check_write(T, 'publish', sub {
	my $r = $ed->post('/admin/articles/new', { headline => 'Lighthouse keeper retires', body => 'Text.',
	    authors => 'kim, jane', action => 'publish' });
	($id) = ($r->{headers}{location} // '') =~ m{/admin/articles/(\d+)/};
	return $r;
}, [$page, has(qr/Lighthouse keeper retires/), 'now'],
   [$feed, has(qr/Lighthouse keeper retires/), 'now']);
my $slug = $g->sql_value("SELECT slug FROM articles WHERE id = $id");

$g->check_write(T, 'unpublish', sub {
	$ed->post("/admin/articles/$id/edit", { headline => 'Lighthouse keeper retires', body => 'Text.',
	    authors => 'kim, jane', action => 'unpublish' });
}, [$page, lacks(qr/Lighthouse keeper retires/), 'now'],
   [$feed, lacks(qr/Lighthouse keeper retires/), 'now']);

$g->check_write(T, 'a new bio', sub {
	$kim->post('/account/profile', { display => 'Kim Lee', bio => 'Writes about ferries and fog.' });
}, [$page, has(qr/Writes about ferries and fog\./), 'now']);

my $first = $g->sql_value("SELECT slug FROM articles WHERE headline = 'Harbour notes'");
$g->check_write(T, 'a new name', sub {
	$kim->post('/account/profile', { display => 'Kim Lee-Park', bio => 'Writes about ferries and fog.' });
}, [$page, has(qr/<h1>Kim Lee-Park<\/h1>/), 'now'],
   [$feed, has(qr/Kim Lee-Park/), 'now'],
   ["/articles/$first", has(qr{rel="author">Kim Lee-Park</a>}), 'now'],
   # Feed entries name their authors: the site's and her articles' tags'.
   ['/feed.atom', has(qr{<name>Kim Lee-Park</name>}), 'now'],
   ['/tags/harbour-notes-desk/feed.atom', has(qr{<name>Kim Lee-Park</name>}), 'now']);
is($g->sql_value("SELECT slug FROM users WHERE name = 'kim'"), $ks, 'the address stays');

done_testing;

#!/usr/bin/env perl
# Several caches in front of one app, as on several machines: the app
# purges every node after a write; a node that is down then is purged
# once it is back, before it can serve the old page from its disk (as
# it would with stale-if-error while the app is down); /admin and
# gazette check show a node that is behind.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;
use Time::HiRes qw(sleep time);

my $g = GazetteTest->new(samples => 1, cache_nodes => 2);
my $ed = $g->login('jane', display => 'Jane Doe');
my ($gone, $kept) = map { $g->sql_value("SELECT slug FROM articles WHERE headline LIKE '$_%'") }
    'Council approves', 'Court rules';

# Both nodes hold both articles.
for my $i (1, 2) {
	$g->node_get($i, "/articles/$_") for $gone, $kept, $gone, $kept;
	is($g->node_get($i, "/articles/$gone")->{headers}{'x-cache'}, 'HIT', "node $i holds the article");
}

# A write with both nodes up: both are purged before the editor is
# answered.
my $id = $g->sql_value("SELECT id FROM articles WHERE slug = '$kept'");
my $row = $g->sql("SELECT headline, summary, byline, dateline, source, body_md FROM articles WHERE id = $id")->[0];
my %form = (headline => 'Court orders quieter nights at the tram depot', summary => $row->{summary},
    byline => $row->{byline}, dateline => $row->{dateline}, source => $row->{source}, body => $row->{body_md},
    tags => 'Transport', slug => $kept, change => 'typo', action => 'save');
is($ed->post("/admin/articles/$id/edit", \%form)->{status}, 303, 'an edit');
for my $i (1, 2) {
	like($g->node_get($i, "/articles/$kept")->{content}, qr/quieter nights/, "node $i shows it on the next request");
}
$g->node_get(2, "/articles/$kept") for 1 .. 2;

# Node 2 goes down; the article is deleted meanwhile.
$g->stop_node(2);
my $gid = $g->sql_value("SELECT id FROM articles WHERE slug = '$gone'");
is($ed->post("/admin/articles/$gid/delete", {})->{status}, 303, 'the editor deletes an article while node 2 is down');
is($g->node_get(1, "/articles/$gone")->{status}, 410, 'node 1: gone on the next request');

my $waiting = sub { $g->sql_value("SELECT count(*) FROM purge_outbox o JOIN purge_nodes n ON o.id > n.acked WHERE n.node LIKE '%node2%'") };
cmp_ok($waiting->(), '>', 0, 'node 2\'s purges wait in the outbox');
like($ed->get('/admin')->{content}, qr{cache 2 \(this machine\)</span>: <strong>\d+ purges waiting</strong>, the oldest since <time},
    '/admin shows node 2 behind');
my ($rc, $out) = $g->cli('check');
like($out, qr{cache unix:\S+node2/nginx-purge\.sock: \d+ purges waiting, the oldest for \d+ s; last error: }, 'so does gazette check')
    or diag($out);
like($out, qr{cache unix:\S+/nginx-purge\.sock: up to date}, 'and node 1 up to date');
is($rc, 0, 'gazette check passes while the purges have waited less than a minute');
$g->sql("UPDATE purge_outbox SET created_at = created_at - 120");
($rc, $out) = $g->cli('check');
is($rc, 1, 'and fails once they have waited longer: a stuck cache node') or diag($out);
like($out, qr{node2/nginx-purge\.sock: \d+ purges waiting, the oldest for 1\d\d s}, 'saying which and how long');

# Node 2 returns with its cache on disk; the app purges it within its
# retry interval.
$g->start_node(2);
my $t = time;
sleep(0.1) while $waiting->() && time - $t < 5;
is($waiting->(), 0, sprintf('node 2 is purged once it is back (%.1f s)', time - $t));
like($ed->get('/admin')->{content}, qr{cache 2 \(this machine\)</span>: up to date}, '/admin shows it up to date');

# With the app down, node 2 serves what it still has from before: the
# other article, but not the deleted one, whose copy the purge removed
# (nobody has asked node 2 for it since, so only the purge removed it).
$g->node_get(2, "/articles/$kept");
$g->stop_app('TERM');
sleep(2.1);
my $res = $g->node_get(2, "/articles/$kept");
is("$res->{status} $res->{headers}{'x-cache'}", '200 STALE', 'app down: node 2 still serves the other article from its cache');
$res = $g->node_get(2, "/articles/$gone");
isnt($res->{status}, 200, "but not the deleted one ($res->{status})");
unlike($res->{content} // '', qr/Council approves new cross-harbour/, 'nothing of it');
$g->start_app;
is($g->node_get(2, "/articles/$gone")->{status}, 410, 'with the app back, node 2 says it is gone');
done_testing();

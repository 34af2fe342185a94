#!/usr/bin/env perl
# Takedowns hold under load and when the app stops: readers keep asking
# for an article before, while and for ten seconds after an editor
# deletes it (another is unpublished, a tag renamed), through nginx with
# its microcache on.  Three seconds after the write not one answer is
# the old page.  Then the app stops: nginx serves other pages from its
# cache (fastcgi_cache_use_stale) but never the withdrawn ones, and after a
# restart they are still gone.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;
use Time::HiRes qw(sleep time);

use constant T => 3;

my $g = GazetteTest->new(samples => 1);
my $ed = $g->login('jane', display => 'Jane Doe');
my %slug = map { $_->{k} => $_->{slug} } @{ $g->sql(
    "SELECT 'ferry' AS k, slug FROM articles WHERE headline LIKE 'Council approves%' UNION ALL "
    . "SELECT 'storm', slug FROM articles WHERE headline LIKE 'Overnight storm%' UNION ALL "
    . "SELECT 'court', slug FROM articles WHERE headline LIKE 'Court rules%' UNION ALL "
    . "SELECT 'lantern', slug FROM articles WHERE headline LIKE 'Lantern festival%'") };
my %id = map { $_ => $g->sql_value("SELECT id FROM articles WHERE slug = '$slug{$_}'") } keys %slug;
my $shows = sub { my $re = shift; sub { $_[0]{status} == 200 && ($_[0]{content} // '') =~ $re } };

# One more article is in nginx's cache, and nobody asks for it again
# after it is deleted: only the purge can remove that copy.
$g->get("/articles/$slug{lantern}") for 1 .. 2;
is($g->get("/articles/$slug{lantern}")->{headers}{'x-cache'}, 'HIT', 'an article nginx holds');

# The readers: three on the article to delete, one on the others.
my @readers = map { $g->watch(14, ["/articles/$slug{ferry}", $shows->(qr/Council approves new cross-harbour/)]) } 1 .. 3;
push @readers, $g->watch(14, { pause => 0.01 },
    ["/articles/$slug{storm}", $shows->(qr/Overnight storm closes/)],
    ['/tags/transport', $shows->(qr/Council approves|Court rules/)]);
sleep(1.5);

my $t0 = time;
my $res = $ed->post("/admin/articles/$id{ferry}/delete", {});
my $t1 = time;
is($res->{status}, 303, 'the editor deletes the article while readers ask for it');
my $row = $g->sql("SELECT headline, summary, byline, dateline, source, body_md FROM articles WHERE id = $id{storm}")->[0];
is($ed->post("/admin/articles/$id{storm}/edit", { headline => $row->{headline}, summary => $row->{summary},
    byline => $row->{byline}, dateline => $row->{dateline}, source => $row->{source}, body => $row->{body_md},
    tags => 'Weather', slug => $slug{storm}, action => 'unpublish' })->{status}, 303, 'unpublishes another');
my $tid = $g->sql_value("SELECT id FROM tags WHERE slug = 'transport'");
is($ed->post("/admin/tags/$tid/rename", { name => 'Getting around' })->{status}, 303, 'and renames a tag');
is($ed->post("/admin/articles/$id{lantern}/delete", {})->{status}, 303, 'and deletes the article nginx holds');
my $t2 = time;

my @rows = map { @{ $_->() } } @readers;
my @ferry = grep { $_->{path} eq "/articles/$slug{ferry}" } @rows;
ok((grep { $_->{new} && $_->{t} < $t0 } @ferry), 'the readers had the article before');
my @after = grep { $_->{t} > $t1 } @ferry;
cmp_ok(scalar @after, '>', 100, scalar(@after) . ' answers in the ten seconds after the deletion');
my @late = grep { $_->{new} && $_->{t} > $t1 + T } @ferry;
is(scalar @late, 0, 'not one of them, 3 s after the deletion, is the article');
is(scalar(grep { $_->{new} } @after), 0, 'nor one after the editor was answered (the purge went first)');
is(join(',', sort { $a <=> $b } keys %{ { map { $_->{status} => 1 } @after } }), '410', 'all of them are 410 Gone');
my @storm = grep { $_->{path} eq "/articles/$slug{storm}" && $_->{t} > $t2 } @rows;
ok(@storm && !grep({ $_->{new} } @storm), 'the unpublished article is not shown after its write either');
my @tag = grep { $_->{path} eq '/tags/transport' && $_->{t} > $t2 } @rows;
ok(@tag && !grep({ $_->{new} } @tag), 'nor the renamed tag\'s old page');

# The app stops: other pages still come from nginx's cache, withdrawn
# ones never.
my %other = (front => '/', court => "/articles/$slug{court}");
$g->get($_) for values %other;
$g->stop_app('TERM');
sleep(2.1);	# every copy in the microcache is past its life now
for my $k (sort keys %other) {
	$res = $g->get($other{$k});
	is($res->{status}, 200, "app stopped: $other{$k} still served");
	like($res->{headers}{'x-cache'} // '', qr/STALE/, 'from the cache (fastcgi_cache_use_stale)');
}
for my $path ("/articles/$slug{ferry}", "/articles/$slug{storm}", '/tags/transport', "/articles/$slug{lantern}") {
	$res = $g->get($path);
	isnt($res->{status}, 200, "app stopped: $path is not served ($res->{status})");
	unlike($res->{content} // '', qr/Council approves new cross-harbour|Overnight storm closes|Lantern festival returns/,
	    'and shows nothing of the withdrawn page');
}

# And after a restart.
$g->start_app;
is($g->get("/articles/$slug{ferry}")->{status}, 410, 'app restarted: the deleted article is still gone');
is($g->get("/articles/$slug{storm}")->{status}, 404, 'the unpublished one still unknown');
is($g->get('/tags/transport')->{status}, 301, 'the old tag still moved');
is($g->get($other{court})->{status}, 200, 'the rest is served');
done_testing();

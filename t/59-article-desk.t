#!/usr/bin/env perl
# The newsroom's article list: filters by status, author, topic and
# headline words, pages that keep the filters; bulk publish, unpublish
# and delete: a confirmation page that changes nothing and says what
# will change for each article (or why not), then the change, with a
# purge outbox row and an audit row for each article; CSRF and roles
# checked; bad filters refused.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;

my $g = GazetteTest->new;
my ($rc, undef, $err) = $g->cli('generate', '--articles', 70, '--comments-per-article', 0,
    '--tags', 4, '--seed', 59);
is($rc, 0, 'generate made 70 articles') or diag($err);
my $ed = $g->login('jane', display => 'Jane Doe');
my $cora = $g->login('cora', display => 'Cora Voss', role => 'contributor');

# A few of our own: drafts by Cora, one with a telling headline.
my @drafts;
for my $i (1 .. 3) {
	my $res = $cora->post('/admin/articles/new', { headline => "Ferry timetable $i <b>", body => "Text $i.",
	    tags => 'Ferries', action => 'save' });
	push @drafts, ($res->{headers}{location} // '') =~ m{/admin/articles/(\d+)/edit};
}
is(scalar @drafts, 3, 'three drafts by Cora');
my $res = $ed->post('/admin/articles/new', { headline => 'Empty for now', body => '', action => 'save' });
my ($empty) = ($res->{headers}{location} // '') =~ m{/admin/articles/(\d+)/edit};
ok($empty, 'a draft with no text');
sub ids_of { [ $_[0]{content} =~ m{<a class="headline" href="/admin/articles/(\d+)/edit">}g ] }

# Filters.
$res = $ed->get('/admin/articles?status=draft&author=cora');
is_deeply([ sort { $a <=> $b } @{ ids_of($res) } ], [ sort { $a <=> $b } @drafts ], "Cora's drafts");
like($res->{content}, qr{<option value="cora" selected>}, 'the author filter shows what was asked');
$res = $ed->get('/admin/articles?status=all&q=TIMETABLE+2');
is_deeply(ids_of($res), [ $drafts[1] ], 'a headline search, in any case');
like($res->{content}, qr{Ferry timetable 2 &lt;b&gt;}, 'the headline escaped');
$res = $ed->get('/admin/articles?status=all&q=%25');
is_deeply(ids_of($res), [], 'a % searches for itself');
$res = $ed->get('/admin/articles?status=all&tag=ferries');
is(scalar @{ ids_of($res) }, 3, 'by topic');
my $live = $g->sql_value("SELECT count(*) FROM articles WHERE status = 'published' AND published_at <= " . int(time));
my @all;
my $url = '/admin/articles?status=published';
my $pages = 0;
while ($url && $pages++ < 10) {
	$res = $ed->get($url);
	is($res->{status}, 200, "published page $pages");
	push @all, @{ ids_of($res) };
	($url) = $res->{content} =~ m{<a rel="next" href="([^"]+)">Older};
	if ($url) {
		$url =~ s/&amp;/&/g;
		like($url, qr{status=published}, 'the next page keeps the filter');
	}
}
is(scalar @all, $live, "the pages list the $live published articles");
my %seen;
is(scalar(grep { $seen{$_}++ } @all), 0, 'each once');
$res = $ed->get('/admin/articles?status=all&tag=ferries&q=ferry&author=cora');
is(scalar @{ ids_of($res) }, 3, 'filters together');
like($res->{content}, qr{value="ferry"}, 'the search box keeps the words');

# Bad filters: 400, and the XSS of a search reflected escaped.
is($ed->get('/admin/articles?status=nothing')->{status}, 400, 'an unknown status: 400');
is($ed->get('/admin/articles?author=ghost')->{status}, 400, 'an unknown account: 400');
is($ed->get('/admin/articles?tag=no-such-topic')->{status}, 400, 'an unknown topic: 400');
is($ed->get('/admin/articles?tag=Bad_Slug')->{status}, 400, 'a malformed topic: 400');
is($ed->get('/admin/articles?q=' . ('x' x 201))->{status}, 400, 'an overlong search: 400');
is($ed->get('/admin/articles?q=a%01b')->{status}, 400, 'a control character: 400');
is($ed->get('/admin/articles?q=%FF')->{status}, 400, 'not UTF-8: 400');
$res = $ed->get('/admin/articles?status=all&q=%22%3E%3Cscript%3Ealert(1)%3C/script%3E');
is($res->{status}, 200, 'a search with markup');
unlike($res->{content}, qr{<script>alert}, 'is never markup');
like($res->{content}, qr{value="&quot;&gt;&lt;script&gt;alert\(1\)&lt;/script&gt;"}, 'but the words, escaped');
is($cora->get('/admin/articles')->{status}, 403, 'contributors have no list: 403');

# Bulk: the confirmation changes nothing.
my $pub = $g->sql_value("SELECT id FROM articles WHERE status = 'published' AND published_at <= " . int(time) . " ORDER BY id LIMIT 1");
my $fp = $g->fingerprint;
my $outbox = $g->sql_value('SELECT count(*) FROM purge_outbox');
$res = $ed->post('/admin/articles/bulk', [ action => 'publish', 'id[]' => $drafts[0], 'id[]' => $drafts[1],
    'id[]' => $empty, 'id[]' => $pub ]);
is($res->{status}, 200, 'the confirmation page');
like($res->{content}, qr{Ferry timetable 1 &lt;b&gt;.*?will be published}s, 'says what will change');
like($res->{content}, qr{Empty for now.*?Left as it is: It has no text yet\.}s, 'and what will not, and why');
like($res->{content}, qr{Left as it is: It is published already\.}, 'a published one is left alone');
like($res->{content}, qr{<button type="submit">Publish 2 articles</button>}, 'the button says how many');
my @hidden = $res->{content} =~ m{<input type="hidden" name="id\[\]" value="(\d+)">}g;
is_deeply([ sort @hidden ], [ sort @drafts[0, 1] ], 'only those that will change are sent on');
is($g->fingerprint, $fp, 'nothing changed yet');

# CSRF, roles, bad forms: refused, nothing changed.
is($g->post('/admin/articles/bulk/confirm', [ action => 'publish', 'id[]' => $drafts[0] ],
    { Cookie => $ed->cookie })->{status}, 403, 'without the token: 403');
is($ed->post_raw('/admin/articles/bulk/confirm', [ csrf => 'A' x 43, action => 'publish', 'id[]' => $drafts[0] ])->{status},
    403, 'a forged token: 403');
is($cora->post('/admin/articles/bulk/confirm', [ action => 'publish', 'id[]' => $drafts[0] ])->{status}, 403,
    'a contributor cannot publish: 403');
is($cora->post('/admin/articles/bulk', [ action => 'delete', 'id[]' => $drafts[0] ])->{status}, 403,
    'nor delete');
is($ed->post('/admin/articles/bulk', [ action => 'burn', 'id[]' => $drafts[0] ])->{status}, 400, 'an unknown action: 400');
is($ed->post('/admin/articles/bulk', [ action => 'publish' ])->{status}, 400, 'no article: 400');
is($ed->post('/admin/articles/bulk', [ action => 'publish', 'id[]' => 'x' ])->{status}, 400, 'a malformed number: 400');
is($ed->post('/admin/articles/bulk', [ action => 'publish', 'id[]' => 1, 'id[]' => 1 ])->{status}, 400, 'a number twice: 400');
is($ed->post('/admin/articles/bulk', [ action => 'publish', map { ('id[]' => $_) } 1 .. 201 ])->{status}, 400,
    'too many: 400');
is($g->fingerprint, $fp, 'the refusals changed nothing');

# The change: each article with its purges and its audit row.
# A cache node that never answers keeps the rows in the outbox (the
# real one acknowledges them at once, and acknowledged rows are pruned).
my $max_outbox = $g->sql_value(GazetteTest::pg()
    ? "SELECT coalesce(pg_sequence_last_value(pg_get_serial_sequence('purge_outbox', 'id')), 0)"
    : "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'purge_outbox'), 0)");
$g->sql("INSERT INTO purge_nodes (node, listed_at, acked) VALUES ('http://127.0.0.1:9', " . int(time) . ", $max_outbox)");
$res = $ed->post('/admin/articles/bulk/confirm', [ action => 'publish', map { ('id[]' => $_) } @drafts[0, 1], $empty ]);
is($res->{status}, 303, 'confirmed: 303');
like($res->{headers}{location}, qr{/admin/articles\?status=all&done=published&n=2$}, 'to the list, saying two');
like($ed->get($res->{headers}{location})->{content}, qr{2 articles published\.}, 'which says so');
is($g->sql_value("SELECT count(*) FROM articles WHERE id IN ($drafts[0], $drafts[1]) AND status = 'published'"), 2,
    'both published');
is($g->sql_value("SELECT status FROM articles WHERE id = $empty"), 'draft', 'the empty one left alone');
for my $id (@drafts[0, 1]) {
	my $slug = $g->sql_value("SELECT slug FROM articles WHERE id = $id");
	is($g->sql_value("SELECT count(*) FROM purge_outbox WHERE id > $max_outbox AND kind = 'article' AND slug = '$slug'"),
	    2, "article $id: its purge rows (as it was and as it is)");
	is($g->sql_value("SELECT count(*) FROM audit_log WHERE action = 'article.publish' AND target = 'article $id' AND who = 'jane'"),
	    1, "article $id: its audit row");
	is($g->get("/articles/$slug")->{status}, 200, "article $id: readers see it");
}
is($g->sql_value("SELECT count(*) FROM purge_outbox WHERE id > $max_outbox AND kind = 'author'"), 4,
    "Cora's author page named for each (before and after)");
is($g->sql_value("SELECT count(*) FROM revisions WHERE article_id = $drafts[0] AND kind = 'publish'"), 1,
    'a revision records it');

$res = $ed->post('/admin/articles/bulk/confirm', [ action => 'unpublish', 'id[]' => $drafts[0] ]);
is($res->{status}, 303, 'unpublished');
is($g->sql_value("SELECT status FROM articles WHERE id = $drafts[0]"), 'draft', 'a draft again');
is($g->sql_value("SELECT count(*) FROM audit_log WHERE action = 'article.unpublish' AND target = 'article $drafts[0]'"), 1,
    'audited');
$res = $ed->post('/admin/articles/bulk/confirm', [ action => 'delete', map { ('id[]' => $_) } @drafts ]);
is($res->{status}, 303, 'deleted');
is($g->sql_value("SELECT count(*) FROM articles WHERE id IN (" . join(',', @drafts) . ") AND status = 'deleted'"), 3,
    'all three withdrawn');
is($g->sql_value("SELECT count(*) FROM audit_log WHERE action = 'article.delete'"), 3, 'three audit rows');
my $slug1 = $g->sql_value("SELECT slug FROM articles WHERE id = $drafts[1]");
is($g->get("/articles/$slug1")->{status}, 410, 'readers get 410');

done_testing;

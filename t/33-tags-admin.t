#!/usr/bin/env perl
# Tag management: rename (the slug follows, the old address redirects),
# merge two tags, delete an unused one; counts, the articles' copies of
# their tags and the search index stay right.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;

my $g = GazetteTest->new(samples => 1);
my $ed = $g->login('tom');
my $tag = sub { $g->sql("SELECT * FROM tags WHERE slug = '$_[0]'")->[0] };
my $live_count = sub {
	$g->sql_value("SELECT count(*) FROM article_tags x JOIN articles a ON a.id = x.article_id "
	    . "JOIN tags t ON t.id = x.tag_id WHERE t.slug = '$_[0]' AND a.status = 'published'");
};

my $res = $ed->get('/admin/tags');
is($res->{status}, 200, 'the tag page');
my $council = $tag->('city-council');
like($res->{content}, qr{<a href="/tags/city-council">City council</a>.*?<td>$council->{article_count}</td>}s, 'lists tags with counts');

# Rename.
$res = $ed->post_raw("/admin/tags/$council->{id}/rename", [ name => 'Town council' ]);
is($res->{status}, 403, 'renaming without the token: 403');
ok($tag->('city-council'), 'nothing changed');
my @ids = map { $_->{article_id} } @{ $g->sql("SELECT article_id FROM article_tags WHERE tag_id = $council->{id}") };
my $mod_before = $g->sql_value("SELECT max(modified_at) FROM articles WHERE id IN (" . join(',', @ids) . ")");
$res = $ed->post("/admin/tags/$council->{id}/rename", { name => 'Town council' });
is($res->{status}, 303, 'renaming: 303');
is($res->{headers}{location}, '/admin/tags?done=renamed', 'back to the list');
my $town = $tag->('town-council');
is($town->{id}, $council->{id}, 'the same tag has the new slug');
is($town->{name}, 'Town council', 'and name');
is($town->{article_count}, $council->{article_count}, 'and the same count');
$res = $g->get('/tags/city-council');
is($res->{status}, 301, 'the old tag address: 301');
is($res->{headers}{location}, '/tags/town-council', 'to the new one');
like($g->get('/tags/town-council')->{content}, qr{<h1>Town council</h1>}, 'which answers');
is($g->sql_value("SELECT count(*) FROM articles WHERE id IN (" . join(',', @ids) . ") AND tag_list LIKE '%town-council\tTown council%'"),
    scalar @ids, "every article's tag list has the new name");
is($g->sql_value("SELECT count(*) FROM articles WHERE tag_list LIKE '%city-council%'"), 0, 'none has the old one');
my $slug = $g->sql_value("SELECT slug FROM articles WHERE id = $ids[0]");
like($g->get("/articles/$slug")->{content}, qr{<a href="/tags/town-council">Town council</a>}, 'article pages link the new name');
like($g->get('/')->{content}, qr{<a href="/tags/town-council">Town council</a>}, 'and so does the front page');
is($g->sql_value("SELECT count(*) FROM articles_fts WHERE tags LIKE '%Town council%'"), scalar @ids, 'the search index has the new name');
ok($g->sql_value("SELECT min(modified_at) FROM articles WHERE id IN (" . join(',', @ids) . ")") >= $mod_before, 'the articles count as changed');

$res = $ed->post("/admin/tags/$council->{id}/rename", { name => 'Town Council' });
is($res->{status}, 303, 'a change of case only: 303');
is($tag->('town-council')->{name}, 'Town Council', 'the name changes, the slug stays');
$res = $ed->post("/admin/tags/$council->{id}/rename", { name => 'Harbour' });
is($res->{status}, 422, "another tag's name: 422");
like($res->{content}, qr{Another tag already has that name: merge the two instead}, 'suggests merging');
$res = $ed->post("/admin/tags/$council->{id}/rename", { name => '!!!' });
is($res->{status}, 422, 'a name without letters: 422');
$res = $ed->post("/admin/tags/$council->{id}/rename", { name => 'x' x 61 });
is($res->{status}, 422, 'a name over 60 characters: 422');
is($tag->('town-council')->{name}, 'Town Council', 'nothing changed');
is($ed->post('/admin/tags/99999/rename', { name => 'Anything' })->{status}, 404, 'an unknown tag: 404');

# Merge Culture into Harbour; one article carries both.
my $culture = $tag->('culture');
my $harbour = $tag->('harbour');
my $both = $g->sql_value("SELECT a.article_id FROM article_tags a JOIN article_tags b ON a.article_id = b.article_id "
    . "WHERE a.tag_id = $culture->{id} AND b.tag_id = $harbour->{id}");
ok($both, 'an article carries both Culture and Harbour');
$res = $ed->post("/admin/tags/$culture->{id}/merge", { into => 'Harbour' });
is($res->{status}, 303, 'merging: 303');
ok(!$tag->('culture'), 'Culture is gone');
$res = $g->get('/tags/culture');
is($res->{status}, 301, 'its address: 301');
is($res->{headers}{location}, '/tags/harbour', 'to Harbour');
is($tag->('harbour')->{article_count}, $live_count->('harbour'), 'the count of Harbour is right');
is($tag->('harbour')->{article_count}, 3, 'three articles now');
is($g->sql_value("SELECT count(*) FROM article_tags WHERE article_id = $both AND tag_id = $harbour->{id}"), 1, 'the article with both has it once');
is($g->sql_value("SELECT tag_list FROM articles WHERE id = $both"), "harbour\tHarbour\ntown-council\tTown Council\n",
    'its tag list has no duplicate');
is($g->sql_value("SELECT count(*) FROM articles WHERE tag_list LIKE '%culture%'"), 0, 'no article lists Culture');
my $hslug = $g->sql_value("SELECT slug FROM articles WHERE id = $both");
like($g->get('/tags/harbour')->{content}, qr{href="/articles/$hslug"}, 'the Harbour page lists it');

# Old addresses follow a tag through a rename and a merge.
$res = $ed->post("/admin/tags/$council->{id}/rename", { name => 'City hall' });
is($g->get('/tags/city-council')->{headers}{location}, '/tags/city-hall', 'the first address follows the second rename');
my $transport = $tag->('transport');
$res = $ed->post("/admin/tags/$council->{id}/merge", { into => 'transport' });
is($res->{status}, 303, 'merging by slug: 303');
is($g->get('/tags/city-council')->{headers}{location}, '/tags/transport', 'the first address follows the merge');
is($g->get('/tags/city-hall')->{headers}{location}, '/tags/transport', 'and so does the second');
is($tag->('transport')->{article_count}, $live_count->('transport'), 'the count of Transport is right');
is($g->sql_value("SELECT sum(article_count) FROM tags"), $g->sql_value(
    "SELECT count(*) FROM article_tags x JOIN articles a ON a.id = x.article_id WHERE a.status = 'published'"),
    'every count matches the published articles');
$res = $ed->post("/admin/tags/$transport->{id}/merge", { into => 'Nonexistent tag' });
is($res->{status}, 422, 'merging into an unknown tag: 422');
like($res->{content}, qr{There is no tag called &quot;Nonexistent tag&quot;}, 'says so');
$res = $ed->post("/admin/tags/$transport->{id}/merge", { into => 'Transport' });
is($res->{status}, 422, 'merging a tag into itself: 422');
ok($tag->('transport'), 'Transport is still there');

# Delete: only an unused tag.
$res = $ed->post("/admin/tags/$transport->{id}/delete", {});
is($res->{status}, 422, 'deleting a used tag: 422');
like($res->{content}, qr{still used by articles}, 'says why');
ok($tag->('transport'), 'it stays');
$res = $ed->post('/admin/articles/new', { headline => 'Short-lived', body => 'Text.', tags => 'Ephemeral tag', action => 'save' });
my ($aid) = $res->{headers}{location} =~ m{/admin/articles/(\d+)/};
my $eph = $tag->('ephemeral-tag');
ok($eph, 'a draft made a tag');
like($ed->get('/admin/tags')->{content}, qr{id="tag-$eph->{id}">.*?<small>in use</small>}s, 'in use while the draft has it');
$ed->post("/admin/articles/$aid/edit", { headline => 'Short-lived', body => 'Text.', tags => '', slug => 'short-lived' });
like($ed->get('/admin/tags')->{content}, qr{action="/admin/tags/$eph->{id}/delete"}, 'unused: it can be deleted');
is($ed->post_raw("/admin/tags/$eph->{id}/delete", [])->{status}, 403, 'without the token: 403');
ok($tag->('ephemeral-tag'), 'still there');
$res = $ed->post("/admin/tags/$eph->{id}/delete", {});
is($res->{status}, 303, 'deleting it: 303');
ok(!$tag->('ephemeral-tag'), 'gone');
is($g->get('/tags/ephemeral-tag')->{status}, 404, 'its page is 404');
is($ed->post("/admin/tags/$eph->{id}/delete", {})->{status}, 404, 'deleting it again: 404');
like($ed->get('/admin/tags?done=deleted')->{content}, qr{The tag was deleted}, 'the list says so');
done_testing();

#!/usr/bin/env perl
# Revisions: every save keeps one, numbered 1, 2, 3 ... per article;
# the list; the difference between any two, line by line and word by
# word within a changed line (<del> and <ins> that wrap); restoring
# one (itself a new revision).
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;

my $g = GazetteTest->new;
my $ed = $g->login('ana', display => 'Ana Lind');

my %v1 = (
	headline => 'Night ferry timetable changes from March',
	body => "The last ferry will leave at 23:40.\n\nTickets bought earlier stay valid.\n\nThe harbour office opens at seven.",
	tags => 'Ferries, Timetables',
	action => 'save',
);
my $res = $ed->post('/admin/articles/new', \%v1);
my ($id) = $res->{headers}{location} =~ m{/admin/articles/(\d+)/};
ok($id, 'a draft');
my $slug = $g->sql_value("SELECT slug FROM articles WHERE id = $id");
my %v2 = (%v1, slug => $slug, body => "The last ferry will leave at 23:55.\n\nTickets bought earlier stay valid.\n\nThe harbour office opens at seven.");
is($ed->post("/admin/articles/$id/edit", \%v2)->{status}, 303, 'a second save');
my %v3 = (%v2, headline => 'Night ferry leaves later from March', tags => 'Ferries, Timetables, Harbour', action => 'publish');
is($ed->post("/admin/articles/$id/edit", \%v3)->{status}, 303, 'a third, publishing');

my $revs = $g->sql("SELECT id, number, kind, user_id, headline FROM revisions WHERE article_id = $id ORDER BY id");
is(scalar @$revs, 3, 'three saves, three revisions');
is_deeply([map { $_->{kind} } @$revs], ['edit', 'edit', 'publish'], 'kinds: edit, edit, publish');
ok(!(grep { !$_->{user_id} } @$revs), 'each names its editor');
is_deeply([map { $_->{number} } @$revs], [1, 2, 3], 'numbered 1, 2, 3 for this article');
$_->{id} = $_->{number} for @$revs;	# addresses and the page use numbers

# The list, and by default the difference between the last two.
$res = $ed->get("/admin/articles/$id/revisions");
is($res->{status}, 200, 'the revisions page');
my @listed = $res->{content} =~ m{<td>(\d+)</td><td><time}g;
is_deeply(\@listed, [reverse map { $_->{id} } @$revs], 'lists them newest first');
like($res->{content}, qr{<td>Ana Lind</td><td>publish</td>}, 'with who and what');
like($res->{content}, qr{Revision $revs->[1]{id} &rarr; revision $revs->[2]{id}}, 'compares the last two by default');
like($res->{content}, qr{<tr class="chg"><td class="ln">1</td><td class="ln">1</td><td class="mark">~</td><td class="text">Headline: Night ferry <del>timetable changes </del><ins>leaves later </ins>from March</td></tr>},
    'the headline changed, word by word');
like($res->{content}, qr{<td class="text">Tags: Ferries, <del>Timetables</del><ins>Timetables, Harbour</ins></td>}, 'tags are compared too');
unlike($res->{content}, qr{<pre>}, 'no <pre> that would not wrap');
unlike($res->{content}, qr{class="(?:del|ins)"[^\n]*23:55}, 'the unchanged body line is not marked');

# Any two.
$res = $ed->get("/admin/articles/$id/revisions?from=$revs->[0]{id}&to=$revs->[1]{id}");
is($res->{status}, 200, 'comparing the first two');
like($res->{content}, qr{<tr class="chg">[^\n]*<td class="text">The last ferry will leave at <del>23:40\.</del><ins>23:55\.</ins></td>},
    'one word changed in a paragraph: only that word is marked');
like($res->{content}, qr{<tr class="same">[^\n]*<td class="text">Tickets bought earlier stay valid\.</td>}, 'with unchanged context');
$res = $ed->get("/admin/articles/$id/revisions?from=$revs->[0]{id}&to=$revs->[0]{id}");
like($res->{content}, qr{The two revisions are the same}, 'a revision against itself: no differences');
is($ed->get("/admin/articles/$id/revisions?from=x&to=1")->{status}, 400, 'a malformed revision number: 400');
is($ed->get("/admin/articles/$id/revisions?from=$revs->[0]{id}")->{status}, 400, 'only one revision: 400');
$ed->post('/admin/articles/new', { %v1, headline => 'Another article' });
my $foreign = 99;	# no revision 99 of this article
is($ed->get("/admin/articles/$id/revisions?from=$foreign&to=$revs->[0]{id}")->{status}, 404, "another article's revision: 404");
is($ed->get('/admin/articles/99999/revisions')->{status}, 404, 'an unknown article: 404');

# Restoring the first revision.
my $before = $g->sql_value("SELECT count(*) FROM revisions WHERE article_id = $id");
$res = $ed->post_raw("/admin/articles/$id/revisions/$revs->[0]{id}/restore", []);
is($res->{status}, 403, 'restoring without the token: 403');
is($g->sql_value("SELECT count(*) FROM revisions WHERE article_id = $id"), $before, 'nothing changed');
$res = $ed->post("/admin/articles/$id/revisions/$foreign/restore", {});
is($res->{status}, 404, "restoring another article's revision: 404");
$res = $ed->post("/admin/articles/$id/revisions/$revs->[0]{id}/restore", {});
is($res->{status}, 303, 'restoring: 303');
is($res->{headers}{location}, "/admin/articles/$id/edit?done=restored", 'to the edit page');
my $row = $g->sql("SELECT headline, body_md, status, slug, tag_list FROM articles WHERE id = $id")->[0];
is($row->{headline}, $v1{headline}, 'the first headline is back');
like($row->{body_md}, qr/23:40/, 'and the first text');
is($row->{status}, 'published', 'the status stays');
is($row->{slug}, $slug, 'so does the address');
is($row->{tag_list}, "ferries\tFerries\ntimetables\tTimetables\n", 'the tags are restored');
like($g->get("/articles/$slug")->{content}, qr/23:40/, 'readers see the restored text');
my $after = $g->sql("SELECT kind FROM revisions WHERE article_id = $id ORDER BY id");
is(scalar @$after, $before + 1, 'a new revision');
is($after->[-1]{kind}, 'restore', 'of kind restore');
is($g->sql_value("SELECT count(*) FROM revisions WHERE article_id = $id AND id IN ($revs->[0]{id}, $revs->[1]{id}, $revs->[2]{id})"),
    3, 'the old revisions are all still there');
is($g->sql_value("SELECT headline FROM revisions WHERE id = $revs->[2]{id}"), $v3{headline}, 'unchanged');
like($ed->get("/admin/articles/$id/edit?done=restored")->{content}, qr/The revision was restored/, 'the edit page says so');

# Authors who are accounts are part of a revision: a change of them
# alone is a revision that shows it, and restoring brings them back.
$g->add_user('kim', display => 'Kim Lee', role => 'contributor');
my $head = sub { $g->sql_value("SELECT max(number) FROM revisions WHERE article_id = $id") };
my %v4 = (%v1, slug => $slug, change => 'typo', authors => 'kim, ana');
is($ed->post("/admin/articles/$id/edit", { %v4, action => "publish" })->{status}, 303, "an edit that adds Kim and Ana as authors");
my $with = $head->();
is($g->sql_value("SELECT authors FROM revisions WHERE article_id = $id AND number = $with"), 'kim, ana',
    'the revision records the authors, in byline order, as the form names them');
$res = $ed->get("/admin/articles/$id/revisions?from=" . ($with - 1) . "&to=$with");
like($res->{content}, qr{<td class="text">Authors: <ins>kim, ana</ins></td>}, 'the difference shows the authors added');
is($ed->post("/admin/articles/$id/edit", { %v4, authors => 'ana', action => 'publish' })->{status}, 303,
    'an edit that only drops an author');
my $without = $head->();
is($without, $with + 1, 'is a revision');
like($ed->get("/admin/articles/$id/revisions")->{content}, qr{<td class="text">Authors: <del>kim, </del>ana</td>},
    'which shows what changed');
$ed->post("/admin/articles/$id/revisions/$with/restore", {});
is_deeply($g->sql("SELECT u.name FROM article_authors x JOIN users u ON u.id = x.user_id WHERE x.article_id = $id ORDER BY x.position"),
    [{ name => 'kim' }, { name => 'ana' }], 'restoring the earlier revision brings Kim back, first');
like($g->get("/articles/$slug")->{content}, qr{rel="author">Kim Lee</a>}, 'readers see her byline again');
is($g->sql_value("SELECT authors FROM revisions WHERE article_id = $id AND number = " . $head->()), 'kim, ana',
    'the restore revision records them');
# A revision from before revisions recorded authors (an upgraded site).
$g->sql_write("UPDATE revisions SET authors = NULL WHERE article_id = $id AND number = 1");
like($ed->get("/admin/articles/$id/revisions?from=1&to=" . $head->())->{content}, qr{Authors: <del>\(not recorded\)</del>},
    'says its authors were not recorded');
$ed->post("/admin/articles/$id/revisions/1/restore", {});
is($g->sql_value("SELECT count(*) FROM article_authors WHERE article_id = $id"), 2, 'restoring it keeps the article\'s authors');
like($g->get("/articles/$slug")->{content}, qr/23:40/, 'and restores the rest');
done_testing();

#!/usr/bin/env perl
# Roles and review through nginx: a contributor writes her own drafts
# and cannot publish, edit another's article or reach a published one;
# she sends a draft for review, it waits in the editors' queue on the
# dashboard; an editor returns it with a note she sees (escaped), then
# publishes it after she sends it again.  Refusals change nothing.
# The command line makes contributors and changes roles.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;

my $g = GazetteTest->new(samples => 1);
my $ed = $g->login('jane', display => 'Jane Doe');
my $cora = $g->login('cora', role => 'contributor', display => 'Cora Lind');

like(scalar $g->cli_ok('user', 'list'), qr/^cora\s+contributor\s/m, 'user list shows the contributor');

# Her own draft.
my %draft = (headline => 'Harbour ferry timetable changes', body => "The winter timetable starts on Monday.\n\nTwo crossings fewer.",
    byline => 'By Cora Lind', action => 'save');
my $res = $cora->post('/admin/articles/new', \%draft);
is($res->{status}, 303, 'a contributor saves a draft');
my ($id) = ($res->{headers}{location} // '') =~ m{/admin/articles/(\d+)/edit} or BAIL_OUT('no draft id');
my $author = $g->sql_value("SELECT author_id FROM articles WHERE id = $id");
is($author, $g->sql_value("SELECT id FROM users WHERE name = 'cora'"), 'the draft is hers');
my $form = $cora->get("/admin/articles/$id/edit");
is($form->{status}, 200, 'she opens her draft');
like($form->{content}, qr/value="submit"[^>]*>Send for review/, 'with a "Send for review" button');
unlike($form->{content}, qr/value="publish"/, 'and no "Publish" button');
unlike($form->{content}, qr/\/comments" class="comments-switch"/, 'nor the comment switch');

# What she may not do.
my $state = $g->fingerprint;
$res = $cora->post("/admin/articles/$id/edit", { %draft, action => 'publish' });
is($res->{status}, 403, 'she cannot publish her draft');
$res = $cora->post('/admin/articles/new', { %draft, headline => 'Straight to print', action => 'publish' });
is($res->{status}, 403, 'nor publish a new article');
$res = $cora->post("/admin/articles/$id/edit", { %draft, action => 'delete' });
is($res->{status}, 403, 'nor ask to delete it');
my $other = $g->sql('SELECT id, slug, headline FROM articles WHERE status = \'published\' ORDER BY id LIMIT 1')->[0];
is($cora->get("/admin/articles/$other->{id}/edit")->{status}, 403, 'another\'s article: the form is refused');
is($cora->get("/admin/articles/$other->{id}/preview")->{status}, 403, 'and its preview');
is($cora->get("/admin/articles/$other->{id}/revisions")->{status}, 403, 'and its revisions');
$res = $cora->post("/admin/articles/$other->{id}/edit", { headline => 'Taken over', body => 'x', slug => $other->{slug},
    action => 'save', change => 'typo' });
is($res->{status}, 403, 'a save of another\'s article is refused');
$res = $cora->post("/admin/articles/$id/edit", { %draft, body => " \n", action => 'submit' });
is($res->{status}, 422, 'a draft without a body cannot be sent for review');
is($g->fingerprint, $state, 'the refusals changed nothing');
is($g->sql_value("SELECT submitted_at FROM articles WHERE id = $id"), undef, 'nothing is in the queue');
like($ed->get('/admin')->{content}, qr/No draft is waiting/, 'the editors\' queue is empty');

# Sent for review.
$res = $cora->post("/admin/articles/$id/edit", { %draft, action => 'submit' });
is($res->{status}, 303, 'she sends it for review');
like($res->{headers}{location}, qr/done=submitted/, 'and is told so');
ok($g->sql_value("SELECT submitted_at FROM articles WHERE id = $id"), 'it is in the queue');
my $desk = $cora->get('/admin');
is($desk->{status}, 200, 'her dashboard');
like($desk->{content}, qr/Harbour ferry timetable changes<\/a>\s*<span class="status">waiting for review/, 'shows it waiting');
unlike($desk->{content}, qr/Comments waiting|href="\/admin\/tags"/, 'and no editors\' desk');
my $queue = $ed->get('/admin')->{content};
like($queue, qr{id="queue".*href="/admin/articles/$id/edit">Harbour ferry timetable changes</a> by <span class="writer">Cora Lind</span>}s,
    'the editors\' dashboard lists it in the queue, with its writer');
$form = $ed->get("/admin/articles/$id/edit")->{content};
like($form, qr{action="/admin/articles/$id/return"}, 'the editor sees the form to return it');

# Returned with a note.
$state = $g->fingerprint;
$res = $ed->post("/admin/articles/$id/return", { note => '   ' });
is($res->{status}, 422, 'a return without a note: 422');
$res = $ed->post("/admin/articles/$id/return", { note => 'x' x 2001 });
is($res->{status}, 422, 'a note too long: 422');
$res = $ed->post("/admin/articles/$other->{id}/return", { note => 'Not queued.' });
is($res->{status}, 409, 'returning an article that is not waiting: 409');
is($g->fingerprint, $state, 'those changed nothing');
my $note = 'Please check the <b>times</b> & "crossings" with the port.';
$res = $ed->post("/admin/articles/$id/return", { note => $note });
is($res->{status}, 303, 'the editor returns it with a note');
is($g->sql_value("SELECT submitted_at FROM articles WHERE id = $id"), undef, 'it left the queue');
my $esc = 'Please check the &lt;b&gt;times&lt;/b&gt; &amp; &quot;crossings&quot; with the port.';
$form = $cora->get("/admin/articles/$id/edit")->{content};
like($form, qr/An editor returned this draft with a note:\s*<\/p>\s*<blockquote class="review-note">\Q$esc\E<\/blockquote>/, 'she sees the note on her form, escaped');
like($cora->get('/admin')->{content}, qr/returned to you.*\Q$esc\E/s, 'and on her dashboard');
unlike($ed->get('/admin')->{content}, qr/by <span class="writer">Cora Lind/, 'the queue is empty again');

# Sent again, then published by the editor.
$res = $cora->post("/admin/articles/$id/edit", { %draft, body => "$draft{body}\n\nTimes checked with the port.", action => 'submit' });
is($res->{status}, 303, 'she sends it again');
unlike($cora->get("/admin/articles/$id/edit")->{content}, qr/review-note/, 'the old note is gone');
my $slug = $g->sql_value("SELECT slug FROM articles WHERE id = $id");
$res = $ed->post("/admin/articles/$id/edit", { %draft, body => "$draft{body}\n\nTimes checked with the port.", slug => $slug,
    action => 'publish' });
is($res->{status}, 303, 'the editor publishes it');
is($g->sql_value("SELECT status FROM articles WHERE id = $id"), 'published', 'it is published');
is($g->sql_value("SELECT submitted_at FROM articles WHERE id = $id"), undef, 'and out of the queue');
is($g->get("/articles/$slug")->{status}, 200, 'readers see it');
is($cora->get("/admin/articles/$id/edit")->{status}, 403, 'she can no longer change it');
like($cora->get('/admin')->{content}, qr{<span class="status">published</span>.*href="/articles/$slug"}s, 'her dashboard says it is published');

# The command line changes roles; the next request knows.
like(scalar $g->cli_ok('user', 'role', 'cora', 'editor'), qr/'cora' is now editor/, 'user role makes her an editor');
is($cora->get('/admin/tags')->{status}, 200, 'and her session may now manage tags');
my ($rc, undef, $err) = $g->cli('user', 'role', 'cora', 'chief');
is($rc, 2, 'an unknown role is refused');
($rc, undef, $err) = $g->cli('user', 'role', 'nobody', 'editor');
is($rc, 1, 'so is an unknown account');
($rc, undef, $err) = $g->cli('user', 'add', 'zed', '--role', 'chief', \"pw-zed-123456\n");
is($rc, 2, 'user add refuses an unknown role');

$g->stop;
done_testing();

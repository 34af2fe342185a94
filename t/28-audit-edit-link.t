#!/usr/bin/env perl
# The audit log: sign-ins, account and role changes, two-factor
# changes, publications, takedowns and tag merges are recorded with who
# and when, shown to admins only, and cannot be changed or deleted.
# And the "Edit this article" link: on article pages for signed-in
# editors, never in the copies readers get from the caches.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;

my $g = GazetteTest->new(samples => 1);
my $admin = $g->login('boss', role => 'admin');
my $ed = $g->login('jane');
my $cora = $g->login('cora', role => 'contributor');

# Things worth recording.
my $res = $ed->post('/admin/articles/new', { headline => 'Audit me', body => 'Text.', action => 'publish' });
my ($id) = $res->{headers}{location} =~ m{/admin/articles/(\d+)/edit};
ok($id, 'an article published');
is($ed->post("/admin/articles/$id/delete", {})->{status}, 303, 'and taken down');
my $tags = $g->sql('SELECT id, name FROM tags ORDER BY id LIMIT 2');
is($ed->post("/admin/tags/$tags->[0]{id}/merge", { into => $tags->[1]{name} })->{status}, 303, 'a tag merged');
my $cora_id = $g->sql_value("SELECT id FROM users WHERE name = 'cora'");
is($admin->post("/admin/users/$cora_id/role", { role => 'editor' })->{status}, 303, 'a role changed');
is($admin->post("/admin/users/$cora_id/disable", {})->{status}, 303, 'an account disabled');
is($admin->post('/admin/users', { name => 'newbie', display => 'New Bie', role => 'contributor' })->{status}, 200, 'an invitation');
is(($g->cli('user', 'enable', 'cora'))[0], 0, 'the command line enables her');

$res = $admin->get('/admin/audit');
is($res->{status}, 200, 'the audit log');
my @rows = $res->{content} =~ m{<tr><td><time[^>]*>[^<]*</time></td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td></tr>}g;
my @got;
push @got, join('|', splice(@rows, 0, 4)) while @rows;
my @want = ('command line|user.enable|cora|', 'boss|user.invite|newbie|contributor', 'boss|user.disable|cora|',
    'boss|user.role|cora|editor', "jane|tag.merge|tag $tags->[0]{id}|into $tags->[1]{name}",
    "jane|article.delete|article $id|Audit me", "jane|article.publish|article $id|Audit me");
is_deeply([ @got[0 .. $#want] ], \@want, 'newest first: who, what, on what');
ok((grep { /^(boss|jane|cora)\|login\|\1\|$/ } @got) >= 3, 'and the sign-ins');
is($ed->get('/admin/audit')->{status}, 403, 'editors cannot read it');
is($g->get('/admin/audit')->{status}, 303, 'nor anonymous readers');
is($admin->get('/admin/audit?before=x')->{status}, 400, 'a malformed cursor: 400');

# Append-only.
my $n = $g->sql_value('SELECT count(*) FROM audit_log');
isnt($g->sql_script("UPDATE audit_log SET who = 'nobody';"), 0, 'an UPDATE fails');
isnt($g->sql_script('DELETE FROM audit_log;'), 0, 'a DELETE fails');
is($g->sql_value('SELECT count(*) FROM audit_log'), $n, 'rows cannot be deleted');
is($g->sql_value("SELECT count(*) FROM audit_log WHERE who = 'nobody'"), 0, 'nor changed');

# The Edit link.
my $art = $g->sql("SELECT id, slug FROM articles WHERE status = 'published' AND published_at <= " . int(time) . " ORDER BY id LIMIT 1")->[0];
my $reader = $g->get("/articles/$art->{slug}");
is($reader->{status}, 200, 'a reader\'s page');
unlike($reader->{content}, qr/Edit this article/, 'has no Edit link');
like($ed->get("/articles/$art->{slug}")->{content}, qr{<a href="/admin/articles/$art->{id}/edit">Edit this article</a>},
    'an editor\'s has one');
$reader = $g->get("/articles/$art->{slug}");
unlike($reader->{content}, qr/Edit this article/, 'and the reader\'s next copy still has none');
unlike($g->get("/articles/$art->{slug}", { Cookie => $g->login('newbie2', role => 'contributor')->cookie })->{content},
    qr/Edit this article/, 'a contributor, who may not edit it, has none');

$g->stop;
done_testing();

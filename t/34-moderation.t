#!/usr/bin/env perl
# Comment moderation: the queue, bulk and single actions, counts kept
# right in the same transaction, the dashboard's count, refusals.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;

my $g = GazetteTest->new(samples => 1);
my $ed = $g->login('mod');
my ($aid, $slug, $count0) = @{ $g->sql("SELECT id, slug, comment_count FROM articles WHERE comment_count > 0 LIMIT 1")->[0] }{qw(id slug comment_count)};
my $now = time;
# Readers' comments waiting, as the public form (another issue) leaves them.
$g->sql_write(join '; ', map {
	"INSERT INTO comments (article_id, author, body, status, created_at, reason) VALUES ($aid, 'Reader $_', "
	. "'Waiting comment number $_ <b>bold?</b>', 'pending', " . ($now - 100 + $_) . ", '" . ($_ == 1 ? 'first comment' : '') . "')"
} 1 .. 4);
my @pending = map { $_->{id} } @{ $g->sql("SELECT id FROM comments WHERE status = 'pending' ORDER BY id") };
is(scalar @pending, 4, 'four comments waiting');

my $res = $ed->get('/admin');
like($res->{content}, qr{Comments waiting <span class="count">4</span>}, 'the dashboard counts them');
like($res->{content}, qr{Reader 4</span> on <a href="/articles/$slug">}, 'and lists them');
$res = $ed->get('/admin/comments');
is($res->{status}, 200, 'the moderation page');
my @shown = $res->{content} =~ m{name="id\[\]" value="(\d+)"}g;
is_deeply(\@shown, [reverse @pending], 'waiting comments, newest first, with check boxes');
like($res->{content}, qr{Waiting comment number 1 &lt;b&gt;bold\?&lt;/b&gt;}, 'their text escaped');
like($res->{content}, qr{<small>\(first comment\)</small>}, 'with the reason they wait');
is($ed->get('/admin/comments?show=bogus')->{status}, 400, 'an unknown filter: 400');
is($ed->get('/admin/comments?before=x')->{status}, 400, 'a malformed cursor: 400');
unlike($g->get("/articles/$slug")->{content}, qr{Waiting comment}, 'readers do not see them');

# Refusals change nothing.
$res = $ed->post_raw('/admin/comments', [ action => 'approve', 'id[]' => $pending[0] ]);
is($res->{status}, 403, 'approving without the token: 403');
$res = $g->post('/admin/comments', [ csrf => $ed->csrf, action => 'approve', 'id[]' => $pending[0] ]);
is($res->{status}, 403, 'without the session: 403');
$res = $ed->post('/admin/comments', [ action => 'publish', 'id[]' => $pending[0] ]);
is($res->{status}, 400, 'an unknown action: 400');
$res = $ed->post('/admin/comments', [ action => 'approve', 'id[]' => 'one' ]);
is($res->{status}, 400, 'a malformed id: 400');
$res = $ed->post('/admin/comments', [ action => 'approve', id => $pending[0], id => $pending[1] ]);
is($res->{status}, 400, 'a repeated name without [] is refused');
is($g->sql_value("SELECT count(*) FROM comments WHERE status = 'pending'"), 4, 'all still waiting');

# Bulk approve two.
my $mod0 = $g->sql_value("SELECT modified_at FROM articles WHERE id = $aid");
$res = $ed->post('/admin/comments', [ action => 'approve', 'id[]' => $pending[0], 'id[]' => $pending[1], show => 'pending' ]);
is($res->{status}, 303, 'approving two: 303');
is($res->{headers}{location}, '/admin/comments?show=pending&done=2', 'back to the list, with the count');
like($ed->get($res->{headers}{location})->{content}, qr{2 comments changed}, 'which says so');
is($g->sql_value("SELECT comment_count FROM articles WHERE id = $aid"), $count0 + 2, 'the article counts them');
ok($g->sql_value("SELECT modified_at FROM articles WHERE id = $aid") >= $mod0, 'and counts as changed');
$res = $g->get("/articles/$slug");
like($res->{content}, qr{Waiting comment number 1}, 'readers see the first');
like($res->{content}, qr{Waiting comment number 2}, 'and the second');
unlike($res->{content}, qr{Waiting comment number 3}, 'not the third');
like($res->{content}, qr{<span class="count">@{[ $count0 + 2 ]}</span>}, 'the page shows the new count');

# Approving again changes nothing; a single reject; a single delete.
$res = $ed->post('/admin/comments', [ action => 'approve', 'id[]' => $pending[0] ]);
is($res->{headers}{location}, '/admin/comments?show=pending&done=0', 'approving an approved comment changes nothing');
is($g->sql_value("SELECT comment_count FROM articles WHERE id = $aid"), $count0 + 2, 'the count stays');
$res = $ed->post('/admin/comments', [ reject => $pending[0], show => 'all' ]);
is($res->{status}, 303, "one comment's reject button: 303");
is($g->sql_value("SELECT status FROM comments WHERE id = $pending[0]"), 'rejected', 'it is rejected');
is($g->sql_value("SELECT comment_count FROM articles WHERE id = $aid"), $count0 + 1, 'the count goes down');
$res = $ed->post('/admin/comments', [ delete => $pending[1] ]);
is($g->sql_value("SELECT count(*) FROM comments WHERE id = $pending[1]"), 0, 'a deleted comment is gone');
is($g->sql_value("SELECT comment_count FROM articles WHERE id = $aid"), $count0, 'the count follows');
$res = $ed->post('/admin/comments', [ action => 'delete', 'id[]' => $pending[2], 'id[]' => $pending[3], 'id[]' => 999999 ]);
is($res->{headers}{location}, '/admin/comments?show=pending&done=2', 'bulk delete skips unknown ids');
is($g->sql_value("SELECT count(*) FROM comments WHERE status = 'pending'"), 0, 'none is waiting');
$res = $ed->post('/admin/comments', [ action => 'approve' ]);
is($res->{headers}{location}, '/admin/comments?show=pending&done=0', 'nothing checked: nothing changes');
like($ed->get('/admin/comments')->{content}, qr{No comments here}, 'the queue is empty');
like($ed->get('/admin')->{content}, qr{No comment is waiting}, 'the dashboard says so');
$res = $ed->get('/admin/comments?show=rejected');
like($res->{content}, qr{name="approve" value="$pending[0]"}, 'rejected comments can be approved again');
is($g->sql_value("SELECT comment_count FROM articles WHERE id = $aid"),
    $g->sql_value("SELECT count(*) FROM comments WHERE article_id = $aid AND status = 'approved'"),
    'the count is the number of approved comments');
done_testing();

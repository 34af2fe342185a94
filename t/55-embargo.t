#!/usr/bin/env perl
# A tag exists for readers only while it carries a live article: a tag
# used only by a draft or by a scheduled article (a story under
# embargo) has no page, no feed, no place in /tags or in the sitemap,
# and its old address after a rename does not lead to its new name.
# Once its article goes live, all of them appear.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use POSIX qw(strftime);
use Test::More;
use Time::HiRes qw(sleep time);

my $g = GazetteTest->new(samples => 1, env => { GAZETTE_TIMEZONE => 'UTC' });
my $ed = $g->login('desk', role => 'editor');

my %form = (summary => 'Under embargo.', byline => '', dateline => '', source => '',
    body => 'Not for readers yet.', slug => '');
sub article {
	my ($headline, $tags, $action, %more) = @_;
	my $res = $ed->post('/admin/articles/new', { %form, headline => $headline, tags => $tags, action => $action, %more });
	my ($id) = ($res->{headers}{location} // '') =~ m{/admin/articles/(\d+)/};
	ok($res->{status} == 303 && $id, "editor: '$headline' ($action)") or diag("$res->{status}");
	return $id;
}

# A draft with its own tag, and a scheduled article with another; both
# share a public tag with the live articles.
my $public = $g->sql_value("SELECT name FROM tags WHERE article_count > 0 ORDER BY id LIMIT 1");
my $public_slug = $g->sql_value("SELECT slug FROM tags WHERE name = '$public'");
my $draft = article('Merger talks draft', "Secret merger, $public", 'save');
my $due = int(time) + 120;
my $sched = article('Budget under embargo', "Embargoed budget, $public", 'publish',
    published_at => strftime('%Y-%m-%dT%H:%M', gmtime($due)));
$due = $g->sql_value("SELECT published_at FROM articles WHERE id = $sched");
ok($due > time, 'the second article is scheduled');

for my $slug ('secret-merger', 'embargoed-budget') {
	ok($g->sql_value("SELECT count(*) FROM tags WHERE slug = '$slug'"), "tag $slug exists in the database");
	is($g->get("/tags/$slug")->{status}, 404, "/tags/$slug: 404 while it has no live article");
	is($g->head("/tags/$slug")->{status}, 404, "HEAD /tags/$slug: 404");
	is($g->get("/tags/$slug/feed.atom")->{status}, 404, "/tags/$slug/feed.atom: 404");
	is($g->get("/tags/$slug?before=99999999999-1")->{status}, 404, "/tags/$slug?before=...: 404");
}
my $index = $g->get('/tags')->{content};
unlike($index, qr{secret-merger|Secret merger}i, '/tags does not name the draft\'s tag');
unlike($index, qr{embargoed-budget|Embargoed budget}i, 'nor the scheduled article\'s');
like($index, qr{/tags/\Q$public_slug\E"}, 'but lists the public tag');
my $map = $g->get('/sitemap.xml')->{content};
unlike($map, qr{secret-merger|embargoed-budget}, 'the sitemap lists neither');
is($g->get("/tags/$public_slug")->{status}, 200, 'the shared public tag has its page');
unlike($g->get("/tags/$public_slug/feed.atom")->{content}, qr{Merger talks|Budget under embargo},
    'whose feed does not carry the unpublished articles');

# A rename: the old address must not give the new name away.
my $tid = $g->sql_value("SELECT id FROM tags WHERE slug = 'secret-merger'");
is($ed->post("/admin/tags/$tid/rename", { name => 'Takeover bid' })->{status}, 303, 'the draft\'s tag is renamed');
my $res = $g->get('/tags/secret-merger');
is($res->{status}, 404, 'its old address: 404, not a redirect to the new name');
ok(!defined $res->{headers}{location}, 'with no Location');
is($g->get('/tags/secret-merger/feed.atom')->{status}, 404, 'the old feed address too');
is($g->get('/tags/takeover-bid')->{status}, 404, 'the new address: 404 as well');

# Published: the tag appears.
is($ed->post("/admin/articles/$draft/edit", { %form, headline => 'Merger talks draft',
    tags => "Takeover bid, $public", action => 'publish',
    published_at => strftime('%Y-%m-%dT%H:%M', gmtime(time - 60)) })->{status}, 303, 'the draft is published');
# (Addresses asked for before, and refused, may be kept by nginx's
# microcache for a moment: the editor's session reads past it.)
is($ed->get('/tags/takeover-bid')->{status}, 200, 'its tag has a page now');
is($ed->get('/tags/takeover-bid/feed.atom')->{status}, 200, 'and a feed');
$res = $ed->get('/tags/secret-merger');
is($res->{status}, 301, 'the old address redirects now');
like($ed->get('/tags')->{content}, qr{/tags/takeover-bid"}, '/tags lists it');

# The scheduled one, once due.
$g->sql_write("UPDATE articles SET published_at = " . (int(time) + 2) . " WHERE id = $sched;"
    . " UPDATE article_tags SET published_at = " . (int(time) + 2) . " WHERE article_id = $sched");
is($g->get('/tags/embargoed-budget?x=1')->{status}, 404, 'a moment before it is due: 404');
sleep(3.2);
is($g->get('/tags/embargoed-budget?x=2')->{status}, 200, 'once due: its tag has a page');
is($g->get('/tags/embargoed-budget/feed.atom?x=2')->{status}, 200, 'and a feed');

done_testing();

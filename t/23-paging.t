#!/usr/bin/env perl
# Paging of the front page and of a tag page: more than two pages of
# live articles (generated, imported as wire copy and written by an
# editor), with drafts, a scheduled and a withdrawn article among them
# and ties in publication time on the page boundaries.  Following
# "Older" from the first page to the last, and "Newer" back, shows every
# live article exactly once, newest first, LISTING_PAGE (20) a page.
# Cursors: malformed ones get 400; one past either end gets 404 (see
# listing_finish() in src/ctl/listing.c); one naming no article is a
# position, not a reference, and lists from there.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use POSIX qw(strftime);
use Test::More;

my $PAGE = 20;	# LISTING_PAGE in src/ctl/listing.h

my $g = GazetteTest->new;

# 1. Generated articles (published over the last three years, each
# carrying 3 to 6 of 8 tags), on an empty database.  The tag paged
# below is the smallest with more than two pages: most articles carry
# it, and a good many do not.
my ($rc, undef, $err) = $g->cli('generate', '--articles', 60,
    '--comments-per-article', 0, '--tags', 8, '--seed', 23);
is($rc, 0, 'generate made 60 articles') or diag($err);
my $tag = $g->sql("SELECT id, name, slug FROM tags WHERE article_count > $PAGE * 2 ORDER BY article_count, id LIMIT 1")->[0];
ok($tag && $tag->{slug}, 'a tag with more than two pages of generated articles: ' . ($tag->{slug} // 'none'))
    or die "generate made no tag big enough\n";

# 2. Wire copy carrying the tag (published an hour apart, before now).
my @wire = map { $g->wire_file("wire-$_", "Paging wire story number $_",
    "PORT ARDENT — Story $_ of the paging test.\n\nIt has a second paragraph.", "$tag->{name}, Paging desk") } 1 .. 3;
($rc, undef, $err) = $g->cli('import', @wire);
is($rc, 0, 'three wire stories imported') or diag($err);

# 3. An editor: one live article, and three that readers must not see
# (a draft, a scheduled one and a withdrawn one), all with the tag.
my $ed = $g->login('pager', role => 'editor');
my %form = (summary => 'For the paging test.', byline => 'By Test Desk',
    dateline => 'PORT ARDENT', source => '', body => "A paragraph.\n\nAnother.",
    tags => "$tag->{name}, Paging desk", slug => '');
my $new = sub {
	my ($headline, $action, %more) = @_;
	my $res = $ed->post('/admin/articles/new', { %form, headline => $headline, action => $action, %more });
	my ($id) = ($res->{headers}{location} // '') =~ m{/admin/articles/(\d+)/};
	ok($res->{status} == 303 && $id, "editor: '$headline' ($action)") or diag("$res->{status} $res->{content}");
	return $id;
};
my $live_id = $new->('Paging editor story, live', 'publish');
my $draft_id = $new->('Paging editor story, draft', 'save');
my $sched_id = $new->('Paging editor story, scheduled', 'publish',
    published_at => strftime('%Y-%m-%dT%H:%M', gmtime(time + 3 * 86400)));
my $gone_id = $new->('Paging editor story, withdrawn', 'publish');
is($ed->post("/admin/articles/$gone_id/delete", {})->{status}, 303, 'the last one is withdrawn');
my %hidden = map { $_ => $g->sql_value("SELECT slug FROM articles WHERE id = $_") } $draft_id, $sched_id, $gone_id;
is($g->sql_value("SELECT status FROM articles WHERE id = $draft_id"), 'draft', 'the draft is a draft');
ok($g->sql_value("SELECT published_at > " . int(time) . " FROM articles WHERE id = $sched_id AND status = 'published'"),
    'the scheduled one is published in the future');
is($g->sql_value("SELECT status FROM articles WHERE id = $gone_id"), 'deleted', 'the withdrawn one is withdrawn');

# What readers should see, newest first (published_at, then id).
sub live_front {
	return $g->sql("SELECT id, slug, published_at AS at FROM articles WHERE status = 'published'"
	    . " AND published_at <= " . int(time) . " ORDER BY published_at DESC, id DESC");
}
sub live_tag {
	return $g->sql("SELECT a.id, a.slug, a.published_at AS at FROM article_tags t JOIN articles a ON a.id = t.article_id"
	    . " WHERE t.tag_id = $tag->{id} AND a.status = 'published' AND a.published_at <= " . int(time)
	    . " ORDER BY a.published_at DESC, a.id DESC");
}

# 4. Ties: the articles around each page boundary share one publication
# second, so that only the id tells them apart (a cursor that compared
# times alone would skip or repeat them).
sub tie_around {
	my ($rows, $pos) = @_;
	my @ids = map { $_->{id} } @$rows[$pos - 3 .. $pos + 2];
	my $at = $rows->[$pos - 3]{at};
	my $in = join(', ', @ids);
	$g->sql_write("UPDATE articles SET published_at = $at WHERE id IN ($in); "
	    . "UPDATE article_tags SET published_at = $at WHERE article_id IN ($in)");
}
tie_around(live_tag(), $PAGE);
tie_around(live_tag(), 2 * $PAGE);
tie_around(live_front(), $PAGE);
tie_around(live_front(), 2 * $PAGE);

my $front = live_front();
my $tagged = live_tag();
is(scalar @$front, 64, '64 live articles in all (60 generated, 3 wire, 1 by the editor)');
ok(@$tagged > 2 * $PAGE, scalar(@$tagged) . " live articles carry $tag->{slug}: more than two pages");
ok(@$front - @$tagged >= 10, (@$front - @$tagged) . ' live articles do not carry it');
my %is_live = map { $_->{slug} => 1 } @$front;
ok(!grep({ $is_live{$_} } values %hidden), 'the draft, scheduled and withdrawn articles are not live');
for my $b ($PAGE, 2 * $PAGE) {
	is($front->[$b - 1]{at}, $front->[$b]{at}, "front: the last of page " . ($b / $PAGE) . ' and the first of the next share their time');
	is($tagged->[$b - 1]{at}, $tagged->[$b]{at}, "tag: the last of page " . ($b / $PAGE) . ' and the first of the next share their time')
	    if $b < @$tagged;
}

# A page's articles: [slug, datetime] in order.
sub listed {
	my ($res) = @_;
	my @rows;
	while ($res->{content} =~ m{<h2 class="headline"><a href="/articles/([a-z0-9-]+)">.*?</h2>\s*<p class="meta"><time datetime="([^"]+)">}gs) {
		push @rows, [$1, $2];
	}
	return \@rows;
}
sub older_link { ($_[0]{content} =~ m{<a rel="next" href="([^"]+)">Older})[0] }
sub newer_link { ($_[0]{content} =~ m{<a rel="prev" href="([^"]+)">&larr; Newer})[0] }

# Walk a listing: Older from the first page to the last, then Newer back.
sub walk {
	my ($name, $path, $expect) = @_;
	my $total = @$expect;
	my $npages = int(($total + $PAGE - 1) / $PAGE);
	my (@pages, @seen, %count);
	my $url = $path;
	my $res = $g->get($url);
	is($res->{status}, 200, "$name: $url answers 200");
	ok(!defined newer_link($res), "$name: the first page has no Newer link");
	while (1) {
		my $rows = listed($res);
		push @pages, [map { $_->[0] } @$rows];
		push @seen, @$rows;
		$count{$_->[0]}++ for @$rows;
		my $n = @pages;
		my $want = $n < $npages ? $PAGE : $total - $PAGE * ($npages - 1);
		is(scalar @$rows, $want, "$name: page $n lists $want articles");
		my $older = older_link($res);
		if ($n == $npages || !defined $older) {
			ok(!defined $older, "$name: page $n, the last, has no Older link");
			last;
		}
		like($older, qr{^\Q$path\E\?before=[1-9]\d*-[1-9]\d*$}, "$name: page $n links to older ones with a cursor");
		$url = $older;
		$res = $g->get($url);
		is($res->{status}, 200, "$name: page " . ($n + 1) . ' answers 200');
		ok(defined newer_link($res), "$name: page " . ($n + 1) . ' has a Newer link');
		last if $n > $npages + 2;	# a pager that never ends
	}
	is(scalar @pages, $npages, "$name: $npages pages");
	is_deeply([map { $_->[0] } @seen], [map { $_->{slug} } @$expect],
	    "$name: every live article, newest first");
	is(scalar(grep { $count{$_} != 1 } keys %count), 0, "$name: none twice");
	my @times = map { $_->[1] } @seen;
	is(scalar(grep { $times[$_] lt $times[$_ + 1] } 0 .. $#times - 1), 0,
	    "$name: the times shown never go up");
	ok(!grep({ $count{$_} } values %hidden), "$name: no draft, scheduled or withdrawn article");

	# Back: Newer from the last page gives the same pages in reverse.
	for (my $i = $#pages - 1; $i >= 0; $i--) {
		my $newer = newer_link($res);
		like($newer // '', qr{^\Q$path\E\?after=[1-9]\d*-[1-9]\d*$}, "$name: page " . ($i + 2) . ' links to newer ones with a cursor');
		last unless defined $newer;
		$res = $g->get($newer);
		is($res->{status}, 200, "$name: back to page " . ($i + 1) . ': 200');
		is_deeply([map { $_->[0] } @{ listed($res) }], $pages[$i], "$name: the same articles as on the way there");
		ok(defined older_link($res), "$name: with an Older link");
	}
	ok(!defined newer_link($res), "$name: back on the first page, no Newer link");
}

walk('front', '/', $front);
walk('tag', "/tags/$tag->{slug}", $tagged);
like($g->get("/tags/$tag->{slug}")->{content}, qr{<p class="meta">@{[ scalar @$tagged ]} articles}, 'the tag page counts its live articles');

# Cursors: malformed ones are refused with 400, on both listings.
for my $path ('/', "/tags/$tag->{slug}") {
	my ($t, $i) = @{ $front->[5] }{qw(at id)};
	for my $q ('before=12x', 'before=abc', 'before=', 'before=1-', 'before=-1', 'before=0-1',
	    'before=1-0', 'before=01-1', 'before=1-2-3', 'before=1+2', 'before=12345678901234567-1',
	    'after=x', 'after=1--1', "before=$t-$i&after=$t-$i", "before=$t-$i&before=$t-$i") {
		my $res = $g->get("$path?$q");
		is($res->{status}, 400, "$path?$q: 400");
		unlike($res->{content}, qr/sqlite|\.c:\d/i, 'with no internal detail');
	}
	my $res = $g->get("$path?before=12x");
	like($res->{content}, qr/cursor/i, 'the 400 page says what is wrong');
}

# Past the end: 404, a plain "not found" page, never a 5xx.
my ($oldest, $newest) = ($front->[-1], $front->[0]);
my ($toldest, $tnewest) = ($tagged->[-1], $tagged->[0]);
for my $case (["/?before=$oldest->{at}-$oldest->{id}", 'older than the oldest article'],
    ['/?before=1-1', 'before 1970'],
    ["/?after=$newest->{at}-$newest->{id}", 'newer than the newest article'],
    ['/?after=9999999999-1', 'in the year 2286'],
    ["/tags/$tag->{slug}?before=$toldest->{at}-$toldest->{id}", 'older than the tag\'s oldest'],
    ["/tags/$tag->{slug}?after=$tnewest->{at}-$tnewest->{id}", 'newer than the tag\'s newest']) {
	my ($url, $what) = @$case;
	my $res = $g->get($url);
	is($res->{status}, 404, "a cursor $what: 404 ($url)");
	like($res->{content}, qr{<h1>Page not found</h1>}, 'a plain not-found page');
	unlike($res->{content}, qr{<h2 class="headline">}, 'listing nothing');
}

# A cursor is a position (time, id), not a reference to an article: one
# whose id no article has lists what comes after that position (the
# articles of that very second included, their ids being lower), one at
# an article lists from the next article on.
{
	my $k = 7;
	my $pos = $front->[$k];
	my $res = $g->get("/?before=$pos->{at}-99999999");
	is($res->{status}, 200, 'a cursor with an id no article has: 200');
	my @want = map { $_->{slug} } grep { $_->{at} <= $pos->{at} } @$front;
	@want = @want[0 .. $PAGE - 1] if @want > $PAGE;
	is_deeply([map { $_->[0] } @{ listed($res) }], \@want,
	    'it lists from its time on, that time included (ids below it)');
	ok(defined newer_link($res), 'with a Newer link');
	$res = $g->get("/?before=$pos->{at}-$pos->{id}");
	is($res->{status}, 200, 'a cursor at an article: 200');
	ok(!grep({ $_->[0] eq $pos->{slug} } @{ listed($res) }), 'the article itself is not repeated');
	is(listed($res)->[0][0], $front->[$k + 1]{slug}, 'the next one comes first');
	# An id of a scheduled article, in the future: the newest live first,
	# and nothing of the scheduled one.
	my $sat = $g->sql_value("SELECT published_at FROM articles WHERE id = $sched_id");
	$res = $g->get("/?before=$sat-$sched_id");
	is($res->{status}, 200, 'a cursor at the scheduled article: 200');
	is_deeply([map { $_->[0] } @{ listed($res) }], [map { $_->{slug} } @$front[0 .. $PAGE - 1]],
	    'lists the newest live articles');
	unlike($res->{content}, qr/\Q$hidden{$sched_id}\E/, 'and not the scheduled one');
}

is($g->head('/?before=1-1')->{status}, 404, 'HEAD with a cursor past the end: 404 too');

$g->stop;
my $log = $g->app_log;
unlike($log, qr/controller returned|(?:sqlite|postgresql):|templates:/, 'no errors in the log');
unlike($log, qr/ 5\d\d \d+us$/m, 'and no 5xx answered');
done_testing();

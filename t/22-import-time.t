#!/usr/bin/env perl
# The time `gazette import` publishes at: the time of the import, as
# the article's page, its JSON-LD, the feed and the sitemap all say;
# --published TIME for another moment (a time to come schedules the
# article); --spread SECONDS, said explicitly, to spread files over the
# past as the sample loader does.  A bad time imports nothing.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;
use POSIX qw(strftime);
use Time::Local qw(timegm);

my $g = GazetteTest->new(env => { GAZETTE_TIMEZONE => 'UTC' });

# "2026-12-02T13:51:00Z" or "...+00:00" as Unix time.
sub iso_time {
	my ($s) = @_;
	my ($y, $m, $d, $H, $M, $S) = ($s // '') =~ /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:Z|[+-]00:00)$/
	    or return undef;
	return timegm($S, $M, $H, $d, $m - 1, $y);
}

# 1. Plain import: published now, comments no later than now.
my $before = time;
my $f = $g->wire_file('now', 'Ferry timetable changes tonight', "The ferry leaves later from tonight.",
    'Harbour, Transport');
open(my $fh, '>>', $f) or die;
print $fh "\nComments\n\nAnn\nGood to know.\n\nBen\nAbout time.\n";
close($fh);
my $out = $g->cli_ok('import', $f);
my $after = time;
like($out, qr{published /articles/ferry-timetable-changes-tonight at \d+ \w+ \d{4}, \d\d:\d\d}, 'import says when it published');
my $art = $g->sql("SELECT id, slug, published_at FROM articles WHERE slug = 'ferry-timetable-changes-tonight'")->[0];
ok($art->{published_at} >= $before && $art->{published_at} <= $after,
    "published at the time of the import ($art->{published_at} in [$before, $after])");
is($g->sql_value("SELECT count(*) FROM comments WHERE article_id = $art->{id} AND created_at > $after"), 0,
    'no imported comment is dated after the import');
is($g->sql_value("SELECT count(*) FROM comments WHERE article_id = $art->{id} AND created_at < $art->{published_at}"), 0,
    'nor before the article');

my $page = $g->get("/articles/$art->{slug}")->{content};
my ($shown) = $page =~ m{<p class="byline">.*?<time datetime="([^"]+)">}s;
is(iso_time($shown), $art->{published_at}, 'the page shows the time of the import');
my ($published) = $page =~ /"datePublished": "([^"]+)"/;
my ($modified) = $page =~ /"dateModified": "([^"]+)"/;
is(iso_time($published), $art->{published_at}, 'JSON-LD datePublished is the time of the import');
my $feed = $g->get('/feed.atom')->{content};
my ($entry) = $feed =~ m{(<entry\b[^>]*>(?:(?!</entry>).)*?/articles/\Q$art->{slug}\E".*?</entry>)}s;
my ($fpub) = ($entry // '') =~ m{<published>([^<]+)</published>};
is(iso_time($fpub), $art->{published_at}, 'the feed says the same');
my $map = $g->get('/sitemap.xml')->{content};
my ($lastmod) = $map =~ m{<loc>[^<]*/articles/\Q$art->{slug}\E</loc><lastmod>([^<]+)</lastmod>};
ok(defined iso_time($lastmod) && iso_time($lastmod) <= iso_time($modified),
    "the sitemap's lastmod ($lastmod) is not after the page's dateModified ($modified)");

# 2. --published: another moment, in the site's time zone.
my $past = strftime('%Y-%m-%dT%H:%M', gmtime(time - 2 * 86400));
$g->cli_ok('import', '--published', $past, $g->wire_file('past', 'Council minutes from Monday', 'Minutes.', 'City council'));
is($g->sql_value("SELECT published_at FROM articles WHERE slug = 'council-minutes-from-monday'"),
    timegm(0, (split /[-T:]/, $past)[4, 3, 2], (split /-/, $past)[1] - 1, (split /-/, $past)[0]),
    "--published $past: published then");
my $future = strftime('%Y-%m-%dT%H:%M', gmtime(time + 86400));
$out = $g->cli_ok('import', '--published', $future, $g->wire_file('future', 'Embargoed budget story', 'Budget.', 'City council'));
like($out, qr{scheduled /articles/embargoed-budget-story for}, '--published in the future schedules the article');
is($g->get('/articles/embargoed-budget-story')->{status}, 404, 'readers do not see it yet');

# A bad time: refused, nothing imported.
my $n = $g->sql_value('SELECT count(*) FROM articles');
for my $bad ('yesterday', '2026-13-01T00:00', '') {
	my ($rc, undef, $err) = $g->cli('import', '--published', $bad, $g->wire_file('bad', 'Never imported', 'No.', 'X'));
	is($rc, 2, "--published '$bad': exit status 2");
	like($err, qr/--published/, 'with a message naming the flag');
}
my ($rc) = $g->cli('import', '--spread', '-5', $g->wire_file('bad2', 'Never imported either', 'No.', 'X'));
is($rc, 2, '--spread -5 is refused');
is($g->sql_value('SELECT count(*) FROM articles'), $n, 'nothing was imported by the refused commands');

# 3. --spread: the first file SECONDS before now, each next one earlier.
$before = time;
$g->cli_ok('import', '--spread', 3600, map { $g->wire_file("s$_", "Spread story $_", "Story $_.", 'Spread') } 1 .. 3);
$after = time;
my $rows = $g->sql("SELECT slug, published_at FROM articles WHERE slug LIKE 'spread-story-%' ORDER BY slug");
is(scalar @$rows, 3, 'three spread stories');
for my $k (0 .. 2) {
	my $want_lo = $before - 3600 * ($k + 1);
	my $want_hi = $after - 3600 * ($k + 1);
	ok($rows->[$k]{published_at} >= $want_lo && $rows->[$k]{published_at} <= $want_hi,
	    "file " . ($k + 1) . ': ' . ($k + 1) . ' hour(s) before the import');
}

done_testing();

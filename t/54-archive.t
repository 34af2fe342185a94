#!/usr/bin/env perl
# Archives (issue 5): the months with their counts, newest first; a
# month's articles in the site's time zone, paged; links between months;
# empty, future and malformed months refused.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use POSIX qw(mktime);
use Test::More;

# Moscow is UTC+3 all year: 22:30 UTC on 31 January is February there.
my $g = GazetteTest->new(samples => 1, env => { GAZETTE_TIMEZONE => 'Europe/Moscow' });

sub utc {
	my ($y, $mo, $d, $h, $mi) = @_;
	local $ENV{TZ} = 'UTC';
	POSIX::tzset();
	my $t = mktime(0, $mi, $h, $d, $mo - 1, $y - 1900);
	return $t;
}

sub listed {
	my ($res) = @_;
	return [$res->{content} =~ m{<h2 class="headline"><a href="/articles/([a-z0-9-]+)">}g];
}

# Put the six samples into known months (times in UTC).
my @ids = map { $_->{id} } @{ $g->sql("SELECT id FROM articles ORDER BY id") };
my @when = (utc(2025, 1, 10, 12, 0), utc(2025, 1, 31, 22, 30), utc(2025, 2, 14, 9, 0),
    utc(2025, 2, 20, 9, 0), utc(2024, 12, 1, 0, 0), utc(2024, 12, 31, 20, 0));
for my $i (0 .. $#ids) {
	$g->sql_write("UPDATE articles SET published_at = $when[$i] WHERE id = $ids[$i]; "
	    . "UPDATE article_tags SET published_at = $when[$i] WHERE article_id = $ids[$i]");
}
my %slug = map { $_->{id} => $_->{slug} } @{ $g->sql("SELECT id, slug FROM articles") };

my $res = $g->get('/archive');
is($res->{status}, 200, '/archive answers 200');
my @months = $res->{content} =~ m{<li><a href="/archive/(\d{4}/\d\d)">\w+ \d{4}</a> <span class="count">(\d+)</span></li>}g;
# In Moscow: 31 Jan 22:30 UTC is 1 February; 31 Dec 20:00 UTC is 31 Dec 23:00.
is_deeply(\@months, ['2025/02', 3, '2025/01', 1, '2024/12', 2], 'months newest first, counted in the site\'s time zone');
like($res->{content}, qr{<h2>2025</h2>.*<h2>2024</h2>}s, 'grouped by year, newest first');

$res = $g->get('/archive/2025/02');
is($res->{status}, 200, '/archive/2025/02 answers 200');
is_deeply(listed($res), [map { $slug{$_} } $ids[3], $ids[2], $ids[1]], 'its articles, newest first, including the one of 31 January UTC');
like($res->{content}, qr{<h1>February 2025</h1>}, 'the month is named');
like($res->{content}, qr{<p class="meta">3 articles</p>}, 'and counted');
like($res->{content}, qr{<a href="/archive/2025/01">&larr; January 2025</a>}, 'a link to the month before');
unlike($res->{content}, qr{&rarr;</a>\n</nav>}, 'none to a later month: there is none');
$res = $g->get('/archive/2025/01');
is_deeply(listed($res), [$slug{$ids[0]}], 'January holds one');
like($res->{content}, qr{<a href="/archive/2025/02">February 2025 &rarr;</a>}, 'with a link to February');
like($res->{content}, qr{<a href="/archive/2024/12">&larr; December 2024</a>}, 'and to December');
like($res->{content}, qr{<title>January 2025 — The Gazette</title>}, 'a title');

# Empty, future and malformed months.
is($g->get('/archive/2025/03')->{status}, 404, 'a month with nothing: 404');
is($g->get('/archive/2999/01')->{status}, 404, 'a future month: 404');
is($g->get('/archive/2025/13')->{status}, 404, 'month 13: 404');
is($g->get('/archive/2025/1')->{status}, 404, 'a one-digit month: 404');
is($g->get('/archive/25/01')->{status}, 404, 'a two-digit year: 404');
is($g->get('/archive/1969/12')->{status}, 404, 'before 1970: 404');
is($g->get('/archive/2025/02?before=x')->{status}, 400, 'a malformed cursor: 400');

# Drafts and scheduled articles are neither listed nor counted.
$g->sql_write("UPDATE articles SET status = 'draft' WHERE id = $ids[3]");
$res = $g->get('/archive/2025/02');
is(scalar @{ listed($res) }, 2, 'a draft leaves the month');
like($res->{content}, qr{<p class="meta">2 articles</p>}, 'and its count');
my $future = time + 86400 * 40;
$g->sql_write("UPDATE articles SET status = 'published', published_at = $future WHERE id = $ids[3]");
$res = $g->get('/archive');
my ($first) = $res->{content} =~ m{<li><a href="/archive/(\d{4}/\d\d)">};
is($first, '2025/02', 'a scheduled article makes no month of its own');
is($g->get('/archive/2025/02')->{status}, 200, 'February still answers');

# A busy month pages like the front page.
my $feb = utc(2025, 2, 1, 12, 0);
$g->sql_write("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30) "
    . "INSERT INTO articles (slug, headline, status, published_at, created_at, modified_at) "
    . "SELECT 'feb-' || i, 'February story ' || i, 'published', $feb + i * 60, $feb, $feb FROM n");
$res = $g->get('/archive/2025/02');
is(scalar @{ listed($res) }, 20, 'a busy month: 20 on the first page');
my ($older) = $res->{content} =~ m{<a rel="next" href="(/archive/2025/02\?before=\d+-\d+)">};
ok($older, 'with a link to older ones');
$res = $g->get($older // '/archive/2025/02?before=1-1');
is($res->{status}, 200, 'the next page answers 200');
is(scalar @{ listed($res) }, 12, 'with the other 12');
like($g->get('/archive')->{content}, qr{<a href="/archive/2025/02">February 2025</a> <span class="count">32</span>}, 'the index counts them');

# Conditional GET.
$res = $g->get('/archive');
is($g->get('/archive', { 'If-None-Match' => $res->{headers}{etag} })->{status}, 304, '/archive: 304');

$g->stop;
unlike($g->app_log, qr/controller returned|(?:sqlite|postgresql):|templates:/, 'no errors in the log');
done_testing();

#!/usr/bin/env perl
# Sitemaps and robots.txt (issue 5): every live article and tag with its
# last change; no drafts; an index of parts of at most 50,000 URLs once
# the site is larger; robots.txt names the sitemap.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;

my $g = GazetteTest->new(samples => 1);
my $base = $g->url('');

sub urls {
	my ($xml) = @_;
	return [$xml =~ m{<loc>([^<]+)</loc>}g];
}

# robots.txt
my $res = $g->get('/robots.txt');
is($res->{status}, 200, '/robots.txt answers 200');
is($res->{headers}{'content-type'}, 'text/plain; charset=utf-8', 'as plain text');
like($res->{content}, qr{^User-agent: \*$}m, 'for every crawler');
like($res->{content}, qr{^Sitemap: \Q$base\E/sitemap\.xml$}m, 'naming the sitemap by its absolute address');
like($res->{content}, qr{^Disallow: /admin/$}m, 'keeping crawlers out of the editors\' pages');
like($res->{content}, qr{^Disallow: /admin$}m, 'and out of the dashboard at /admin itself');
# As RFC 9309 reads the rules: the longest matching one wins, '*' is any.
sub robots_allows {
	my ($txt, $path) = @_;
	my ($best, $len) = (1, -1);
	for (split /\n/, $txt) {
		my ($kind, $pat) = /^(Allow|Disallow):\s*(\S*)/i or next;
		next if $pat eq '';
		my $re = join('.*', map { quotemeta } split /\*/, $pat, -1);
		next unless $path =~ /^$re/;
		($best, $len) = (lc $kind eq 'allow', length $pat) if length $pat > $len;
	}
	return $best;
}
for my $p ('/admin', '/admin/', '/admin/articles/new', '/login', '/search?q=x', '/articles/some-story/comments') {
	ok(!robots_allows($res->{content}, $p), "robots.txt keeps crawlers out of $p");
}
for my $p ('/', '/articles/some-story', '/tags/harbour', '/feed.atom', '/articles/admin-news') {
	ok(robots_allows($res->{content}, $p), "and lets them into $p");
}

# A small site: one sitemap with everything.
$g->cli_ok('import', '--draft', $g->wire_file('draft', 'A draft not to list', 'No.', 'Secret tag'));
$res = $g->get('/sitemap.xml');
is($res->{status}, 200, '/sitemap.xml answers 200');
is($res->{headers}{'content-type'}, 'application/xml; charset=utf-8', 'as XML');
my $xml = $res->{content};
is($g->xml_errors($xml), '', 'well-formed (xmllint)');
is($g->xpath($xml, "local-name(/*)"), 'urlset', 'a urlset');
is($g->xpath($xml, "namespace-uri(/*)"), 'http://www.sitemaps.org/schemas/sitemap/0.9', 'in the sitemap namespace');
my %in = map { $_ => 1 } @{ urls($xml) };
ok($in{"$base/"}, 'the front page');
ok($in{"$base/tags"}, 'the topic index');
my $live = $g->sql("SELECT slug FROM articles WHERE status = 'published'");
is((grep { $in{"$base/articles/$_->{slug}"} } @$live), scalar @$live, 'every live article');
my $tags = $g->sql("SELECT slug FROM tags WHERE article_count > 0");
is((grep { $in{"$base/tags/$_->{slug}"} } @$tags), scalar @$tags, 'every tag with articles');
ok(!(grep { /a-draft-not-to-list|secret-tag/ } keys %in), 'no draft, and no tag only drafts carry');
is($g->xpath($xml, "count(/*/*[local-name()='url'])"), $g->xpath($xml, "count(/*/*[local-name()='url']/*[local-name()='lastmod'])"), 'every URL has a lastmod');
like($g->xpath($xml, "string(/*/*[local-name()='url'][3]/*[local-name()='lastmod'])"), qr/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/, 'in W3C format');
my $etag = $res->{headers}{etag};
is($g->get('/sitemap.xml', { 'If-None-Match' => $etag })->{status}, 304, 'conditional GET: 304');
is($g->get('/sitemap-1.xml')->{status}, 200, 'its parts answer too');
is($g->get('/sitemap-3.xml')->{status}, 404, 'a part beyond the last: 404');
is($g->get('/sitemap-0.xml')->{status}, 404, 'part 0: 404');
is($g->get('/sitemap-x.xml')->{status}, 404, 'a malformed part: 404');
is($g->get('/sitemap-.xml')->{status}, 404, 'an empty part: 404');

# A large site: more than 50,000 URLs make an index of parts.
$g->sql_write("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000) "
    . "INSERT INTO articles (slug, headline, status, published_at, created_at, modified_at) "
    . "SELECT 'bulk-' || i, 'Bulk ' || i, 'published', 1600000000 + i, 1600000000, 1600000000 + i FROM n");
my $nlive = $g->sql_value("SELECT count(*) FROM articles WHERE status = 'published'");
$res = $g->get('/sitemap.xml');
is($res->{status}, 200, 'a large site: /sitemap.xml answers 200');
$xml = $res->{content};
is($g->xml_errors($xml), '', 'well-formed');
is($g->xpath($xml, "local-name(/*)"), 'sitemapindex', 'a sitemap index');
my @parts = @{ urls($xml) };
is(scalar @parts, 3, 'of three parts: pages and tags, then two blocks of article ids');
is($parts[0], "$base/sitemap-1.xml", 'parts are absolute URLs at the root');
# Each part says when it last changed: the latest lastmod it lists.
my @part_lastmod = $xml =~ m{<sitemap><loc>[^<]+</loc>(?:<lastmod>([^<]+)</lastmod>)?</sitemap>}g;
is(scalar(grep { defined && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/ } @part_lastmod), 3, 'every part has a <lastmod>');
my %articles;
for my $k (0 .. $#parts) {
	my $part = $parts[$k];
	my $path = substr($part, length $base);
	$res = $g->get($path);
	is($res->{status}, 200, "$path answers 200");
	is($g->xml_errors($res->{content}), '', "$path is well-formed");
	my ($latest) = sort { $b cmp $a } $res->{content} =~ m{<lastmod>([^<]+)</lastmod>}g;
	is($part_lastmod[$k], $latest, "$path: the index's lastmod is its latest change ($latest)");
	my $u = urls($res->{content});
	ok(@$u <= 50000, "$path: at most 50,000 URLs (" . scalar(@$u) . ')');
	$articles{$_}++ for grep { m{/articles/} } @$u;
}
is(scalar keys %articles, $nlive, 'together the parts list every live article');
is((grep { $_ > 1 } values %articles), 0, 'each once');

$g->stop;
unlike($g->app_log, qr/controller returned|(?:sqlite|postgresql):|templates:/, 'no errors in the log');
done_testing();

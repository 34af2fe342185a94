#!/usr/bin/env perl
# Metadata (issue 5): every page's <title>, description and canonical
# link; on an article, Open Graph and Twitter card tags and a JSON-LD
# NewsArticle that parses as JSON and matches the article, even when a
# headline holds "</script>"; related articles.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use JSON::PP;
use Test::More;

my $g = GazetteTest->new(samples => 1);
my $base = $g->url('');

# HTML text as the reader sees it.
sub unescape {
	my ($s) = @_;
	$s =~ s/&lt;/</g; $s =~ s/&gt;/>/g; $s =~ s/&quot;/"/g; $s =~ s/&#39;/'/g; $s =~ s/&amp;/&/g;
	return $s;
}

sub meta {
	my ($html, $attr, $name) = @_;
	my @v = $html =~ /<meta $attr="\Q$name\E" content="([^"]*)">/g;
	return @v == 1 ? unescape($v[0]) : undef;
}

# The JSON-LD of a page: its one script element's text, decoded.
sub json_ld {
	my ($html) = @_;
	my @blocks = $html =~ m{<script type="application/ld\+json">(.*?)</script>}gs;
	return undef unless @blocks == 1;
	return eval { JSON::PP->new->utf8->decode($blocks[0]) };
}

# Every reader's page: a title, a description, one canonical link.
my $slug = $g->sql_value("SELECT slug FROM articles WHERE headline LIKE 'Lantern festival%'");
my ($y, $m) = (gmtime($g->sql_value("SELECT published_at FROM articles WHERE slug = '$slug'")))[5, 4];
my $month = sprintf('/archive/%04d/%02d', $y + 1900, $m + 1);
for my $path ('/', '/tags', '/tags/harbour', "/articles/$slug", '/archive', $month, '/search', '/search?q=harbour') {
	my $res = $g->get($path);
	is($res->{status}, 200, "$path answers 200");
	my @titles = $res->{content} =~ m{<title>([^<]+)</title>}g;
	is(scalar @titles, 1, "$path: one <title>");
	my $desc = meta($res->{content}, 'name', 'description');
	ok(defined $desc && length $desc > 10, "$path: a meta description");
	my @canon = $res->{content} =~ m{<link rel="canonical" href="([^"]+)">}g;
	is(scalar @canon, 1, "$path: one canonical link");
	like($canon[0] // '', qr{^\Q$base\E/}, "$path: absolute, from the base URL");
	isnt($desc, 'News from Port Ardent and beyond', "$path: its own description") unless $path eq '/';
}

# An article with a hostile headline, a byline, and no summary.
my $headline = q{Mayor's "plan" </script><script>alert(1)</script> & <b>more</b>};
$g->cli_ok('import', '--byline', 'By Jane Doe', $g->wire_file('hostile', $headline,
    "First paragraph of the story, which becomes the description.\n\nSecond paragraph.", 'Harbour, City council, Transport'));
my $art = $g->sql("SELECT * FROM articles WHERE headline LIKE 'Mayor%'")->[0];
my $res = $g->get("/articles/$art->{slug}");
is($res->{status}, 200, 'the article answers 200');
my $html = $res->{content};
my @scripts = $html =~ /<script/gi;
is(scalar @scripts, 1, 'one script element: the headline did not open another');
my @ends = $html =~ m{</script>}gi;
is(scalar @ends, 1, 'and did not close it early');
unlike($html, qr{<script>alert}, 'no executable script');

my $ld = json_ld($html);
ok($ld, 'the JSON-LD parses as JSON') or diag($@);
$ld ||= {};
my $want = $headline;
is($ld->{'@context'}, 'https://schema.org', '@context');
is($ld->{'@type'}, 'NewsArticle', '@type NewsArticle');
is($ld->{headline}, $want, 'headline, exactly');
my ($published) = $html =~ m{<p class="byline">.*?<time datetime="([^"]+)">}s;
is($ld->{datePublished}, $published, 'datePublished as on the page');
is($ld->{dateModified}, $published, 'dateModified: the publication, before any update');
is_deeply($ld->{author}, { '@type' => 'Person', name => 'Jane Doe' }, 'author from the byline');
is_deeply($ld->{keywords}, ['Harbour', 'City council', 'Transport'], 'keywords from the tags');
is($ld->{publisher}{name}, 'The Gazette', 'publisher: the site');
is($ld->{publisher}{'@type'}, 'Organization', 'an organisation');
is($ld->{url}, "$base/articles/$art->{slug}", 'url');
is($ld->{mainEntityOfPage}{'@id'}, "$base/articles/$art->{slug}", 'mainEntityOfPage');
is($ld->{description}, 'First paragraph of the story, which becomes the description. Second paragraph.', 'description from the body when there is no summary');
is($ld->{inLanguage}, 'en', 'inLanguage');

# Open Graph and Twitter card.
is(meta($html, 'property', 'og:type'), 'article', 'og:type');
is(meta($html, 'property', 'og:title'), $want, 'og:title, escaped as an attribute');
is(meta($html, 'property', 'og:url'), "$base/articles/$art->{slug}", 'og:url');
is(meta($html, 'property', 'og:site_name'), 'The Gazette', 'og:site_name');
is(meta($html, 'property', 'og:description'), $ld->{description}, 'og:description');
is(meta($html, 'name', 'twitter:card'), 'summary', 'twitter:card');
is(meta($html, 'name', 'twitter:title'), $want, 'twitter:title');
is(meta($html, 'name', 'description'), $ld->{description}, 'the meta description is the same');
is(meta($html, 'property', 'article:published_time'), $published, 'article:published_time');
like($html, qr{<link rel="canonical" href="\Q$base\E/articles/\Q$art->{slug}\E">}, 'canonical');
like($html, qr{<title>Mayor&#39;s &quot;plan&quot; &lt;/script&gt;&lt;script&gt;alert\(1\)&lt;/script&gt; &amp; &lt;b&gt;more&lt;/b&gt; }, 'the title is escaped');

# An update moves dateModified; no byline makes the site the author.
$g->sql_write("UPDATE articles SET updated_at = published_at + 7200, byline = '' WHERE id = $art->{id}");
$ld = json_ld($g->get("/articles/$art->{slug}")->{content}) || {};
isnt($ld->{dateModified}, $ld->{datePublished}, 'dateModified follows an update');
is($ld->{author}{'@type'}, 'Organization', 'no byline: the site is the author');
is($ld->{author}{name}, 'The Gazette', 'by name');

# A summary is the description when there is one.
$g->sql_write("UPDATE articles SET summary = 'A \"short\" summary & more' WHERE id = $art->{id}");
$html = $g->get("/articles/$art->{slug}")->{content};
is(meta($html, 'name', 'description'), 'A "short" summary & more', 'the summary is the description');
is((json_ld($html) || {})->{description}, 'A "short" summary & more', 'in the JSON-LD too');

# Control characters stay valid JSON.
$g->sql_write("UPDATE articles SET headline = 'Tab\tand' || " . (GazetteTest::pg() ? 'chr(1)' : 'char(1)')
    . " || ' bell' WHERE id = $art->{id}");
$ld = json_ld($g->get("/articles/$art->{slug}")->{content});
ok($ld, 'a headline with control characters still gives valid JSON');
# Issue 7: no page carries a control character (tab aside); the view
# shows it as U+FFFD, in the JSON-LD as everywhere else.
is($ld && $ld->{headline}, "Tab\tand\x{fffd} bell", 'and the same headline, the control shown as U+FFFD');

# Cyrillic articles say so.
my $ru = $g->sql_value("SELECT slug FROM articles WHERE headline LIKE 'В Заречье%'");
$html = $g->get("/articles/$ru")->{content};
$ld = json_ld($html) || {};
is($ld->{inLanguage}, 'ru', 'a Cyrillic article: inLanguage ru');
is(meta($html, 'property', 'og:locale'), 'ru_RU', 'og:locale ru_RU');
is_deeply($ld->{keywords}, [map { my $k = $_; utf8::decode($k); $k } 'Культура', 'Регион', 'Наводнение'], 'Cyrillic keywords');

# Related articles: most shared tags first, then newest; never itself,
# never a draft, at most five.
$g->cli_ok('import',
    $g->wire_file('r1', 'Related one', 'One.', 'Harbour, City council, Transport'),
    $g->wire_file('r2', 'Related two', 'Two.', 'Harbour'),
    $g->wire_file('r3', 'Related three', 'Three.', 'Harbour, City council'));
$g->cli_ok('import', '--draft', $g->wire_file('r4', 'Related draft', 'Draft.', 'Harbour, City council, Transport'));
my $ferry = $g->sql_value("SELECT slug FROM articles WHERE headline LIKE 'Council approves new cross-harbour%'");
$html = $g->get("/articles/$ferry")->{content};
my ($aside) = $html =~ m{<aside class="related"[^>]*>(.*?)</aside>}s;
ok($aside, 'the article has related articles');
my @rel = ($aside // '') =~ m{<a href="/articles/([a-z0-9-]+)">}g;
ok(@rel >= 1 && @rel <= 5, 'one to five of them');
ok(!(grep { $_ eq $ferry } @rel), 'not itself');
ok(!(grep { /related-draft/ } @rel), 'not a draft');
my %shared = map { $_->{slug} => $_->{n} } @{ $g->sql(
    "SELECT a.slug, count(*) AS n FROM article_tags x JOIN article_tags y ON y.tag_id = x.tag_id JOIN articles a ON a.id = y.article_id"
    . " WHERE x.article_id = (SELECT id FROM articles WHERE slug = '$ferry') AND y.article_id <> x.article_id AND a.status = 'published'"
    . " GROUP BY a.slug") };
my @counts = map { $shared{$_} // 0 } @rel;
is_deeply(\@counts, [sort { $b <=> $a } @counts], 'most shared tags first');
is($rel[0], 'related-one', 'the newest article sharing all three tags leads');
my $max = (sort { $b <=> $a } values %shared)[0];
is($counts[0], $max, 'it shares the most tags');
like($aside // '', qr{<time datetime="[^"]+">\d+ \w{3} \d{4}</time>}, 'with a short date');

$g->stop;
unlike($g->app_log, qr/controller returned|(?:sqlite|postgresql):|templates:/, 'no errors in the log');
done_testing();

#!/usr/bin/env perl
# What feed readers keep: every URL in a feed is absolute, also the
# links inside an entry's content (a reader that stores the content has
# no address to resolve "/tags/x" against, and Gazette sends no
# xml:base); the alternate link comes before self (some readers take
# the first link for the site); a topic page lists its own feed before
# the site's; the feed carries the site's language and each entry its
# article's, by the same rule as the article page.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;

my $g = GazetteTest->new(samples => 1);
my $base = $g->url('');
sub atom { my $p = shift; return join('', map { "/*[local-name()='$_']" } split m{/}, $p) }
sub xp { my ($xml, $expr) = @_; return $g->xpath($xml, $expr) }

# An article whose text links the site's own pages in every way.
my $ed = $g->login('desk', role => 'editor');
my $res = $ed->post('/admin/articles/new', { headline => 'Harbour works, a guide', summary => '', byline => '',
    dateline => '', source => '', tags => 'Harbour', slug => 'harbour-guide', action => 'publish',
    body => "See [the topic](/tags/harbour), [the archive](/archive), [a note](#note) and [a sibling](other-story).\n\n"
        . "![The map](/static/gazette.css \"A map\")\n\n[Elsewhere](https://example.org/x?a=1&b=2)\n\n[Mail](mailto:desk\@example.org)" });
is($res->{status}, 303, 'an article with relative links is published');

# Read through the editor's session: it bypasses the microcache.
my $xml = $ed->get('/feed.atom')->{content};
is($g->xml_errors($xml), '', 'the feed is well-formed');
my $e = atom('feed') . "/*[local-name()='entry'][*[local-name()='link'][\@href='$base/articles/harbour-guide']]";
my $content = xp($xml, "string($e/*[local-name()='content'])");
like($content, qr{href="\Q$base\E/tags/harbour"}, 'a site path in the content is absolute');
like($content, qr{href="\Q$base\E/archive"}, 'another one too');
like($content, qr{href="\Q$base\E/articles/harbour-guide#note"}, 'a fragment hangs off the article\'s address');
like($content, qr{href="\Q$base\E/articles/other-story"}, 'a relative path sits beside the article');
like($content, qr{src="\Q$base\E/static/gazette\.css"}, 'an image\'s src is absolute');
like($content, qr{href="https://example\.org/x\?a=1&amp;b=2"}, 'a link elsewhere is kept as it is');
like($content, qr{href="mailto:desk\@example\.org"}, 'and so is another scheme');
my @urls = $content =~ /\b(?:href|src)="([^"]*)"/g;
ok(@urls >= 7, scalar(@urls) . ' URLs in the content');
is(scalar(grep { !m{^(?:https?|mailto):} } @urls), 0, 'every one of them absolute') or diag(join "\n", @urls);

# Every other URL in the site's and a topic's feed.
for my $path ('/feed.atom', '/tags/harbour/feed.atom') {
	my $f = $ed->get($path)->{content};
	my @all = $f =~ /\b(?:href|src|scheme|uri)="([^"]*)"/g;
	push @all, map { xp($f, "string(($_)[1])") } atom('feed/id');
	# And the links inside every entry's content.
	my $n = xp($f, 'count(' . atom('feed/entry') . ')');
	for my $i (1 .. $n) {
		my $c = xp($f, 'string(' . atom('feed') . "/*[local-name()='entry'][$i]/*[local-name()='content'])");
		push @all, $c =~ /\b(?:href|src)="([^"]*)"/g;
	}
	is(scalar(grep { !m{^(?:https?|mailto):} } @all), 0, "$path: every URL is absolute (" . scalar(@all) . ')');
	# The alternate link first, then self.
	is(xp($f, 'string(' . atom('feed') . "/*[local-name()='link'][1]/\@rel)"), 'alternate', "$path: the first link is the alternate one");
	is(xp($f, 'string(' . atom('feed') . "/*[local-name()='link'][2]/\@rel)"), 'self', "$path: then self");
}

# Language: the feed's is the site's; each entry's, its article's.
my ($ru) = grep { $_->{headline} =~ /[\x{0410}-\x{044F}]/ }
    @{ $g->sql("SELECT slug, headline FROM articles WHERE status = 'published' ORDER BY id") };
ok($ru, "a Russian sample article: $ru->{slug}");
$xml = $g->get('/feed.atom')->{content};
is(xp($xml, "string(/*[local-name()='feed']/\@*[local-name()='lang'])"), 'en', 'the feed: xml:lang="en"');
my $re = atom('feed') . "/*[local-name()='entry'][*[local-name()='link'][\@href='$base/articles/$ru->{slug}']]";
is(xp($xml, "string($re/\@*[local-name()='lang'])"), 'ru', 'the Russian article\'s entry: xml:lang="ru"');
my $en = $g->sql_value("SELECT slug FROM articles WHERE headline LIKE 'Council%'");
my $ee = atom('feed') . "/*[local-name()='entry'][*[local-name()='link'][\@href='$base/articles/$en']]";
is(xp($xml, "string($ee/\@*[local-name()='lang'])"), 'en', 'an English one: xml:lang="en"');
is(xp($xml, 'count(' . atom('feed/entry') . "[not(\@*[local-name()='lang'])])"), 0, 'every entry says its language');
# The same rule as the article page.
my $page = $g->get("/articles/$ru->{slug}")->{content};
like($page, qr{<article class="story" lang="ru">}, 'the article page says ru too');
like($page, qr{"inLanguage": "ru"}, 'and so does its JSON-LD');
like($page, qr{<meta property="og:locale" content="ru_RU">}, 'and its Open Graph locale');
like($g->get("/articles/$en")->{content}, qr{<article class="story">}, 'an English article in the English site carries no lang of its own');

# A topic page: its own feed first, then the site's.
my $tag_page = $g->get('/tags/harbour')->{content};
my @feeds = $tag_page =~ m{<link rel="alternate" type="application/atom\+xml"[^>]* href="([^"]+)">}g;
is_deeply(\@feeds, ["$base/tags/harbour/feed.atom", "$base/feed.atom"], 'the topic page lists the topic\'s feed, then the site\'s');
@feeds = $g->get('/')->{content} =~ m{<link rel="alternate" type="application/atom\+xml"[^>]* href="([^"]+)">}g;
is_deeply(\@feeds, ["$base/feed.atom"], 'the front page, the site\'s feed alone');

done_testing();

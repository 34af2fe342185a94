#!/usr/bin/env perl
# Real-world wire copy end to end: the seed article from
# ../shared/seed/wire-article.txt is imported with `gazette import` and
# read through nginx.  Every expectation is read from the file itself at
# run time; where the file is absent the whole test is skipped.
use strict;
use warnings;
use utf8;
use lib 't/lib';
use Encode qw(decode);
use GazetteTest;
use Test::More;

my $seed = GazetteTest::seed_file();
plan skip_all => 'no seed article (../shared/seed/wire-article.txt)' unless $seed;

# What the file says: first line the headline, blocks of text, a tag
# line indented with white space, then "Comments".
open(my $fh, '<:raw', $seed) or die "$seed: $!";
my $text = decode('UTF-8', do { local $/; <$fh> });
close($fh);
my $space = qr/[\s\x{00a0}]/;
my @blocks = grep { /\S/ } split /\n$space*\n/, $text;
my $headline = shift @blocks;
$headline =~ s/^$space+|$space+$//g;
my ($tagline) = grep { /^$space/ && !/\n/ } @blocks;
my @paras = grep { !/^$space/ && !/^Comments$space*$/ } @blocks;
my @tags = map { s/^$space+|$space+$//gr } split /,/, $tagline;
ok(length $headline, "the file has a headline");
ok(@paras >= 3, 'and paragraphs (' . scalar(@paras) . ')');
ok(@tags >= 2, 'and tags: ' . join(' | ', map { Encode::encode('UTF-8', $_) } @tags));

my $g = GazetteTest->new(import => [$seed]);

# Plain text of an HTML fragment: tags dropped, entities decoded, white
# space folded, so that it compares with the file's text.
sub plain {
	my ($html) = @_;
	$html = decode('UTF-8', $html);
	$html =~ s/<[^>]*>/ /g;
	$html =~ s/&quot;/"/g;
	$html =~ s/&#39;|&#x27;/'/g;
	$html =~ s/&lt;/</g;
	$html =~ s/&gt;/>/g;
	$html =~ s/&amp;/&/g;
	$html =~ s/$space+/ /g;
	return $html;
}
sub fold { return $_[0] =~ s/$space+/ /gr =~ s/^ | $//gr }

my $front = $g->get('/');
is($front->{status}, 200, 'front page');
my ($slug) = $front->{content} =~ m{<h2 class="headline"><a href="/articles/([a-z0-9-]+)">};
ok($slug, "it links the imported article (/articles/$slug)");
like(plain($front->{content}), qr/\Q@{[fold($headline)]}\E/, 'the front page shows the headline');

my $page = $g->get("/articles/$slug");
is($page->{status}, 200, 'the article page answers 200');
my ($h1) = $page->{content} =~ m{<h1 class="headline">(.*?)</h1>}s;
is(plain($h1), fold($headline), 'its headline is the file\'s first line, quotes and all');
my ($body) = $page->{content} =~ m{<div class="story-body">(.*?)</div>}s;
my $plain_body = plain($body);
for my $i (0 .. $#paras) {
	my $p = fold($paras[$i]);
	ok(index($plain_body, $p) >= 0, "paragraph " . ($i + 1) . " appears whole");
}
is(() = $body =~ /<p>/g, scalar @paras, 'one <p> per paragraph of the file');
unlike($body, qr/\x{a0}|\xc2\xa0/, 'non-breaking spaces are folded');
for my $tag (@tags) {
	my $enc = Encode::encode('UTF-8', $tag);
	like($page->{content}, qr{<a href="/tags/([a-z0-9-]+)">\Q$enc\E</a>}, "tag '$enc' is linked");
	my ($tslug) = $page->{content} =~ m{<a href="/tags/([a-z0-9-]+)">\Q$enc\E</a>};
	my $tp = $g->get("/tags/$tslug");
	is($tp->{status}, 200, "its tag page /tags/$tslug answers 200");
	like($tp->{content}, qr{href="/articles/\Q$slug\E"}, 'and lists the article');
}
like($page->{content}, qr{No comments yet}, 'the comments section is there, empty as in the file');
done_testing();

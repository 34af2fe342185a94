#!/usr/bin/env perl
# gazette generate: the benchmark's data set.  Deterministic from its
# seed, with every counter the reader's pages rely on kept consistent,
# and its pages served like any other.
use strict;
use warnings;
use lib 't/lib';
use Digest::MD5 qw(md5_hex);
use GazetteTest;
use Test::More;

my @args = ('--articles', 120, '--comments-per-article', 3, '--tags', 40,
    '--now', 1700000000);

my $g = GazetteTest->new;
my ($rc, $out, $err) = $g->cli('generate', @args, '--seed', 7,
    '--words', $g->dir . '/words.txt');
is($rc, 0, 'generate succeeds') or diag($err);
like($err, qr{generate: 120/120 articles}, 'it reports its progress on stderr');

# Sizes and shapes.
is($g->sql_value("SELECT count(*) FROM articles WHERE status = 'published'"), 120, '120 published articles');
is($g->sql_value('SELECT count(*) FROM tags'), 40, '40 tags');
is($g->sql_value('SELECT count(*) FROM articles WHERE length(body_md) < 2048 OR length(body_md) > 6144'), 0,
    'every body holds 2-6 KB of Markdown');
is($g->sql_value('SELECT count(*) FROM (SELECT article_id, count(*) AS n FROM article_tags GROUP BY article_id) s WHERE n < 3 OR n > 6'), 0,
    'every article has 3 to 6 tags');
is($g->sql_value("SELECT count(*) FROM articles WHERE body_html NOT LIKE '%<p>%' OR headline = '' OR summary = '' OR byline NOT LIKE 'By %'"), 0,
    'each has rendered HTML, a headline, a summary and a byline');
is($g->sql_value('SELECT count(*) FROM articles WHERE published_at > 1700000000 OR published_at < 1700000000 - 3 * 365 * 86400'), 0,
    'published within the three years before --now');
my $comments = $g->sql_value("SELECT count(*) FROM comments WHERE status = 'approved'");
ok($comments > 120 && $comments < 120 * 6, "about 3 approved comments per article ($comments)");

# The counters agree with the rows they count.
is($g->sql_value('SELECT count(*) FROM tags t WHERE article_count != (SELECT count(*) FROM article_tags a WHERE a.tag_id = t.id AND a.live = 1)'), 0,
    'tags.article_count equals the live article_tags rows of every tag');
is($g->sql_value("SELECT count(*) FROM article_tags a JOIN articles r ON r.id = a.article_id WHERE a.published_at IS DISTINCT FROM r.published_at OR a.live != 1"), 0,
    'article_tags copy published_at and live');
is($g->sql_value("SELECT count(*) FROM articles a WHERE comment_count != (SELECT count(*) FROM comments c WHERE c.article_id = a.id AND c.status = 'approved')"), 0,
    'comment_count equals the approved comments of every article');
is($g->sql_value('SELECT count(*) FROM articles_fts'), 120, 'one search row per live article');
is($g->sql_value('SELECT count(*) FROM articles a JOIN articles_fts f ON f.' . $g->fts_key . ' = a.id WHERE f.headline != a.headline'), 0,
    'search rows carry the article ids and headlines');
my $lists = $g->sql('SELECT a.tag_list AS l, (SELECT ' . $g->list_sql('t.slug', ' ') . ' FROM (SELECT t.slug FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id ORDER BY x.position) t) AS s FROM articles a');
is(scalar(grep { join(' ', map { (split /\t/)[0] } split /\n/, $_->{l}) ne $_->{s} } @$lists), 0,
    'tag_list names the linked tags, in order');

# The words file: counts match what the search index finds.
my @words = map { [split /\t/] } split /\n/, GazetteTest::slurp($g->dir . '/words.txt');
ok(@words > 300, 'the words file lists the vocabulary (' . scalar(@words) . ' words)');
is(scalar(grep { $_->[0] !~ /^[a-z]+$/ || $_->[1] !~ /^[1-9]\d*$/ } @words), 0, 'as "word<TAB>count" lines');
my @sorted = sort { $b->[1] <=> $a->[1] } @words;
is_deeply([map { $_->[1] } @words], [map { $_->[1] } @sorted], 'most common first');
for my $w (@words[0, int(@words / 3), int(@words * 2 / 3), -1]) {
	is($g->sql_value('SELECT count(*) FROM articles_fts WHERE ' . $g->match_sql($w->[0])), $w->[1],
	    "'$w->[0]' is found in $w->[1] articles, as the words file says");
}

# Deterministic: the same seed gives the same rows, another seed others.
sub digest {
	my ($db) = @_;
	my $q = 'SELECT id, slug, headline, summary, byline, dateline, source, body_md, body_html, published_at, comment_count, tag_list FROM articles ORDER BY id; '
	    . 'SELECT article_id, author, body, created_at FROM comments ORDER BY id; '
	    . 'SELECT id, name, slug, article_count FROM tags ORDER BY id;';
	return md5_hex(GazetteTest::db_text($db, $q));
}

sub generate_into {
	my ($db, @more) = @_;
	local $ENV{GAZETTE_DB} = $db;
	open(my $out, '>&', \*STDOUT) or die;
	open(my $err, '>&', \*STDERR) or die;
	open(STDOUT, '>', '/dev/null') or die;
	open(STDERR, '>', '/dev/null') or die;
	my $status = system($GazetteTest::BIN, 'migrate') ||
	    system($GazetteTest::BIN, 'generate', @args, @more);
	open(STDOUT, '>&', $out) or die;
	open(STDERR, '>&', $err) or die;
	return $status >> 8;
}

my $first = digest($g->db);
my $same = $g->new_db('same');
is(generate_into($same, '--seed', 7), 0, 'a second database with the same seed');
is(digest($same), $first, 'holds exactly the same rows');
my $other = $g->new_db('other');
generate_into($other, '--seed', 8);
isnt(digest($other), $first, 'another seed gives other rows');

# Bad input: a clear message, nothing written.
for my $bad (['--articles', 0], ['--articles', 'x'], ['--tags', 2], ['--seed', '-1'], ['--frobnicate']) {
	($rc, $out, $err) = $g->cli('generate', @$bad);
	is($rc, 2, "generate @$bad is refused");
	like($err, qr/bad or unknown option/, 'with a message');
}
($rc, $out, $err) = $g->cli('generate', '--articles', 5);
is($rc, 1, 'a database that holds articles is refused');
like($err, qr/already holds articles/, 'with a message saying so');
is($g->sql_value('SELECT count(*) FROM articles'), 120, 'and nothing was added');

# The generated pages are served like any other.
my $a = $g->sql('SELECT slug, headline FROM articles ORDER BY published_at DESC LIMIT 1')->[0];
my $res = $g->get("/articles/$a->{slug}");
is($res->{status}, 200, 'the newest generated article is served');
my $headline = $a->{headline};
utf8::encode($headline);
like($res->{content}, qr{<h1 class="headline">\Q$headline\E</h1>}, 'with its headline');
my $tag = $g->sql_value('SELECT slug FROM tags ORDER BY article_count DESC LIMIT 1');
$res = $g->get("/tags/$tag");
is($res->{status}, 200, "the biggest tag's page is served");
my $newest = $g->sql_value("SELECT r.slug FROM article_tags x JOIN tags t ON t.id = x.tag_id JOIN articles r ON r.id = x.article_id WHERE t.slug = '$tag' ORDER BY r.published_at DESC LIMIT 1");
like($res->{content}, qr{href="/articles/\Q$newest\E"}, 'and lists its newest article');
is($g->get('/')->{status}, 200, 'the front page is served');

done_testing;

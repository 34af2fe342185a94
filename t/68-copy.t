#!/usr/bin/env perl
# gazette copy: a site made on SQLite (the samples, an editor, comments,
# a correction, a renamed tag) copied into an empty PostgreSQL database.
# Both ends pass gazette check with the same counts, the copy serves the
# same pages, keeps its ids, finds the same articles, takes new rows
# after the copied ones, and a second copy into it is refused.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;

plan skip_all => 'gazette copy writes into PostgreSQL: this test needs the '
    . 'private cluster that make test-pg starts (GAZETTE_TEST_PG is not set)'
    unless GazetteTest::pg();

# The source: a SQLite file, whatever backend the rest of the suite runs on.
my $src = do {
	local $GazetteTest::PG = '';
	GazetteTest->new(samples => 1, env => {
		GAZETTE_COMMENT_MODERATION => 'open',
		GAZETTE_COMMENT_MIN_SECONDS => 0,
	});
};
like($src->db, qr/\.db$/, 'the source is a SQLite file');
my $ed = $src->login('copyeditor', role => 'admin');
my $art = $src->sql("SELECT id, slug FROM articles WHERE status = 'published'"
    . " AND comments = 'open' ORDER BY id LIMIT 1")->[0];
for my $i (1 .. 3) {
	my $res = $src->post("/articles/$art->{slug}/comments", {
	    token => $src->sign_form_token($art->{id}, int(time) - 60),
	    name => "Reader $i", body => "Comment number $i, with <b>markup</b>.",
	    website => '' });
	is($res->{status}, 303, "comment $i is taken");
}
my $copied_user_id = $src->sql_value("SELECT id FROM users WHERE name = 'copyeditor'");
# An article with an account author (an author page), and a library
# image named in a text (a row of article_body_media, which has no
# foreign key on the image: made here without uploading one).
my $res = $ed->post('/admin/articles/new', { headline => 'Copied with its author',
    body => 'Text.', authors => 'copyeditor', byline => '', action => 'publish' });
is($res->{status}, 303, 'an article with an account author');
my $author_slug = $src->sql_value("SELECT slug FROM users WHERE name = 'copyeditor'");
$src->sql("INSERT INTO article_body_media (article_id, media_id) VALUES ($art->{id}, 424242)");

# The destination: an empty database in the test cluster.
my $name = GazetteTest::pg_create_database();
my $conninfo = GazetteTest::pg_conninfo($name);
my ($rc, $out, $err) = $src->cli('copy', '--from', $src->db, '--to', $conninfo);
is($rc, 0, 'gazette copy succeeds') or diag($err);
like($out, qr/^articles\s+(\d+)$/m, 'it reports the articles copied');
like($out, qr/^search index\s+\d+$/m, 'and the search index built');
like($out, qr/copy the media folder\s+\S+/, 'it says to copy the media folder, and which');

# gazette check on both ends: sound, and the same counts.
my $dst = GazetteTest->new(env => { GAZETTE_DB => $conninfo });
my ($src_rc, $src_out) = $src->cli('check');
my ($dst_rc, $dst_out) = $dst->cli('check');
is($src_rc, 0, 'gazette check passes on the source') or diag($src_out);
is($dst_rc, 0, 'and on the copy') or diag($dst_out);
my ($src_counts) = $src_out =~ /^(\d+ articles .*)$/m;
my ($dst_counts) = $dst_out =~ /^(\d+ articles .*)$/m;
ok(defined $src_counts, 'check says what the site holds');
is($dst_counts, $src_counts, 'the copy holds the same');

# The same pages.  Only the addresses (each instance has its own port)
# and the comment form's signed token (made at each request) differ.
sub page {
	my ($g, $path) = @_;
	my $res = $g->get($path);
	my $base = $g->url('');
	(my $body = $res->{content}) =~ s/\Q$base\E/BASE/g;
	$body =~ s/(name="token" value=")[^"]*/$1/g;
	return ($res->{status}, $body);
}
my @paths = ('/', '/tags', '/archive', '/feed.xml', '/sitemap.xml',
    "/articles/$art->{slug}", "/authors/$author_slug", "/authors/$author_slug/feed.atom");
push @paths, map { "/articles/$_->{slug}" }
    @{ $src->sql("SELECT slug FROM articles WHERE status = 'published' ORDER BY id") };
push @paths, map { "/tags/$_->{slug}" } @{ $src->sql("SELECT slug FROM tags ORDER BY id") };
for my $path (@paths) {
	my ($s1, $b1) = page($src, $path);
	my ($s2, $b2) = page($dst, $path);
	is($s2, $s1, "$path: the same status ($s1)");
	ok($b1 eq $b2, "$path: the same page") or do {
		my @a = split /\n/, $b1;
		my @b = split /\n/, $b2;
		for my $i (0 .. $#a) {
			next if defined $b[$i] && $a[$i] eq $b[$i];
			diag("line $i:\n  sqlite: $a[$i]\n  pg:     " . ($b[$i] // '(none)'));
			last;
		}
	};
}

# Search finds the same articles (ranking functions differ; the sets
# do not).
for my $q ('harbour', 'storm', 'fest', 'библиотека') {
	my @found = map { [ sort ($_->{content} =~ m{<h2[^>]*><a href="/articles/([^"]+)"}g) ] }
	    $src->get("/search?q=$q"), $dst->get("/search?q=$q");
	is_deeply($found[1], $found[0], "search '$q' finds the same articles on both");
}

# Ids are kept, and new rows come after the copied ones.
sub pg_value {
	my ($sql) = @_;
	open(my $fh, '-|', GazetteTest::psql_cmd($name, '-c', $sql)) or die "psql: $!";
	local $/;
	my $v = <$fh> // '';
	close($fh);
	$v =~ s/\s+\z//;
	return $v;
}
is(pg_value("SELECT id FROM users WHERE name = 'copyeditor'"),
    $copied_user_id, 'the editor keeps their id');
for my $t (['article_authors', "article_id || ':' || user_id || ':' || position"
    . " || ':' || coalesce(published_at, -1) || ':' || live", 'article_id, user_id'],
    ['article_body_media', "article_id || ':' || media_id", 'article_id, media_id']) {
	my ($table, $row, $order) = @$t;
	my $q = "SELECT $row AS r FROM $table ORDER BY $order";
	my $want = join("\n", map { $_->{r} } @{ $src->sql($q) });
	ok($want ne '', "$table has rows to copy");
	is(pg_value($q), $want, "$table is copied row for row");
}
$dst->add_user('newcomer');
cmp_ok(pg_value("SELECT id FROM users WHERE name = 'newcomer'"),
    '>', $copied_user_id, 'a new account gets the next id');
$dst->cli_ok('import', $dst->wire_file('after', 'Written after the copy',
    'A new article in the copied site.', 'Copy'));
is($dst->get('/search?q=written')->{status}, 200, 'a new article is taken and found');
my ($crc, $cout) = $dst->cli('check');
is($crc, 0, 'and the copy still passes gazette check') or diag($cout);

# A database with a site in it is not written over.
($rc, $out, $err) = $src->cli('copy', '--from', $src->db, '--to', $conninfo);
is($rc, 1, 'a second copy into it is refused');
like($err, qr/holds a site already/, 'saying why');
($rc, $out, $err) = $src->cli('copy', '--from', $conninfo, '--to', $src->db);
is($rc, 1, 'copying the other way is refused');
like($err, qr/--from names a SQLite file and --to a PostgreSQL database/, 'saying what copy does');

$dst->stop;
$src->stop;
GazetteTest::pg_drop_database($name);
done_testing;

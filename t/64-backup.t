#!/usr/bin/env perl
# Backups under load (issue 7): `gazette backup FILE` while readers post
# comments.  The copy passes `gazette check`, holds every comment that
# was acknowledged before the backup started, agrees with itself (the
# articles' comment counts match their comments), and, put back in
# place of the live database, serves the site.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use HTTP::Tiny;
use POSIX ();
use Test::More;
use Time::HiRes qw(sleep time);

# On PostgreSQL a backup is pg_dump's or pg_basebackup's work: gazette
# backup refuses, says so, and writes nothing.  (What follows copies a
# SQLite file.)
if (GazetteTest::pg()) {
	my $g = GazetteTest->new(samples => 1);
	my $copy = $g->dir . '/copy.db';
	my ($rc, $out, $err) = $g->cli('backup', $copy);
	is($rc, 1, 'on PostgreSQL, gazette backup refuses');
	like($err, qr/PostgreSQL: use pg_dump .* or pg_basebackup/, 'naming the tools to use');
	ok(!-e $copy, 'and writes no file');
	($rc, $out, $err) = $g->cli('backup', '--keep', 3, $g->dir . '/nightly');
	is($rc, 1, 'the nightly form refuses too');
	is($g->get('/')->{status}, 200, 'the site serves on');
	$g->stop;
	done_testing;
	exit 0;
}

my $g = GazetteTest->new(samples => 1, env => {
	GAZETTE_COMMENT_MODERATION => 'open',
	GAZETTE_COMMENT_MIN_SECONDS => 0,
	GAZETTE_COMMENT_RATE_MINUTE => 0,
	GAZETTE_COMMENT_RATE_HOUR => 0,
});
my $dir = $g->dir;
my $art = $g->sql("SELECT id, slug FROM articles WHERE status = 'published' AND comments = 'open' ORDER BY id LIMIT 1")->[0];

# Some bulk (16 MB), so that the copy is not over before a write can
# land in the middle of it.  (A copy made in small steps restarted at
# every write and, under this load, took hundreds of times longer.)
$g->sql("CREATE TABLE test_padding (v BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL "
    . "SELECT i + 1 FROM n WHERE i < 4000) INSERT INTO test_padding SELECT randomblob(4000) FROM n;");
cmp_ok(-s $g->db, '>', 10_000_000, 'a database of some size');

# Two readers post comments until told to stop; each acknowledged one
# is written down with the time its answer came.
my $stop = "$dir/stop";
my @kids;
for my $c (1, 2) {
	my $pid = fork() // die "fork: $!";
	if ($pid == 0) {
		$g->{http} = HTTP::Tiny->new(max_redirect => 0, timeout => 10);
		open(my $log, '>>', "$dir/acks-$c") or POSIX::_exit(1);
		$log->autoflush(1);
		my $n = 0;
		until (-e $stop) {
			$n++;
			my $body = "Backup comment $c-$n.";
			my $res = $g->post("/articles/$art->{slug}/comments", {
			    token => $g->sign_form_token($art->{id}, int(time) - 60),
			    name => "Reader $c", body => $body, website => '' });
			my ($id) = ($res->{headers}{location} // '') =~ /#comment-(\d+)$/;
			printf $log "%.6f %d %s\n", time, $id, $body if $res->{status} == 303 && $id;
		}
		POSIX::_exit(0);
	}
	push @kids, $pid;
}
sub acks {
	return map { [split(/ /, $_, 3)] } grep { /\S/ }
	    map { split(/\n/, GazetteTest::slurp($_)) } glob("$dir/acks-*");
}

# Once comments flow, back up; the clients go on writing throughout.
my $t = time;
sleep(0.05) while acks() < 20 && time - $t < 30;
my $backup = "$dir/backup.db";
my $started = time;
# A liveness bound, not a speed test: the copy takes a fraction of a
# second, and one that restarted at every write might never end.
my ($rc, $out, $err);
{
	local %ENV = (%ENV, %{ $g->{env} });
	my $pid = open(my $p, '-|') // die "fork: $!";
	if ($pid == 0) {
		open(STDERR, '>&', \*STDOUT);
		exec('timeout', '120', $GazetteTest::BIN, 'backup', $backup) or POSIX::_exit(127);
	}
	local $/;
	$out = <$p> // '';
	close($p);
	$rc = $? >> 8;
	$err = $out;
}
my $ended = time;
my $during = grep { $_->[0] > $started && $_->[0] < $ended } acks();
# Writes after the backup, too: the copy must not hold them up.
$t = time;
sleep(0.05) while (grep { $_->[0] > $ended } acks()) < 5 && time - $t < 30;
open(my $s, '>', $stop) or die;
close($s);
waitpid($_, 0) for @kids;
isnt($rc, 124, 'gazette backup finishes under load');
is($rc, 0, 'and succeeds') or diag($err);
like($out, qr/backed up to \Q$backup\E/, 'and says where');
note(sprintf('backup took %.2f s; %d comments were acknowledged meanwhile', $ended - $started, $during));
cmp_ok(scalar(grep { $_->[0] > $ended } acks()), '>=', 5, 'comments went on being taken after it');

# The copy checks out.
my @before = grep { $_->[0] < $started } acks();
cmp_ok(scalar @before, '>=', 20, scalar(@before) . ' comments acknowledged before the backup');
{
	local $g->{env}{GAZETTE_DB} = $backup;
	my ($crc, $cout, $cerr) = $g->cli('check');
	is($crc, 0, 'gazette check passes on the backup') or diag("$cout$cerr");
}
ok(!-e "$backup-wal", 'the backup is one file, without a WAL');
sub in_backup {
	my ($q) = @_;
	open(my $fh, '-|', 'sqlite3', '-json', $backup, $q) or die;
	local $/;
	my $j = <$fh>;
	close($fh);
	return $j && $j =~ /\S/ ? JSON::PP->new->decode($j) : [];
}
require JSON::PP;
my %copy = map { $_->{id} => $_->{body} } @{ in_backup('SELECT id, body FROM comments') };
my @missing = map { "$_->[1] ($_->[2])" } grep { ($copy{$_->[1]} // '') ne $_->[2] } @before;
is_deeply(\@missing, [], 'every comment acknowledged before the backup started is in it');
my $bad = in_backup('SELECT a.id FROM articles a WHERE a.comment_count <> '
    . "(SELECT count(*) FROM comments c WHERE c.article_id = a.id AND c.status = 'approved')");
is_deeply($bad, [], 'the copy is one moment: every comment count matches its comments');

# Restore: the backup in place of the live database serves the site.
$g->stop_app('TERM');
for my $f ($g->db, $g->db . '-wal', $g->db . '-shm') {
	unlink($f);
}
system('cp', $backup, $g->db) == 0 or die "cp: $?";
$g->start_app;
my $res = $g->get("/articles/$art->{slug}");
is($res->{status}, 200, 'the restored database serves the article');
is($g->sql_value('SELECT count(*) FROM comments'), scalar(keys %copy), 'with the comments of the copy');
($rc, $out) = $g->cli('check');
is($rc, 0, 'and passes gazette check in place');
$res = $g->post("/articles/$art->{slug}/comments", { token => $g->sign_form_token($art->{id}, int(time) - 60),
    name => 'After', body => 'Written after the restore.', website => '' });
is($res->{status}, 303, 'and takes new comments');

# gazette check also recounts the counters pages show: a tag's article
# count, an article's comment count, the archive's articles per day.
my $tag = $g->sql("SELECT id, slug FROM tags WHERE article_count > 0 LIMIT 1")->[0];
$g->sql_write("UPDATE tags SET article_count = article_count + 2 WHERE id = $tag->{id}");
$g->sql_write("UPDATE articles SET comment_count = comment_count + 1 WHERE id = $art->{id}");
$g->sql_write("UPDATE article_days SET n = n + 1 WHERE day = (SELECT max(day) FROM article_days)");
($rc, $out) = $g->cli('check');
is($rc, 1, 'gazette check fails on counters out of step');
like($out, qr/^tag \Q$tag->{slug}\E: article_count \d+, live articles \d+$/m, 'and names the tag');
like($out, qr/^article $art->{id}: comment_count \d+, approved comments \d+$/m, 'the article');
like($out, qr/^article_days \d+: \d+ kept, \d+ published$/m, 'and the day');
$g->sql_write("UPDATE tags SET article_count = article_count - 2 WHERE id = $tag->{id}");
$g->sql_write("UPDATE articles SET comment_count = comment_count - 1 WHERE id = $art->{id}");
$g->sql_write("UPDATE article_days SET n = n - 1 WHERE day = (SELECT max(day) FROM article_days)");
($rc, $out) = $g->cli('check');
is($rc, 0, 'put back, it passes again') or diag($out);

$g->stop;
done_testing();

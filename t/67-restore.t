#!/usr/bin/env perl
# Backups that restore: `gazette backup --keep N DIR` takes dated copies
# and keeps the newest N; `gazette restore FILE` checks a backup before
# touching anything, refuses while the site is serving (or, with
# --stop, stops it first), keeps the database it replaces aside, and
# the site then serves what the backup held: a comment posted before
# the backup is there, one posted after it is not (but is in the copy
# kept aside).  `gazette migrate` keeps a copy before changing a schema.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;
use Time::HiRes qw(sleep);

# On PostgreSQL, gazette restore (which puts a SQLite file in place)
# refuses, says what to use, and changes nothing.  (What follows
# restores SQLite files.)
if (GazetteTest::pg()) {
	my $lite = do { local $GazetteTest::PG = ''; GazetteTest->new(samples => 1) };
	my $file = $lite->dir . '/backup.db';
	$lite->cli_ok('backup', $file);
	my $g = GazetteTest->new;
	my ($rc, $out, $err) = $g->cli('restore', $file);
	is($rc, 1, 'on PostgreSQL, gazette restore refuses a SQLite backup');
	like($err, qr/PostgreSQL: use pg_dump/, 'naming the tools to use');
	is($g->sql_value('SELECT count(*) FROM articles'), 0, 'and changes nothing');
	$g->stop;
	$lite->stop;
	done_testing;
	exit 0;
}

my $g = GazetteTest->new(samples => 1, env => {
	GAZETTE_COMMENT_MODERATION => 'open',
	GAZETTE_COMMENT_MIN_SECONDS => 0,
});
my $dir = $g->dir;
my $art = $g->sql("SELECT id, slug FROM articles WHERE status = 'published' AND comments = 'open' ORDER BY id LIMIT 1")->[0];

sub comment {
	my ($body) = @_;
	my $res = $g->post("/articles/$art->{slug}/comments", {
	    token => $g->sign_form_token($art->{id}, int(time) - 60),
	    name => 'A reader', body => $body, website => '' });
	is($res->{status}, 303, "comment posted: $body");
}
sub has_comment {
	my ($body) = @_;
	return $g->get("/articles/$art->{slug}")->{content} =~ /\Q$body\E/;
}

# 1. A comment, the nightly backup, another comment.
comment('Posted before the backup.');
my ($rc, $out, $err) = $g->cli('backup', '--keep', '3', "$dir/backups");
is($rc, 0, 'backup --keep 3 DIR') or diag($err);
my @copies = glob("$dir/backups/gazette-*.db");
is(scalar @copies, 1, 'one dated copy in the folder');
like($copies[0], qr{/gazette-\d{8}-\d{6}\.db$}, 'named gazette-YYYYMMDD-HHMMSS.db');
my $backup = $copies[0];
comment('Posted after the backup.');
ok(has_comment('Posted after the backup.'), 'the site shows both comments');

# 2. Refusals, each leaving the live database as it was.
my $before = $g->fingerprint;
($rc, $out, $err) = $g->cli('restore', $backup);
is($rc, 1, 'restore while the site is serving: exit 1');
like($err, qr/is being served \(process \d+\).*--stop/, 'saying so, and how to stop it first');
ok(kill(0, $g->app_pid), 'the server still runs');

open(my $fh, '>:raw', "$dir/garbage.db") or die;
print $fh "SQLite format 3\0" . ("\xff" x 8000);
close($fh);
($rc, $out, $err) = $g->cli('restore', '--stop', "$dir/garbage.db");
is($rc, 1, 'a damaged backup: exit 1');
like($err, qr/not a usable backup; nothing was changed/, 'refused before anything is touched');
ok(kill(0, $g->app_pid), 'the server was not stopped for it');

system('cp', $backup, "$dir/newer.db") == 0 or die;
system('sqlite3', "$dir/newer.db", 'PRAGMA user_version = 999') == 0 or die;
($rc, $out, $err) = $g->cli('restore', '--stop', "$dir/newer.db");
is($rc, 1, 'a backup of a newer schema: exit 1');
like($err, qr/schema version 999 is newer/, 'naming the version');
($rc, $out, $err) = $g->cli('restore', '--stop', "$dir/no-such-file.db");
is($rc, 1, 'a missing backup: exit 1');
($rc, $out, $err) = $g->cli('restore');
is($rc, 2, 'no FILE: exit 2');
($rc, $out, $err) = $g->cli('restore', '--frobnicate', $backup);
is($rc, 2, 'an unknown option: exit 2');
is($g->fingerprint, $before, 'after all these, the database is unchanged');

# 3. The restore, stopping the server first.
my $pid = $g->app_pid;
($rc, $out, $err) = $g->cli('restore', '--stop', $backup);
is($rc, 0, 'restore --stop FILE') or diag($err);
like($out, qr/stopping the server, process $pid/, 'it stopped the server');
is(waitpid($pid, 0), $pid, 'which exited');
is($? >> 8, 0, 'cleanly');
delete $g->{pids}{app};
my ($aside) = $out =~ /kept aside as (\S+)/;
ok($aside && -f $aside, 'the replaced database was kept aside');
like($out, qr/restored from \Q$backup\E/, 'and says what it restored');
($rc, $out, $err) = $g->cli('check');
is($rc, 0, 'gazette check passes on the restored database') or diag($out, $err);
$g->start_app;
# nginx's copies of pages from before the restore live two seconds at most.
$g->wait_expired;
ok(has_comment('Posted before the backup.'), 'the site serves the comment from before the backup');
ok(!has_comment('Posted after the backup.'), 'not the one posted after it');
my $kept = `sqlite3 '$aside' "SELECT count(*) FROM comments WHERE body = 'Posted after the backup.'"`;
is($kept + 0, 1, 'which is in the copy kept aside');
comment('Posted after the restore.');
ok(has_comment('Posted after the restore.'), 'and the restored site takes new comments');

# 4. --keep: the oldest dated copies go, other files stay.
for my $old (qw(gazette-20200101-000000.db gazette-20210101-000000.db gazette-20220101-000000.db)) {
	system('cp', $backup, "$dir/backups/$old") == 0 or die;
}
open($fh, '>', "$dir/backups/notes.txt") or die;
close($fh);
# Copies are named by the second: let the first one's pass.
sleep(1.1);
($rc, $out, $err) = $g->cli('backup', '--keep', '3', "$dir/backups");
is($rc, 0, 'another backup --keep 3') or diag($err);
my @left = map { s{.*/}{}r } sort glob("$dir/backups/*");
is(scalar(grep { /^gazette-.*\.db$/ } @left), 3, 'three dated copies are left');
is(scalar(grep { /^gazette-.*\.db\.media$/ } @left), 2, 'and the photographs of the two gazette backup made');
ok(!grep({ /^gazette-202[01]/ } @left), 'the oldest went');
ok(grep({ $_ eq 'notes.txt' } @left), 'a file of another name is left alone');
($rc, $out, $err) = $g->cli('backup', '--keep', '0', "$dir/backups");
is($rc, 2, '--keep 0: exit 2');

# 5. migrate keeps a copy before changing the schema.
my $old = "$dir/old.db";
system("sqlite3 '$old' < '$GazetteTest::TOP/sql/001-init.sql' && sqlite3 '$old' 'PRAGMA user_version = 1'") == 0 or die;
($rc, $out, $err) = $g->cli('migrate', '--db', $old);
is($rc, 0, 'migrate a database of schema version 1') or diag($err);
my ($copy) = $out =~ /copy of schema version 1 kept as (\S+)/;
ok($copy && -f $copy, 'a copy was kept before the migration');
is(`sqlite3 '$copy' 'PRAGMA user_version'` + 0, 1, 'at the old version');
like($out, qr/schema version 1 -> \d+/, 'and the database was migrated');
($rc, $out) = $g->cli('migrate', '--db', $old);
unlike($out, qr/kept as/, 'an up-to-date database: no copy');

done_testing;

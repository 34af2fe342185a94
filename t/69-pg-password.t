#!/usr/bin/env perl
# A password in the database setting stays out of what Gazette says:
# the served app's log (its start, requests, a lost connection taken up
# again) and the commands' messages, on success and on failure, show a
# postgresql://user:PASSWORD@... URI (and a password= keyword) with the
# password masked.  src/util/conninfo.c is unit-tested by
# t/unit/12-conninfo.c; this test runs it through the real commands and
# server.  The private cluster of make test-pg trusts its socket
# (scripts/pg-cluster), so the password is not checked there: it is in
# the setting as a deployment's would be, and that is what must not be
# printed.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;

plan skip_all => 'a postgresql:// URI needs the private cluster that make '
    . 'test-pg starts (GAZETTE_TEST_PG is not set)'
    unless GazetteTest::pg();

my $g = GazetteTest->new(samples => 1);
my ($host) = $GazetteTest::PG =~ /(?:^|\s)host=(\S+)/;
my ($user) = $GazetteTest::PG =~ /(?:^|\s)user=(\S+)/;
ok($host && $user, 'the cluster has a socket folder and a user') or BAIL_OUT('no conninfo');

# A password unlike anything else printed, with a percent-encoded
# character: neither the text as given nor as libpq decodes it may show.
my $word = join('', map { ('a' .. 'z')[rand 26] } 1 .. 10);
my $secret = "Pw$word%21Z";
my $plain = "Pw$word!Z";
sub uri { my ($db) = @_; "postgresql://$user:$secret\@/$db?host=$host" }
my $uri = uri($g->{pg_db});
my $masked = qr{postgresql://\Q$user\E:\*\*\*\@/};

sub clean {
	my ($text, $what) = @_;
	my $ok = ok(index($text, "Pw$word") < 0, "$what: no password");
	diag($text) unless $ok;
	return $ok;
}

# The commands, told --db URI.
my ($rc, $out, $err) = $g->cli('migrate', '--db', $uri);
is($rc, 0, 'migrate with a password in the URI');
like("$out$err", $masked, '... names the database with the password masked');
clean("$out$err", 'migrate');

($rc, $out, $err) = $g->cli('check', '--db', $uri);
is($rc, 0, 'check');
like($out, qr/ok$/m, '... passes');
clean("$out$err", 'check');

($rc, $out, $err) = $g->cli('reindex', '--db', $uri);
is($rc, 0, 'reindex');
clean("$out$err", 'reindex');

($rc, $out, $err) = $g->cli('user', 'list', '--db', $uri);
is($rc, 0, 'user list');
clean("$out$err", 'user list');

($rc, $out, $err) = $g->cli('import', '--if-empty', '--db', $uri,
    glob("$GazetteTest::TOP/samples/*.txt"));
is($rc, 0, 'import --if-empty into a site that has articles');
like("$out$err", qr/holds articles already/, '... imports nothing, and says so');
clean("$out$err", 'import --if-empty');

($rc, $out, $err) = $g->cli('generate', '--articles', 1, '--db', $uri);
isnt($rc, 0, 'generate refuses a site that has articles');
like($err, qr/already holds articles/, '... saying so');
clean("$out$err", 'generate');

($rc, $out, $err) = $g->cli('backup', $g->dir . '/b.db', '--db', $uri);
isnt($rc, 0, 'backup refuses PostgreSQL');
like($err, qr/pg_dump/, '... naming pg_dump');
clean("$out$err", 'backup');

# restore: a good SQLite backup, refused on PostgreSQL.
my $file = $g->dir . '/site.db';
$g->cli_ok('migrate', '--db', $file);
$g->cli_ok('backup', '--db', $file, $g->dir . '/b.db');
($rc, $out, $err) = $g->cli('restore', $g->dir . '/b.db', '--db', $uri);
isnt($rc, 0, 'restore refuses PostgreSQL');
like($err, qr/pg_dump/, '... naming pg_dump');
clean("$out$err", 'restore');

# Failures: no such database; a database without the schema.
($rc, $out, $err) = $g->cli('check', '--db', uri('gazette_no_such_db'));
isnt($rc, 0, 'a database that does not exist: check fails');
like($err, qr/gazette_no_such_db/, '... naming it');
clean("$out$err", 'no such database');

my ($empty) = $g->new_db('empty') =~ /dbname=(\S+)/;
($rc, $out, $err) = $g->cli('reindex', '--db', uri($empty));
isnt($rc, 0, 'a database without the schema: reindex fails');
like($err, qr{$masked\Q$empty\E.*run 'gazette migrate'}, '... naming it, masked, and what to do');
clean("$out$err", 'no schema');

# The keyword form, password=...
($rc, $out, $err) = $g->cli('check', '--db',
    "host=$host user=$user dbname=gazette_no_such_db password=$plain");
isnt($rc, 0, 'a keyword conninfo with a password, no such database: check fails');
clean("$out$err", 'keyword conninfo');

# The server, its setting the URI (GAZETTE_DB, as the service has it).
$g->{env}{GAZETTE_DB} = $uri;
$g->restart_app;
is($g->get('/')->{status}, 200, 'the app serves with a password in its URI');
my $art = $g->sql("SELECT slug FROM articles WHERE status = 'published' ORDER BY id LIMIT 1")->[0];
is($g->get("/articles/$art->{slug}")->{status}, 200, 'an article');
# Its connections cut: it connects again, with the same setting.
open(my $fh, '-|', GazetteTest::psql_cmd('postgres', '-c',
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
    . " WHERE datname = '$g->{pg_db}' AND pid <> pg_backend_pid()"))
    or die "psql: $!";
my @cut = <$fh>;
close($fh) or die 'psql failed';
my %seen;
$seen{ $g->get("/search?q=harbour&i=$_")->{status} }++ for 1 .. 4;
is_deeply([sort keys %seen], [200], 'after its connections are cut it serves on')
    or diag(explain(\%seen));
$g->stop;
my $log = $g->app_log;
like($log, qr/serving $masked/, 'the log names the database, password masked');
like($log, qr/connected again/, 'and says the app connected again');
clean($log, 'the app log');

done_testing;

#!/usr/bin/env perl
# `make run` (scripts/run, issue 2) as a user meets it: the first run
# migrates, loads the sample articles, creates the admin and prints the
# login once, serves through nginx on the port asked for, and Ctrl-C
# stops the app and nginx; the second run keeps the data and prints no
# login; a database made by hand with `gazette migrate` is a first run
# too.  Runs in its own directory (GAZETTE_VAR), never in var/.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use File::Path qw(make_path);
use File::Temp qw(tempdir);
use HTTP::Tiny;
use POSIX qw(:sys_wait_h);
use Test::More;
use Time::HiRes qw(sleep time);

my $TOP = $GazetteTest::TOP;
my $http = HTTP::Tiny->new(max_redirect => 0, timeout => 10);

# Start scripts/run on a free port in $var; returns (pid, port, log).
sub run_start {
	my ($var) = @_;
	my $port = GazetteTest::free_port();
	make_path($var);	# for the log; scripts/run makes it too
	my $log = "$var/run.out";
	unlink($log);
	my $pid = fork() // die "fork: $!";
	if ($pid == 0) {
		$ENV{GAZETTE_VAR} = $var;
		$ENV{GAZETTE_BIN} = $GazetteTest::BIN;
		$ENV{GAZETTE_THREADS} = 2;
		delete @ENV{grep { /^GAZETTE_(DB|SOCKET|BASE_URL)$/ } keys %ENV};
		open(STDIN, '<', '/dev/null');
		open(STDOUT, '>', $log) or die;
		open(STDERR, '>&', \*STDOUT) or die;
		exec("$TOP/scripts/run", $port) or die "exec: $!";
	}
	my $t = time;
	until (GazetteTest::slurp($log) =~ /Gazette is running at/) {
		last if time - $t > 30 || waitpid($pid, WNOHANG) > 0;
		sleep(0.1);
	}
	return ($pid, $port, GazetteTest::slurp($log));
}

# Ctrl-C; returns 1 if scripts/run, the app and nginx all ended.
sub run_stop {
	my ($pid, $var) = @_;
	my $nginx_pid = GazetteTest::slurp("$var/nginx.pid") =~ /(\d+)/ ? $1 : 0;
	kill('INT', $pid);
	my $t = time;
	while (waitpid($pid, WNOHANG) == 0) {
		if (time - $t > 20) { kill('KILL', $pid); waitpid($pid, 0); return 0 }
		sleep(0.1);
	}
	$t = time;
	sleep(0.1) while $nginx_pid && kill(0, $nginx_pid) && time - $t < 10;
	return !($nginx_pid && kill(0, $nginx_pid)) && !-S "$var/gazette.sock";
}

sub count {
	my ($var, $q) = @_;
	my $v = `sqlite3 '$var/gazette.db' '$q'`;
	chomp $v;
	return $v;
}

my $nsamples = () = glob("$TOP/samples/*.txt");

# 1. The first run.
my $var = tempdir('gazette-run-XXXXXX', TMPDIR => 1, CLEANUP => 1);
my ($pid, $port, $out) = run_start($var);
like($out, qr{Gazette is running at http://127\.0\.0\.1:$port/}, 'prints the URL with the port asked for');
like($out, qr{Editor login: admin / (\S+)}, 'prints the editor login on the first run');
like($out, qr/sample articles are loaded/, 'and says the samples are loaded');
my $res = $http->get("http://127.0.0.1:$port/");
is($res->{status}, 200, 'the front page answers through nginx');
like($res->{content}, qr{<a href="/articles/[a-z0-9-]+">}, 'with articles on it');
is(count($var, "SELECT count(*) FROM articles"), $nsamples, "the $nsamples sample articles are in the database");
is(count($var, "SELECT name, role FROM users"), 'admin|admin', 'one account: admin, role admin');
ok(-f "$var/nginx.conf" && -f "$var/gazette.log", 'runtime files are in its var directory');
ok(run_stop($pid, $var), 'Ctrl-C stops the app and nginx');
like(GazetteTest::slurp("$var/run.out"), qr/Stopped\./, 'and says so');
is($http->get("http://127.0.0.1:$port/")->{status}, 599, 'nothing answers on the port any more');

# 2. The second run keeps everything, prints no login, loads nothing.
$http->get("http://127.0.0.1:$port/");
($pid, $port, $out) = run_start($var);
like($out, qr/Gazette is running/, 'the second run starts');
unlike($out, qr/Editor login/, 'and prints no login');
unlike($out, qr/sample articles are loaded/, 'and loads no samples');
is(count($var, "SELECT count(*) FROM articles"), $nsamples, 'the articles are the same');
is(count($var, "SELECT count(*) FROM users"), 1, 'and the accounts');
is($http->get("http://127.0.0.1:$port/")->{status}, 200, 'it serves');
ok(run_stop($pid, $var), 'Ctrl-C stops it');

# 3. A database made by hand first (gazette migrate) is a first run too.
my $var2 = tempdir('gazette-run-XXXXXX', TMPDIR => 1, CLEANUP => 1);
{
	local $ENV{GAZETTE_DB} = "$var2/gazette.db";
	system($GazetteTest::BIN, 'migrate') == 0 or die "migrate failed";
}
($pid, $port, $out) = run_start($var2);
like($out, qr/Editor login: admin \//, 'after a manual migrate: the login is printed');
is(count($var2, "SELECT count(*) FROM articles"), $nsamples, 'and the samples loaded');
ok(run_stop($pid, $var2), 'Ctrl-C stops it');

# 4. GAZETTE_VAR may be relative (to the checkout, where make runs).
my $rel = "var/t03-run-$$";
($pid, $port, $out) = run_start($rel);
like($out, qr/Gazette is running/, 'a relative GAZETTE_VAR works');
is($http->get("http://127.0.0.1:$port/")->{status}, 200, 'and serves');
ok(run_stop($pid, $rel), 'Ctrl-C stops it');
system('rm', '-rf', $rel);

done_testing();

#!/usr/bin/env perl
# The command line: `gazette --help` (and `help`, `-h`) lists every
# subcommand on standard output and exits 0; a mistake (an unknown
# command or option, a setting without its value, a bad number) exits
# non-zero with one line on standard error that names it, prints
# nothing on standard output, and starts or writes nothing.

use strict;
use warnings;
use lib 't/lib';
use File::Temp qw(tempdir);
use GazetteTest;
use POSIX qw(:sys_wait_h);
use Test::More;
use Time::HiRes qw(sleep time);

my $dir = tempdir('gazette-cli-XXXXXX', TMPDIR => 1, CLEANUP => !$ENV{GAZETTE_KEEP});
my $db = "$dir/cli.db";
my $sock = "$dir/cli.sock";

# Run build/gazette in $dir with only the settings given (no GAZETTE_*
# from the caller's environment), and no more than 10 seconds: a
# command that wrongly started serving is stopped.  Returns (exit
# status, stdout, stderr); status -1 if it had to be killed.
sub run {
	my ($env, @args) = @_;
	my ($out, $err) = ("$dir/out", "$dir/err");
	my $pid = fork() // die "fork: $!";
	if ($pid == 0) {
		delete @ENV{grep { /^GAZETTE_/ } keys %ENV};
		%ENV = (%ENV, GAZETTE_DB => $db, GAZETTE_SOCKET => $sock, %$env);
		chdir($dir) or die "$dir: $!";
		open(STDIN, '<', '/dev/null') or die;
		open(STDOUT, '>', $out) or die;
		open(STDERR, '>', $err) or die;
		exec($GazetteTest::BIN, @args) or die "exec: $!";
	}
	my $t = time;
	my $rc;
	while (1) {
		if (waitpid($pid, WNOHANG) == $pid) {
			$rc = $? >> 8;
			last;
		}
		if (time - $t > 10) {
			kill('KILL', $pid);
			waitpid($pid, 0);
			$rc = -1;
			last;
		}
		sleep(0.01);
	}
	my $errtext = GazetteTest::slurp($err);
	if ($errtext =~ /(ERROR: AddressSanitizer|runtime error:|ERROR: LeakSanitizer)/) {
		fail("sanitizer report from gazette @args");
		diag($errtext =~ s/^(.{0,4000}).*/$1/sr);
	}
	return ($rc, GazetteTest::slurp($out), $errtext);
}

# A mistake: non-zero, silent on stdout, one line on stderr matching
# every pattern in $names.  Nothing is left behind in $dir.
sub refused {
	my ($what, $env, $args, @names) = @_;
	my ($rc, $out, $err) = run($env, @$args);
	my $cmd = join(' ', 'gazette', map { length($_) ? $_ : "''" } @$args);
	isnt($rc, -1, "$cmd: ends by itself");
	ok($rc > 0, "$cmd: exits non-zero ($rc)");
	is($out, '', "$cmd: nothing on stdout");
	my @lines = split(/\n/, $err, -1);
	pop @lines if @lines && $lines[-1] eq '';
	is(scalar @lines, 1, "$cmd: one line on stderr") or diag($err);
	for my $re (@names) {
		like($err, $re, "$cmd: names $what");
	}
	ok(!-e $sock && !-e $db && !-e "$dir/var", "$cmd: starts and writes nothing");
	unlink($sock, $db);
	return ($rc, $out, $err);
}

# 1. Help.
my @commands = qw(serve migrate import backup restore check reindex user generate);
my ($rc, $out, $err) = run({}, '--help');
is($rc, 0, 'gazette --help exits 0');
is($err, '', 'and writes nothing on stderr');
like($out, qr/^usage: gazette COMMAND/, 'it starts with the usage line');
for my $c (@commands) {
	like($out, qr/^  \Q$c\E\b/m, "it lists the subcommand $c");
}
like($out, qr/^  help\b/m, 'and help itself');
# The settings, with their variables (README: "--help lists them all").
for my $s (qw(db socket base-url timezone threads sync page-cache comment-moderation session-idle login-window)) {
	my $var = 'GAZETTE_' . uc($s =~ tr/-/_/r);
	like($out, qr/^  --\Q$s\E +\Q$var\E /m, "and the setting --$s ($var)");
}
my $help = $out;
for my $alias (['help'], ['-h'], ['serve', '--help'], ['user', '-h']) {
	($rc, $out, $err) = run({}, @$alias);
	is($rc, 0, "gazette @$alias exits 0");
	is($out, $help, "gazette @$alias prints the same text");
	is($err, '', 'and nothing on stderr');
}
ok(!-e $db, 'help opens no database');

# No command at all: the usage, on stderr, and a failure.
($rc, $out, $err) = run({});
is($rc, 2, 'gazette with no command exits 2');
is($out, '', 'nothing on stdout');
like($err, qr/^usage: gazette COMMAND/, 'the usage on stderr');

# 2. Mistakes named in one line.
refused('the command', {}, ['nosuchcommand'], qr/unknown command/, qr/'nosuchcommand'/);
refused('the command (names are exact)', {}, ['Serve'], qr/unknown command 'Serve'/);
refused('the option', {}, ['serve', '--no-such-option'], qr/'--no-such-option'/);
refused('the extra argument', {}, ['serve', 'now'], qr/unexpected argument 'now'/);
refused('the setting without its value', {}, ['migrate', '--db'], qr/--db needs a value/);
refused('the setting without its value', {}, ['serve', '--threads'], qr/--threads needs a value/);
refused('the setting and the value', {}, ['serve', '--threads', '0'], qr/threads/, qr/'0'/, qr/1 to 64/);
refused('the setting and the value', {}, ['serve', '--threads', 'abc'], qr/threads/, qr/'abc'/);
refused('the setting and the value', {}, ['serve', '--threads=abc'], qr/threads/, qr/'abc'/);
refused('the setting and the value', {}, ['serve', '--threads', '65'], qr/threads/, qr/'65'/);
refused('the setting and the value', {}, ['serve', '--threads', '4x'], qr/threads/, qr/'4x'/);
refused('the setting and the value', {}, ['serve', '--threads', '99999999999999999999'], qr/threads/);
refused('the setting and the value', {}, ['migrate', '--page-cache', '-1'], qr/page-cache/, qr/'-1'/);
refused('the variable and the value', { GAZETTE_THREADS => 'abc' }, ['serve'], qr/GAZETTE_THREADS/, qr/'abc'/);
refused('the variable and the value', { GAZETTE_SESSION_IDLE => '0' }, ['migrate'], qr/GAZETTE_SESSION_IDLE/, qr/'0'/);
refused('the setting and the value', {}, ['migrate', '--sync', '2'], qr/sync/, qr/'2'/);
refused('the setting and the value', {}, ['migrate', '--comment-moderation', 'sometimes'], qr/comment-moderation/, qr/'sometimes'/);
refused('the time zone', {}, ['migrate', '--timezone', 'Nowhere/Atlantis'], qr/time zone 'Nowhere\/Atlantis'/);
refused('the base URL', {}, ['migrate', '--base-url', 'ftp://news.example.org'], qr/--base-url/);

# An unknown option given to each subcommand.
for my $c (qw(serve migrate check reindex import)) {
	refused("the option to $c", {}, [$c, '--frobnicate'], qr/\Q$c\E/, qr/'--frobnicate'/);
}
# Commands with arguments of their own say in one line what is wrong
# too (gazette help has the usage).
for my $args (['backup', '--frobnicate', 'copy.db'], ['generate', '--frobnicate'],
    ['user', '--frobnicate'], ['user']) {
	my ($rc, $out, $err) = run({}, @$args);
	my $cmd = "gazette @$args";
	ok($rc > 0, "$cmd: exits non-zero ($rc)");
	is($out, '', "$cmd: nothing on stdout");
	my $lines = () = $err =~ /\n/g;
	is($lines, 1, "$cmd: one line on stderr");
	like($err, @$args > 1 ? qr/'--frobnicate'/ : qr/^gazette: user: .*missing command/,
	    "$cmd: names the mistake");
}

# An empty value for a setting that names a file is refused (an empty
# database name would make SQLite open a throw-away database).
($rc, $out, $err) = run({}, 'migrate', '--db=');
ok($rc > 0, "gazette migrate --db= exits non-zero ($rc)");
is($out, '', 'nothing on stdout') or diag("stdout: $out");
like($err, qr/^gazette: --db needs a value\n\z/, 'and says why, in one line');
ok(!-e $db, 'no database was made');

# A command on a database that is not there yet says how to make it,
# in one line, without a source file's name.
for my $c (['check'], ['reindex'], ['user', 'list'], ['backup', "$dir/copy.db"]) {
	($rc, $out, $err) = run({}, @$c);
	ok($rc > 0, "gazette @$c without a database exits non-zero ($rc)");
	like($err, qr/^gazette: \Q$db\E: no database there \(gazette migrate creates it[^\n]*\)\n\z/,
	    "gazette @$c: one line naming the file and what to do");
}
ok(!-e $db, 'and none of them made one');

# The environment's empty values are ignored: GAZETTE_THREADS='' is the
# default, not an error.
($rc, $out, $err) = run({ GAZETTE_THREADS => '' }, 'migrate');
is($rc, 0, "GAZETTE_THREADS='' falls back to the default") or diag($err);
like($out, qr/\Q$db\E: schema version 0 -> \d+/, 'and migrate creates the database');
ok(-e $db, 'which exists');

# A good command still works after all that: check says ok.
($rc, $out, $err) = run({}, 'check');
is($rc, 0, 'gazette check exits 0 on the new database') or diag($err);
like($out, qr/\Q$db\E: ok/, 'and says ok');

done_testing();

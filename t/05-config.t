#!/usr/bin/env perl
# The configuration file (--config FILE or GAZETTE_CONFIG): KEY=value
# lines with the settings' variable names, read before the environment,
# which is read before the flags.  A mistake in the file stops the start
# with the file's name, the line and the reason, and writes nothing.
use strict;
use warnings;
use lib 't/lib';
use File::Temp qw(tempdir);
use GazetteTest;
use Test::More;

my $dir = tempdir('gazette-config-XXXXXX', TMPDIR => 1, CLEANUP => !$ENV{GAZETTE_KEEP});

# Run gazette in $dir with only the environment given.
sub run {
	my ($env, @args) = @_;
	my $pid = fork() // die "fork: $!";
	if ($pid == 0) {
		delete @ENV{grep { /^GAZETTE_/ } keys %ENV};
		%ENV = (%ENV, %$env);
		chdir($dir) or die;
		open(STDIN, '<', '/dev/null') or die;
		open(STDOUT, '>', "$dir/out") or die;
		open(STDERR, '>', "$dir/err") or die;
		exec($GazetteTest::BIN, @args) or die "exec: $!";
	}
	waitpid($pid, 0);
	return ($? >> 8, GazetteTest::slurp("$dir/out"), GazetteTest::slurp("$dir/err"));
}

sub conf {
	my ($name, $text) = @_;
	open(my $fh, '>', "$dir/$name") or die;
	print $fh $text;
	close($fh);
	return "$dir/$name";
}

# 1. Precedence: defaults, then the file, then the environment, then flags.
my $c = conf('site.conf', <<"EOF_CONF");
# A comment, and a blank line:

GAZETTE_DB = $dir/from-file.db
GAZETTE_TITLE="The Morning Post"
GAZETTE_THREADS='8'
EOF_CONF
my ($rc, $out, $err) = run({}, 'migrate', '--config', $c);
is($rc, 0, 'migrate --config FILE') or diag($err);
like($out, qr{^\Q$dir\E/from-file\.db: schema version}, 'the file\'s GAZETTE_DB is used');
($rc, $out) = run({ GAZETTE_CONFIG => $c }, 'migrate');
like($out, qr{from-file\.db}, 'GAZETTE_CONFIG names the file too');
($rc, $out) = run({ GAZETTE_CONFIG => $c, GAZETTE_DB => "$dir/from-env.db" }, 'migrate');
like($out, qr{from-env\.db}, 'the environment overrides the file');
($rc, $out) = run({ GAZETTE_CONFIG => $c, GAZETTE_DB => "$dir/from-env.db" }, 'migrate', '--db', "$dir/from-flag.db");
like($out, qr{from-flag\.db}, 'and a flag overrides both');
($rc, $out) = run({ GAZETTE_CONFIG => "$dir/nowhere.conf" }, 'migrate', '--config', $c);
like($out, qr{from-file\.db}, '--config wins over GAZETTE_CONFIG');
($rc, $out, $err) = run({}, 'migrate', "--config=$c");
like($out, qr{from-file\.db}, '--config=FILE works as well');

# 2. Mistakes: the file, the line, the reason; nothing written.
my @bad = (
	["GAZETTE_DB=$dir/bad.db\nGAZETTE_NO_SUCH=1\n", qr/:2: unknown setting 'GAZETTE_NO_SUCH'/, 'an unknown key'],
	["GAZETTE_DB=$dir/bad.db\n\n# x\nGAZETTE_THREADS=abc\n", qr/:4: GAZETTE_THREADS: 'abc' is not a number from 1 to 64/, 'a bad number'],
	["GAZETTE_DB=$dir/bad.db\nGAZETTE_COMMENT_MODERATION=sometimes\n", qr/:2: GAZETTE_COMMENT_MODERATION: 'sometimes' is not open/, 'a bad word'],
	["GAZETTE_DB=$dir/bad.db\nGAZETTE_TIMEZONE=Nowhere/Atlantis\n", qr/:2: GAZETTE_TIMEZONE: unknown time zone 'Nowhere\/Atlantis'/, 'a bad time zone'],
	["GAZETTE_DB=$dir/bad.db\nGAZETTE_BASE_URL=ftp://x\n", qr/:2: GAZETTE_BASE_URL must start with http/, 'a bad address'],
	["GAZETTE_DB=$dir/bad.db\njust some words\n", qr/:2: not a KEY=value line/, 'a line that is no setting'],
	["GAZETTE_DB=$dir/bad.db\nGAZETTE_CONFIG=/etc/other.conf\n", qr/:2: GAZETTE_CONFIG cannot be set/, 'a file naming another'],
	["GAZETTE_DB=$dir/bad.db\nGAZETTE_SOCKET=\n", qr/:2: GAZETTE_SOCKET needs a value/, 'an empty value that may not be empty'],
	["gazette_db=$dir/bad.db\n", qr/:1: unknown setting 'gazette_db'/, 'keys are upper case, as the variables'],
);
for my $b (@bad) {
	my ($text, $re, $what) = @$b;
	my $f = conf('bad.conf', $text);
	($rc, $out, $err) = run({}, 'migrate', '--config', $f);
	is($rc, 2, "$what: exit 2");
	like($err, qr/^gazette: \Q$f\E$re/, "$what: file, line and reason") or diag($err);
	is($out, '', "$what: nothing on stdout");
	ok(!-e "$dir/bad.db", "$what: no database made");
	unlink("$dir/bad.db");
}
($rc, $out, $err) = run({}, 'migrate', '--config', "$dir/missing.conf");
is($rc, 2, 'a missing configuration file: exit 2');
like($err, qr{\Q$dir\E/missing\.conf: No such file}, 'naming it');
($rc, $out, $err) = run({}, 'migrate', '--config');
like($err, qr/--config needs a value/, '--config without a file');

# 3. --help lists the file setting, as every other.
($rc, $out) = run({}, '--help');
like($out, qr/^  --config +GAZETTE_CONFIG /m, '--help lists --config');
like($out, qr/^  --socket-group +GAZETTE_SOCKET_GROUP /m, 'and --socket-group');

done_testing;

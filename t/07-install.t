#!/usr/bin/env perl
# make install: with PREFIX and DESTDIR, every file lands where the
# README says; the installed binary, started from any folder, finds its
# templates and static files and reads its configuration file without
# being told, and serves pages; the clone's binary still takes its
# files from the working folder.
use strict;
use warnings;
use lib 't/lib';
use File::Temp qw(tempdir);
use GazetteTest;
use Test::More;
use Time::HiRes qw(sleep time);

my $TOP = $GazetteTest::TOP;
my $tmp = tempdir('gazette-install-XXXXXX', TMPDIR => 1, CLEANUP => !$ENV{GAZETTE_KEEP});
my @make = ('make', '--no-print-directory', '-C', $TOP, 'SAN=' . ($ENV{GAZETTE_SAN} // 0));

sub make_install {
	my (@vars) = @_;
	my $out = `@make install @vars 2>&1`;
	return ($? >> 8, $out);
}

# 1. DESTDIR staging, as a package build does it.
my ($rc, $out) = make_install("DESTDIR=$tmp/stage", 'PREFIX=/usr');
is($rc, 0, 'make install DESTDIR=... PREFIX=/usr') or diag($out);
my $s = "$tmp/stage";
ok(-x "$s/usr/bin/gazette", 'the binary in usr/bin/');
my @tpl = map { s{.*/}{}r } glob("$TOP/templates/*.tpl");
is_deeply([map { s{.*/}{}r } glob("$s/usr/share/gazette/templates/*.tpl")], \@tpl,
    'every template under usr/share/gazette/templates/');
ok(-f "$s/usr/share/gazette/static/gazette.css", 'the static files under usr/share/gazette/static/');
for my $f (qw(gazette.conf gazette-fastcgi.conf gazette-headers.conf gazette-site.conf)) {
	ok(-f "$s/usr/share/gazette/nginx/$f", "the nginx file $f under usr/share/gazette/nginx/");
}
ok(-f "$s/usr/share/man/man1/gazette.1", 'the man page under usr/share/man/man1/');
for my $u (qw(gazette.service gazette.socket gazette-backup.service gazette-backup.timer)) {
	ok(-f "$s/usr/lib/systemd/system/$u", "the unit $u under usr/lib/systemd/system/");
}
ok(-f "$s/etc/gazette/gazette.conf", 'a configuration file in etc/gazette/ (PREFIX=/usr: /etc)');
my $nginx = GazetteTest::slurp("$s/usr/share/gazette/nginx/gazette.conf");
like($nginx, qr{include /usr/share/gazette/nginx/gazette-fastcgi\.conf;}, 'the snippets name each other by their installed paths');
unlike(join('', map { GazetteTest::slurp($_) } glob("$s/usr/share/gazette/nginx/* $s/usr/lib/systemd/system/*")),
    qr/@[A-Z_]+@/, 'no placeholder is left in them');
like(GazetteTest::slurp("$s/usr/lib/systemd/system/gazette.service"), qr{^ExecStart=/usr/bin/gazette serve$}m,
    'gazette.service starts the installed binary');

# A second install keeps the configuration file as the site changed it.
open(my $fh, '>>', "$s/etc/gazette/gazette.conf") or die;
print $fh "GAZETTE_TITLE=Kept\n";
close($fh);
($rc, $out) = make_install("DESTDIR=$tmp/stage", 'PREFIX=/usr');
is($rc, 0, 'make install again');
like(GazetteTest::slurp("$s/etc/gazette/gazette.conf"), qr/^GAZETTE_TITLE=Kept$/m, 'the configuration file is not overwritten');

# 2. A real prefix: the installed binary runs from there.
my $p = "$tmp/prefix";
($rc, $out) = make_install("PREFIX=$p");
is($rc, 0, 'make install PREFIX=DIR') or diag($out);
ok(-f "$p/etc/gazette/gazette.conf", 'PREFIX other than /usr: the configuration in PREFIX/etc/gazette/');
open($fh, '>', "$p/etc/gazette/gazette.conf") or die;
print $fh "GAZETTE_DB=$tmp/site.db\nGAZETTE_SOCKET=$tmp/site.sock\nGAZETTE_TITLE=\"The Installed Times\"\n";
close($fh);

# Run the installed binary from / with no GAZETTE_* in its environment.
sub run_installed {
	my (@args) = @_;
	my $pid = fork() // die;
	if ($pid == 0) {
		delete @ENV{grep { /^GAZETTE_/ } keys %ENV};
		chdir('/') or die;
		open(STDOUT, '>', "$tmp/out") or die;
		open(STDERR, '>', "$tmp/err") or die;
		exec("$p/bin/gazette", @args) or die;
	}
	waitpid($pid, 0);
	return ($? >> 8, GazetteTest::slurp("$tmp/out"), GazetteTest::slurp("$tmp/err"));
}
my ($err);
($rc, $out, $err) = run_installed('--help');
like($out, qr{^  --templates +GAZETTE_TEMPLATES +\Q$p\E/share/gazette/templates$}m, 'its templates default to PREFIX/share/gazette/templates');
like($out, qr{^  --static +GAZETTE_STATIC +\Q$p\E/share/gazette/static$}m, 'its static files to PREFIX/share/gazette/static');
like($out, qr{^  --config +GAZETTE_CONFIG +\Q$p\E/etc/gazette/gazette\.conf$}m, 'its configuration file to PREFIX/etc/gazette/gazette.conf');
($rc, $out, $err) = run_installed('migrate');
is($rc, 0, 'the installed gazette migrates, from /') or diag($err);
like($out, qr{^\Q$tmp\E/site\.db: }, 'the database its configuration file names');
($rc, $out, $err) = run_installed('import', glob("$TOP/samples/*.txt"));
is($rc, 0, 'and imports the samples') or diag($err);

my $pid = fork() // die;
if ($pid == 0) {
	delete @ENV{grep { /^GAZETTE_/ } keys %ENV};
	chdir('/') or die;
	open(STDOUT, '>>', "$tmp/serve.log") or die;
	open(STDERR, '>>', "$tmp/serve.log") or die;
	exec("$p/bin/gazette", 'serve') or die;
}
my $t = time;
sleep(0.05) until -S "$tmp/site.sock" || time - $t > 10;
SKIP: {
	skip 'cgi-fcgi is not installed', 4 unless -x '/usr/bin/cgi-fcgi';
	my $g = bless { dir => $tmp, sock => "$tmp/site.sock" }, 'GazetteTest';
	my ($status, $h, $body) = $g->fcgi_request({ REQUEST_METHOD => 'GET',
	    REQUEST_URI => '/', SCRIPT_NAME => '/', HTTP_HOST => '127.0.0.1' });
	is($status, 200, 'the installed gazette serves the front page');
	like($body, qr/The Installed Times/, 'with the title from its configuration file');
	like($body, qr/<article|<h2/i, 'rendered from the installed templates');
	my $css = GazetteTest::slurp("$TOP/static/gazette.css");
	# FNV-1a over the file, as main.c's static_version(): its low 32 bits.
	my $hv = Math::BigInt->new('1469598103934665603');
	for my $c (unpack('C*', $css)) {
		$hv->bxor($c);
		$hv->bmul('1099511628211')->band(Math::BigInt->new('18446744073709551615'));
	}
	my $v = sprintf('%08x', $hv->band(0xffffffff)->numify);
	like($body, qr/gazette\.css\?v=\Q$v\E/, 'and the static files\' version from the installed gazette.css');
}
kill('TERM', $pid);
waitpid($pid, 0);
is($? >> 8, 0, 'it stops on SIGTERM');

# 3. The clone's binary keeps its defaults, relative to the working folder.
$out = `$GazetteTest::BIN --help`;
like($out, qr{^  --templates +GAZETTE_TEMPLATES +templates$}m, 'the clone\'s binary: templates/ in the working folder');
like($out, qr{^  --config +GAZETTE_CONFIG +$}m, 'and no configuration file unless named');

# 4. make uninstall takes it all away again, but the configuration.
$out = `@make uninstall PREFIX=$p 2>&1`;
is($?, 0, 'make uninstall') or diag($out);
ok(!-e "$p/bin/gazette" && !-e "$p/share/gazette" && !-e "$p/share/man/man1/gazette.1", 'the binary, data and page are gone');
ok(-f "$p/etc/gazette/gazette.conf", 'the configuration file stays');

done_testing;

use Math::BigInt;

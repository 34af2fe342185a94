#!/usr/bin/env perl
# The Debian package that `make deb` built (build/deb/gazette_*.deb):
# lintian finds no error and no warning (each override in
# debian/gazette.lintian-overrides says why); it holds the files
# make install puts in place, with the configuration and the nginx site
# as conffiles; its dependencies come from the libraries the binary
# links; and its maintainer scripts make the user and the database,
# enable and start nothing, and keep the data on purge unless asked.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;

my $TOP = $GazetteTest::TOP;
my ($deb) = glob("$TOP/build/deb/gazette_*_*.deb");
ok($deb && -f $deb, 'make deb left a package in build/deb/') or BAIL_OUT('no package: run make deb');

# 1. lintian: nothing at warning level or above.
SKIP: {
	skip 'lintian is not installed (scripts/deps package)', 2 unless -x '/usr/bin/lintian';
	my $out = `lintian --fail-on warning '$deb' 2>&1`;
	my $rc = $? >> 8;
	my @tags = grep { /^[EW]: / } split(/\n/, $out);
	is($rc, 0, 'lintian --fail-on warning passes') or diag($out);
	is_deeply(\@tags, [], 'no E: or W: tag') or diag($out);
}

# 2. The files.
my %files = map { s{^\./}{/}r => 1 } map { (split(' ', $_, 6))[5] } split(/\n/, `dpkg-deb -c '$deb'`);
for my $f (qw(/usr/bin/gazette /usr/share/man/man1/gazette.1.gz
    /usr/share/gazette/templates/layout.tpl /usr/share/gazette/static/gazette.css
    /usr/share/gazette/nginx/gazette.conf /usr/share/gazette/nginx/gazette-fastcgi.conf
    /usr/share/gazette/nginx/gazette-headers.conf /usr/share/gazette/nginx/gazette-site.conf
    /lib/systemd/system/gazette.service /lib/systemd/system/gazette.socket
    /lib/systemd/system/gazette-backup.service /lib/systemd/system/gazette-backup.timer
    /etc/gazette/gazette.conf /etc/nginx/sites-available/gazette
    /usr/share/doc/gazette/copyright /usr/share/doc/gazette/README.Debian)) {
	ok($files{$f}, "the package holds $f");
}
ok(!grep({ m{^/etc/nginx/sites-enabled/.} } keys %files), 'but nothing in sites-enabled: the site is not enabled');
ok(!grep({ m{\.wants/} } keys %files), 'and no unit is enabled by a link of its own');
my @tpl = glob("$TOP/templates/*.tpl");
is(scalar(grep { m{^/usr/share/gazette/templates/.*\.tpl$} } keys %files), scalar @tpl, 'every template');

my $tmp = "$TOP/build/deb/check";
system('rm', '-rf', $tmp);
mkdir($tmp) or die "$tmp: $!";
system('dpkg-deb', '-e', $deb, "$tmp/DEBIAN") == 0 or die 'dpkg-deb -e failed';
is_deeply([sort split(/\n/, GazetteTest::slurp("$tmp/DEBIAN/conffiles"))],
    ['/etc/gazette/gazette.conf', '/etc/nginx/sites-available/gazette'],
    'the configuration file and the nginx site are conffiles (kept on upgrade if edited)');

# 3. The control fields.
my $control = GazetteTest::slurp("$tmp/DEBIAN/control");
for my $lib (qw(libfcgi0ldbl libsqlite3-0 libctemplate3 libcmark0.30.2 libsodium23 adduser)) {
	like($control, qr/^Depends:.*\b\Q$lib\E\b/m, "it depends on $lib");
}
like($control, qr/^Recommends:.*\bnginx\b/m, 'and recommends nginx');

# 4. The maintainer scripts.
my $postinst = GazetteTest::slurp("$tmp/DEBIAN/postinst");
like($postinst, qr/adduser --system --group --home \/var\/lib\/gazette/, 'postinst makes the system user gazette');
like($postinst, qr/install -d -o gazette -g gazette -m 0751 \/var\/lib\/gazette/, 'and its data folder, private to it (others may only pass through)');
like($postinst, qr/install -d -o gazette -g www-data -m 2750 \/var\/lib\/gazette\/media/, 'and the photographs\' folder, which nginx reads');
like($postinst, qr/runuser -u gazette -- \/usr\/bin\/gazette migrate/, 'and makes or migrates the database as gazette');
unlike($postinst, qr/deb-systemd-invoke\s+(start|restart|enable)\b/, 'it starts no server');
like($postinst, qr/was-enabled/, 'it enables a unit only if the admin had enabled it');
like($postinst, qr/try-restart gazette\.service/, 'an upgrade restarts a server that was running');
my $postrm = GazetteTest::slurp("$tmp/DEBIAN/postrm");
like($postrm, qr/GAZETTE_DELETE_DATA.*rm -rf \/var\/lib\/gazette/s, 'purge removes the data only when asked');
like($postrm, qr/rm -f \/etc\/nginx\/sites-enabled\/gazette/, 'purge removes the site\'s link, which would break nginx');
for my $s (qw(postinst postrm)) {
	system('sh', '-n', "$tmp/DEBIAN/$s") == 0 or fail("$s: sh -n");
	pass("$s parses (sh -n)");
}

done_testing;

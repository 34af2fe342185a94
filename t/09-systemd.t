#!/usr/bin/env perl
# The systemd units (conf/systemd/*.in, as make install fills them in):
# systemd-analyze verify finds nothing wrong with them, and
# `systemd-analyze security --offline=true` rates the server's and the
# backup's sandboxes at an exposure of 2.0 or less.  The server runs as
# its own user, writes nothing but its data folder, and is told apart
# from the rest of the system as the README says.
use strict;
use warnings;
use lib 't/lib';
use File::Temp qw(tempdir);
use GazetteTest;
use Test::More;

my $TOP = $GazetteTest::TOP;
my $tmp = tempdir('gazette-systemd-XXXXXX', TMPDIR => 1, CLEANUP => !$ENV{GAZETTE_KEEP});
# The units as installed under PREFIX=$tmp, whose bin/gazette is the
# binary under test (verify checks that ExecStart= can run).
system("$TOP/scripts/install-files", $tmp, "$tmp/etc", "$tmp/dist") == 0 or die "install-files failed";
mkdir("$tmp/bin") or die;
symlink($GazetteTest::BIN, "$tmp/bin/gazette") or die;
my $u = "$tmp/dist/systemd";
my @units = map { "$u/$_" } qw(gazette.socket gazette.service gazette-backup.service gazette-backup.timer);
ok(-f $_, "$_ made") for @units;

my $svc = GazetteTest::slurp("$u/gazette.service");
like($svc, qr/^User=gazette$/m, 'the server runs as the user gazette');
like($svc, qr/^Type=notify$/m, 'and says when it is ready (Type=notify)');
like($svc, qr/^ExecReload=.*-HUP/m, 'systemctl reload sends SIGHUP (templates)');
like($svc, qr/^ReadWritePaths=\/var\/lib\/gazette$/m, 'it may write its data folder');
like($svc, qr/^ProtectSystem=strict$/m, 'and nothing else');
for my $k ('PrivateTmp=yes', 'NoNewPrivileges=yes', 'ProtectHome=yes', 'RestrictAddressFamilies=AF_UNIX',
    'SystemCallFilter=@system-service', 'MemoryDenyWriteExecute=yes', 'CapabilityBoundingSet=') {
	like($svc, qr/^\Q$k\E$/m, "gazette.service: $k");
}
like(GazetteTest::slurp("$u/gazette.socket"), qr/^SocketGroup=www-data$/m, 'the socket is in nginx\'s group');
like(GazetteTest::slurp("$u/gazette-backup.service"), qr/^ExecStart=\Q$tmp\E\/bin\/gazette backup --keep \d+ \/var\/lib\/gazette\/backups$/m,
    'the backup keeps the newest N copies');
like(GazetteTest::slurp("$u/gazette-backup.timer"), qr/^OnCalendar=/m, 'on a calendar');

SKIP: {
	skip 'systemd-analyze is not installed', 4 unless -x '/usr/bin/systemd-analyze';
	my $out = `systemd-analyze verify --man=no @units 2>&1`;
	is($?, 0, 'systemd-analyze verify: no error') or diag($out);
	is($out, '', 'and no warning') or diag($out);
	for my $s (qw(gazette.service gazette-backup.service)) {
		$out = `systemd-analyze security --offline=true $u/$s 2>&1`;
		my ($level) = $out =~ /Overall exposure level for \S+: (\d+\.\d+)/;
		ok(defined $level && $level <= 2.0, "$s: exposure " . ($level // '?') . ' (2.0 or less)') or diag($out);
	}
}

done_testing;

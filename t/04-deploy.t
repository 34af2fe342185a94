#!/usr/bin/env perl
# The README's deployment path, end to end: the app started as root
# with its socket under a folder of its own, and an nginx whose workers
# run as www-data, as Debian's do.  With --socket-group www-data the
# site serves; without it the socket is root's alone (mode 0660) and
# nginx can only answer 502, which is why the setting exists.  A socket
# passed by systemd (gazette.socket: socket activation) serves too, the
# app tells the service manager when it is ready (Type=notify), and it
# stops cleanly without closing the socket systemd keeps.  Its requests
# carry a query string, which nginx's cache never answers (only the app
# does), so that each shows what the app itself can do.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use IO::Socket::UNIX;
use Socket qw(SOCK_DGRAM);
use Test::More;
use Time::HiRes qw(sleep time);

plan skip_all => 'needs root (the app gives its socket to www-data\'s group)' if $> != 0;
plan skip_all => 'needs the www-data group' unless defined getgrnam('www-data');
my $www = getgrnam('www-data');

# 1. The README's way: GAZETTE_SOCKET_GROUP=www-data.
my $g = GazetteTest->new(samples => 1, nginx_user => 'www-data',
    env => { GAZETTE_SOCKET_GROUP => 'www-data' });
my $sock = "$g->{dir}/app.sock";
my @st = stat($sock);
is($st[5], $www, 'the socket belongs to the group www-data');
is($st[2] & 07777, 0660, 'with mode 0660: the group may connect, others not');
# Made as app.sock.new and moved into place once it listens, so that
# nginx never meets the path before the app listens on it.
ok(!-e "$sock.new", 'the socket was moved into place: nothing left beside it');
my $res = $g->get('/?uncached');
is($res->{status}, 200, 'nginx (workers as www-data) serves the front page');
like($res->{content}, qr/<html/i, 'a page');

# 2. The defect the setting fixes: the socket left in root's group.
$g->{env}{GAZETTE_SOCKET_GROUP} = '';
$g->restart_app;
@st = stat($sock);
is($st[5], 0, 'without --socket-group the socket stays in root\'s group');
is($g->get('/?uncached')->{status}, 502, 'and nginx\'s www-data workers cannot open it: 502');

# A group that does not exist stops the start, naming it.
$g->stop_app;
{
	my ($rc, $out, $err) = $g->cli('serve', '--socket-group', 'no-such-group-17');
	is($rc, 1, 'an unknown --socket-group: exit 1');
	like($err, qr/no group 'no-such-group-17'/, 'naming the group');
	ok(!-e $sock, 'and no socket is left behind');
	($rc, $out, $err) = $g->cli('serve', '--socket', '127.0.0.1:0', '--socket-group', 'www-data');
	is($rc, 1, '--socket-group with a TCP socket: exit 1');
	like($err, qr/socket path/, 'saying that it applies to a path');
}

# 3. Socket activation and readiness, as gazette.socket and
# gazette.service (Type=notify) run it: systemd-socket-activate makes
# the socket in the group www-data and passes it as descriptor 3; the
# environment is not passed on, so the settings come from a
# configuration file.
SKIP: {
	skip 'systemd-socket-activate is not installed', 8
	    unless -x '/usr/bin/systemd-socket-activate';
	my $notify = "$g->{dir}/notify.sock";
	my $n = IO::Socket::UNIX->new(Type => SOCK_DGRAM, Local => $notify)
	    or die "notify socket: $!";
	my $conf = "$g->{dir}/gazette.conf";
	open(my $fh, '>', $conf) or die;
	print $fh "# Written by t/04-deploy.t\n";
	print $fh "$_=$g->{env}{$_}\n" for grep { $_ ne 'GAZETTE_SOCKET_GROUP' } sort keys %{ $g->{env} };
	close($fh);
	$g->{opt}{app} = sub {
		return ('/usr/bin/systemd-socket-activate', '-l', $sock,
		    '-E', "NOTIFY_SOCKET=$notify", $GazetteTest::BIN, 'serve',
		    '--config', $conf);
	};
	$g->start_app;
	# What gazette.socket's SocketGroup=www-data and SocketMode=0660 do.
	chown(-1, $www, $sock) or die "chown: $!";
	chmod(0660, $sock) or die "chmod: $!";
	my $t = time;
	$res = $g->get('/?uncached');
	is($res->{status}, 200, 'the app serves on the socket systemd passed');
	my $msg = '';
	$n->blocking(0);
	while (time - $t < 10 && $msg !~ /READY=1/) {
		my $buf;
		$msg .= "$buf\n" if defined $n->recv($buf, 4096);
		sleep(0.05);
	}
	like($msg, qr/^READY=1$/m, 'and told the service manager it is ready');
	like($g->app_log, qr/serving .* on the socket systemd passed/, 'its log says whose socket it is');
	kill('HUP', $g->app_pid);
	$t = time;
	$msg = '';
	while (time - $t < 10 && $msg !~ /READY=1/) {
		my $buf;
		$msg .= "$buf\n" if defined $n->recv($buf, 4096);
		sleep(0.05);
	}
	like($msg, qr/RELOADING=1.*READY=1/s, 'SIGHUP: reloading, then ready again');
	$t = time;
	my $status = $g->stop_app('TERM');
	is($status, 0, 'SIGTERM: it stops, exit status 0');
	cmp_ok(time - $t, '<', 5, 'promptly, though its socket was never shut down');
	my $buf;
	$n->recv($buf, 4096);
	is($buf, 'STOPPING=1', 'telling the service manager it is stopping');
	ok(-S $sock, 'the socket file, systemd\'s, is left alone');
	delete $g->{opt}{app};
}

done_testing;

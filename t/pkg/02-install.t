#!/usr/bin/env perl
# The package on a fresh Debian 12: a throw-away root made with
# debootstrap (minbase, from the Debian mirror in /etc/apt/sources.list)
# gets `apt-get install ./gazette_*.deb`, which pulls the dependencies
# (nginx too), makes the user and the database, and starts nothing.
# Then, as README.Debian says: an editor's account, the site enabled in
# nginx, the server started (here by hand, as gazette.socket and
# gazette.service would: the root has no systemd running), and a page
# served through nginx.  The nightly backup restores; an upgrade
# migrates an old database after keeping a copy; purging keeps the data
# unless asked.
use strict;
use warnings;
use lib 't/lib';
use Cwd qw(abs_path);
use File::Temp qw(tempdir);
use GazetteTest;
use HTTP::Tiny;
use POSIX qw(:sys_wait_h);
use Test::More;
use Time::HiRes qw(sleep time);

plan skip_all => 'needs root (debootstrap, chroot)' if $> != 0;
plan skip_all => 'needs debootstrap (scripts/deps package)' unless -x '/usr/sbin/debootstrap';

my $TOP = $GazetteTest::TOP;
my ($deb) = glob("$TOP/build/deb/gazette_*_*.deb");
ok($deb && -f $deb, 'the package make deb built') or BAIL_OUT('no package: run make deb');

# The mirror: GAZETTE_DEBIAN_MIRROR, or the first Debian one apt uses.
sub mirror {
	return $ENV{GAZETTE_DEBIAN_MIRROR} if $ENV{GAZETTE_DEBIAN_MIRROR};
	for my $f ('/etc/apt/sources.list', glob('/etc/apt/sources.list.d/*')) {
		my $text = GazetteTest::slurp($f);
		for my $uri ($text =~ m{^\s*(?:deb|URIs:)\s+(?:\[[^\]]*\]\s+)?(https?://\S+/debian)/?\s}mg) {
			return $uri;
		}
	}
	return 'http://deb.debian.org/debian';
}

mkdir("$TOP/build/pkgtest");
my $cache = "$TOP/build/pkgtest/cache";	# downloaded packages, kept
mkdir($cache);
my $root = tempdir('root-XXXXXX', DIR => "$TOP/build/pkgtest", CLEANUP => 0);
chmod(0755, $root);	# it is the root folder for the users in it
my (%pids, $proc_mounted);

END {
	# Everything started in the root, then the root itself.
	for my $pid (values %pids) {
		kill('TERM', $pid);
		waitpid($pid, 0);
	}
	system('umount', "$root/proc") if $proc_mounted;
	system('rm', '-rf', '--one-file-system', $root) if $root && -d $root && !$ENV{GAZETTE_KEEP};
}

# Run a command in the root; returns (exit status, output).
sub in_root {
	my ($cmd, %env) = @_;
	my $envs = join(' ', map { "$_='$env{$_}'" } sort keys %env);
	my $out = `env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive $envs chroot '$root' sh -c '$cmd' 2>&1`;
	return ($? >> 8, $out);
}

# 1. A fresh Debian 12.
my $mirror = mirror();
my $t = time;
my $log = `debootstrap --variant=minbase --cache-dir='$cache' bookworm '$root' '$mirror' 2>&1`;
is($?, 0, "debootstrap bookworm from $mirror") or BAIL_OUT($log);
note(sprintf('debootstrap: %.0f s', time - $t));
# No service may start in the root (nginx's postinst would, on port 80).
open(my $fh, '>', "$root/usr/sbin/policy-rc.d") or die;
print $fh "#!/bin/sh\nexit 101\n";
close($fh);
chmod(0755, "$root/usr/sbin/policy-rc.d");
system('mount', '-t', 'proc', 'proc', "$root/proc") == 0 or die 'mount proc';
$proc_mounted = 1;
system('cp', '/etc/resolv.conf', "$root/etc/resolv.conf");
system('cp', $deb, "$root/tmp/") == 0 or die;
my $debname = $deb =~ s{.*/}{}r;

# 2. apt-get install ./gazette_*.deb
my ($rc, $out) = in_root("apt-get update -q && apt-get install -y -q ./tmp/$debname");
is($rc, 0, 'apt-get install ./gazette_*.deb') or diag($out);
like($out, qr/Setting up nginx/, 'it pulled nginx (recommended) in');
like($out, qr/Setting up libctemplate3/, 'and the libraries');
like($out, qr{/var/lib/gazette/gazette\.db: schema version 0 -> \d+}, 'and made the database');
($rc, $out) = in_root('getent passwd gazette');
like($out, qr{^gazette:x:\d+:\d+:[^:]*:/var/lib/gazette:/usr/sbin/nologin$}, 'the system user gazette, who cannot log in');
my @st = stat("$root/var/lib/gazette");
is($st[2] & 07777, 0751, 'the data folder, private to it (others may only pass through)');
@st = stat("$root/var/lib/gazette/media");
is($st[2] & 07777, 02750, 'the photographs\' folder: setgid, readable by its group');
is($st[5], scalar getgrnam('www-data'), '... www-data, nginx\'s');
my $guid = (split(/:/, $out))[2];
is((stat("$root/var/lib/gazette/gazette.db"))[4], $guid, 'the database is gazette\'s');
ok(-f "$root/etc/nginx/sites-available/gazette", 'the nginx site is in sites-available');
ok(!-e "$root/etc/nginx/sites-enabled/gazette", 'and not enabled');
ok(!glob("$root/etc/systemd/system/*.wants/gazette*"), 'no unit of gazette\'s is enabled');
my @running = grep { (readlink("/proc/$_/root") // '') eq $root } grep { /^\d+$/ } map { s{.*/}{}r } glob('/proc/*');
is(scalar @running, 0, 'and nothing was started in the root');
ok(-f "$root/usr/share/man/man1/gazette.1.gz", 'man gazette is there');

# 3. README.Debian: an account, the server, the nginx site.
my @samples = glob("$TOP/samples/*.txt");
mkdir("$root/tmp/samples");
system('cp', @samples, "$root/tmp/samples/") == 0 or die;
($rc, $out) = in_root('runuser -u gazette -- gazette import /tmp/samples/*.txt');
is($rc, 0, 'gazette import, as gazette') or diag($out);
($rc, $out) = in_root('runuser -u gazette -- gazette user add jane --role admin --random-password');
is($rc, 0, 'gazette user add, as gazette') or diag($out);

sub start_server {
	# As gazette.socket and gazette.service would: /run/gazette, the
	# server as the user gazette, its socket in the group www-data.
	system('install', '-d', '-m', '0755', '-o', $guid, "$root/run/gazette") == 0 or die;
	my $pid = fork() // die;
	if ($pid == 0) {
		open(STDOUT, '>>', "$root/var/log/gazette-test.log") or die;
		open(STDERR, '>&', \*STDOUT) or die;
		%ENV = (PATH => '/usr/sbin:/usr/bin:/sbin:/bin');
		exec('chroot', $root, 'setpriv', '--reuid=gazette', '--regid=gazette',
		    '--groups=www-data', '/usr/bin/gazette', 'serve') or die;
	}
	$pids{gazette} = $pid;
	my $t0 = time;
	sleep(0.05) until -S "$root/run/gazette/gazette.sock" || time - $t0 > 10;
	ok(-S "$root/run/gazette/gazette.sock", 'the server made its socket')
	    or diag(GazetteTest::slurp("$root/var/log/gazette-test.log"));
}
start_server();
my $sock = "$root/run/gazette/gazette.sock";
is((stat($sock))[5], scalar getgrnam('www-data'), 'in the group www-data (/etc/gazette/gazette.conf)');

my $port = GazetteTest::free_port();
my $site = GazetteTest::slurp("$root/etc/nginx/sites-available/gazette");
# The admin's edits: the site's name, and the address to listen on (not
# port 80 here).
$site =~ s/^\s*listen \[::\]:80;\n//m;
$site =~ s/^(\s*)listen 80;/$1listen 127.0.0.1:$port;/m or die 'no listen line';
$site =~ s/^(\s*)server_name news\.example\.org;/$1server_name 127.0.0.1;/m or die 'no server_name line';
open($fh, '>', "$root/etc/nginx/sites-available/gazette") or die;
print $fh $site;
close($fh);
unlink("$root/etc/nginx/sites-enabled/default");
($rc, $out) = in_root('ln -s ../sites-available/gazette /etc/nginx/sites-enabled/gazette && nginx -t');
is($rc, 0, 'the site enabled as README.Debian says: nginx -t passes') or diag($out);
my $npid = fork() // die;
if ($npid == 0) {
	open(STDOUT, '>', '/dev/null');
	open(STDERR, '>', '/dev/null');
	%ENV = (PATH => '/usr/sbin:/usr/bin:/sbin:/bin');
	exec('chroot', $root, 'nginx', '-g', 'daemon off;') or die;
}
$pids{nginx} = $npid;

my $http = HTTP::Tiny->new(max_redirect => 0, timeout => 10);
sub page {
	my ($path) = @_;
	my $res;
	my $t0 = time;
	do {
		$res = $http->get("http://127.0.0.1:$port$path");
		sleep(0.1) if $res->{status} == 599;
	} while ($res->{status} == 599 && time - $t0 < 10);
	return $res;
}
my $res = page('/');
is($res->{status}, 200, 'nginx (workers as www-data) serves the front page from the package');
my ($headline) = GazetteTest::slurp($samples[0]) =~ /^(.*)$/m;
(my $escaped = $headline) =~ s/&/&amp;/g;
like($res->{content}, qr/\Q$escaped\E/, 'with an imported article');
$res = page('/static/gazette.css');
is($res->{status}, 200, 'and the static files from /usr/share/gazette/static');
is(page('/robots.txt')->{status}, 200, 'robots.txt');

# A photograph, written as the service writes (umask 0027), served by
# nginx's www-data.
system('vips', 'gaussnoise', "$root/tmp/photo.jpg", 800, 600) == 0 or die 'vips';
open($fh, '>', "$root/tmp/photo-story.txt") or die;
print $fh "Harbour lamp relit after forty years\n\nVolunteers repaired the lamp.\n";
close($fh);
($rc, $out) = in_root('runuser -u gazette -- sh -c "umask 0027 && gazette import --image /tmp/photo.jpg --alt \"The harbour lamp\" /tmp/photo-story.txt"');
is($rc, 0, 'gazette import --image, as gazette with its umask') or diag($out);
my $hash = `sqlite3 '$root/var/lib/gazette/gazette.db' 'SELECT hash FROM media'`;
chomp($hash);
like($hash, qr/^[0-9a-f]{20}$/, 'the photograph is in the library');
my @pst = stat("$root/var/lib/gazette/media/$hash-320.webp");
is(sprintf('%04o', $pst[2] & 07777), '0640', 'its files: 0640');
is($pst[5], scalar getgrnam('www-data'), '... in the group www-data');
$res = page("/media/$hash-320.webp");
is($res->{status}, 200, 'nginx serves the photograph') or diag(GazetteTest::slurp("$root/var/log/nginx/gazette-error.log"));
like($res->{headers}{'content-type'} // '', qr{^image/webp}, '... as WebP');
like(page('/articles/harbour-lamp-relit-after-forty-years')->{content} // '', qr{<figure class="lead-photo">.*alt="The harbour lamp"}s,
    'and the article shows it');
my $access = GazetteTest::slurp("$root/var/log/nginx/gazette-access.log");
like($access, qr{"GET / HTTP/1\.1" 200}, 'nginx logs to /var/log/nginx/gazette-access.log');
unlike($access, qr/127\.0\.0\.1/, 'without the readers\' addresses');
ok(-f "$root/etc/logrotate.d/nginx", 'which Debian\'s nginx rotates (/etc/logrotate.d/nginx)');

# 4. The nightly backup, and restoring it.
($rc, $out) = in_root('runuser -u gazette -- gazette backup --keep 14 /var/lib/gazette/backups');
is($rc, 0, 'the backup gazette-backup.service runs') or diag($out);
my ($backup) = glob("$root/var/lib/gazette/backups/gazette-*.db");
ok($backup, 'a dated copy in /var/lib/gazette/backups');
$backup =~ s{^\Q$root\E}{};
($rc, $out) = in_root("runuser -u gazette -- gazette restore $backup");
is($rc, 1, 'restore refuses while the server runs');
($rc, $out) = in_root("runuser -u gazette -- gazette restore --stop $backup");
is($rc, 0, 'restore --stop restores the nightly backup') or diag($out);
waitpid(delete $pids{gazette}, 0);
is($? >> 8, 0, 'having stopped the server cleanly');
start_server();
is(page('/')->{status}, 200, 'the restored site serves');

# 5. An upgrade over an old database: migrated, a copy kept first.
kill('TERM', $pids{gazette});
waitpid(delete $pids{gazette}, 0);
unlink("$root/var/lib/gazette/gazette.db");
system("sqlite3 '$root/var/lib/gazette/gazette.db' < '$TOP/sql/001-init.sql' && sqlite3 '$root/var/lib/gazette/gazette.db' 'PRAGMA user_version = 1'") == 0
    or die 'old database';
chown($guid, -1, "$root/var/lib/gazette/gazette.db");
($rc, $out) = in_root("apt-get install -y -q --reinstall ./tmp/$debname");
is($rc, 0, 'the package installed again over a schema-1 database') or diag($out);
like($out, qr/copy of schema version 1 kept as \/var\/lib\/gazette\/gazette\.db\.pre-migrate-v1-/, 'a copy was kept before migrating');
like($out, qr/schema version 1 -> \d+/, 'and the database migrated');

# 6. Purge: what the package made goes, the data stays unless asked.
($rc, $out) = in_root('apt-get purge -y -q gazette');
is($rc, 0, 'apt-get purge gazette') or diag($out);
ok(!-e "$root/etc/gazette", '/etc/gazette is gone');
ok(!-e "$root/etc/nginx/sites-available/gazette", 'the nginx site is gone');
ok(!-l "$root/etc/nginx/sites-enabled/gazette", 'and its link in sites-enabled');
ok(!-e "$root/var/log/nginx/gazette-access.log", 'and its logs');
($rc, $out) = in_root('nginx -t');
is($rc, 0, 'nginx\'s configuration is still valid') or diag($out);
ok(-f "$root/var/lib/gazette/gazette.db", 'the data stays');
($rc, $out) = in_root('getent passwd gazette');
is($rc, 0, 'and the user who owns it');
($rc, $out) = in_root("apt-get install -y -q ./tmp/$debname && GAZETTE_DELETE_DATA=yes apt-get purge -y -q gazette");
is($rc, 0, 'installed again, then purged with GAZETTE_DELETE_DATA=yes') or diag($out);
ok(!-e "$root/var/lib/gazette", 'the data is gone');
($rc, $out) = in_root('getent passwd gazette');
isnt($rc, 0, 'and so is the user');

done_testing;

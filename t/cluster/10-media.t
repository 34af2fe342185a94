#!/usr/bin/env perl
# Photographs in the cluster (make test-cluster, before the failure
# test): the two app servers share one media folder (standing for NFS
# or any shared storage), so a photograph uploaded through app server 1
# is served by app server 2's nginx and through the front; and an
# editor's session made on one app server is good on the other (the
# sessions are in the database).
use strict;
use warnings;
use File::Temp qw(tempdir);
use HTTP::Tiny;
use Test::More;

my $dir = $ENV{GAZETTE_CLUSTER_DIR}
    or plan skip_all => 'runs in the cluster made by make test-cluster (scripts/cluster test)';
my %env;
open(my $ef, '<', "$dir/env") or die "$dir/env: $!";
while (<$ef>) { chomp; $env{$1} = $2 if /^(\w+)=(.*)$/ }
close($ef);
$ENV{PGPASSFILE} = $env{CLUSTER_PGPASSFILE};
plan skip_all => 'no app servers (GAZETTE_CLUSTER_APPS=0)' unless -e "$dir/app1/gazette.pid";

my ($app1, $app2, $front, $origin) = @env{qw(CLUSTER_APP1 CLUSTER_APP2 CLUSTER_FRONT CLUSTER_BASE)};
my $http = HTTP::Tiny->new(max_redirect => 0, timeout => 60);
sub slurp { open(my $f, '<:raw', $_[0]) or die "$_[0]: $!"; local $/; my $s = <$f>; return $s }
sub psql {
	my ($q) = @_;
	my $out = qx{/usr/lib/postgresql/15/bin/psql -X -q -A -t -v ON_ERROR_STOP=1 "$env{CLUSTER_CONNINFO}" -c "$q"};
	die "psql failed: $q\n" if $?;
	chomp $out;
	return $out;
}

# The admin that scripts/cluster made signs in on app server 1.
my $pw = slurp("$dir/admin-password");
chomp $pw;
my $res = $http->post_form("$app1/login", { name => 'admin', password => $pw }, { headers => { Origin => $origin } });
is($res->{status}, 303, 'the admin signs in through app server 1');
my ($cookie) = ($res->{headers}{'set-cookie'} // '') =~ /^((?:__Host-)?gazette_session=[^;]+)/;
ok($cookie, 'a session cookie');
$res = $http->get("$app2/admin", { headers => { Cookie => $cookie } });
is($res->{status}, 200, 'the session is good on app server 2 (sessions are in the database)');
my ($csrf) = ($res->{content} // '') =~ /name="csrf" value="([^"]+)"/;
ok($csrf, 'a CSRF token');

# A small photograph, made with vips.
my $tmp = tempdir('gazette-cluster-media-XXXXXX', TMPDIR => 1, CLEANUP => 1);
system('vips', 'gaussnoise', "$tmp/n.v", 900, 600) == 0 && system('vips', 'copy', "$tmp/n.v", "$tmp/photo.jpg[Q=85]") == 0
    or die 'vips failed';
my $b = 'cluster' . int(rand(1e12));
my $body = join('', map { "--$b\r\nContent-Disposition: form-data; name=\"$_->[0]\"\r\n\r\n$_->[1]\r\n" }
    [ csrf => $csrf ], [ alt => 'Noise, uploaded through app server 1' ])
    . "--$b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"noise.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n"
    . slurp("$tmp/photo.jpg") . "\r\n--$b--\r\n";
$res = $http->request('POST', "$app1/admin/media", { headers => { 'Content-Type' => "multipart/form-data; boundary=$b",
    Origin => $origin, Cookie => $cookie }, content => $body });
is($res->{status}, 303, 'a photograph uploaded through app server 1') or diag($res->{content});
my ($hash, $widths) = split /\|/, psql('SELECT hash, widths FROM media ORDER BY id DESC LIMIT 1');
like($hash // '', qr/^[0-9a-f]{20}$/, 'it is in the database');
ok(-e "$dir/media/$hash-320.jpg", 'its files are in the shared media folder');
for my $w (split /,/, $widths // '') {
	for my $f ("$hash-$w.jpg", "$hash-$w.webp") {
		my $direct = $http->get("$app1/media/$f");
		my $other = $http->get("$app2/media/$f");
		my $via = $http->get("$front/media/$f");
		is("$other->{status} $via->{status}", '200 200', "$f: served by app server 2's nginx and through the front");
		ok($other->{content} eq $direct->{content} && $via->{content} eq $direct->{content}, '... the same bytes as app server 1\'s');
	}
}
done_testing();

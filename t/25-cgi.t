#!/usr/bin/env perl
# Plain CGI: started by a web server as a CGI program (GATEWAY_INTERFACE
# set, no FastCGI listener on standard input), gazette answers that one
# request as `gazette serve` would, and exits.  First by hand, then for
# real: Debian's fcgiwrap behind the project's nginx runs it, and the
# reader and editor tests (t/20-reader.t, t/31-editor.t) pass that way.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;

plan skip_all => 'fcgiwrap is not installed (scripts/deps installs it)' unless -x '/usr/sbin/fcgiwrap';
my $TOP = $GazetteTest::TOP;

# 1. By hand: the environment and standard input of a CGI request.
my $g = GazetteTest->new(samples => 1);
my $dir = $g->dir;
sub cgi_run {
	my ($env, $body, @args) = @_;
	open(my $fh, '>:raw', "$dir/cgi.in") or die;
	print $fh $body // '';
	close($fh);
	my $pid = open(my $out, '-|') // die;
	if ($pid == 0) {
		%ENV = (PATH => $ENV{PATH}, %{ $g->{env} }, GATEWAY_INTERFACE => 'CGI/1.1',
		    SERVER_PROTOCOL => 'HTTP/1.1', REMOTE_ADDR => '127.0.0.1', %$env);
		open(STDIN, '<', "$dir/cgi.in") or die;
		open(STDERR, '>', "$dir/cgi.err") or die;
		exec($GazetteTest::BIN, @args) or die;
	}
	binmode($out);
	local $/;
	my $resp = <$out> // '';
	close($out);
	return ($? >> 8, $resp, GazetteTest::slurp("$dir/cgi.err"));
}
my ($rc, $resp, $err) = cgi_run({ REQUEST_METHOD => 'GET', REQUEST_URI => '/', HTTP_HOST => '127.0.0.1' });
is($rc, 0, 'a CGI run exits 0');
like($resp, qr/\AStatus: 200 OK\r\n/, 'after answering with a status');
like($resp, qr/\r\n\r\n<!DOCTYPE html>/, 'and the front page');
like($err, qr/^gazette: GET \/ 200 /m, 'logging one line');
($rc, $resp) = cgi_run({ REQUEST_METHOD => 'GET', REQUEST_URI => '/no/such/page', HTTP_HOST => '127.0.0.1' });
like($resp, qr/\AStatus: 404 /, 'a missing page: 404');
($rc, $resp) = cgi_run({ REQUEST_METHOD => 'POST', REQUEST_URI => '/search', HTTP_HOST => '127.0.0.1',
    CONTENT_TYPE => 'application/x-www-form-urlencoded', CONTENT_LENGTH => 5000 }, 'q=short');
like($resp, qr/\AStatus: 4\d\d /, 'a body shorter than its Content-Length: 4xx, no hang');
# A server may pass a query string without '=' as arguments (Apache's
# mod_cgi does): a CGI run never takes them for a command.
my $users = $g->sql_value('SELECT count(*) FROM users');
($rc, $resp) = cgi_run({ REQUEST_METHOD => 'GET', REQUEST_URI => '/?user+add+eve+--role+admin',
    QUERY_STRING => 'user+add+eve+--role+admin', HTTP_HOST => '127.0.0.1' }, "secret-password\n",
    qw(user add eve --role admin));
like($resp, qr/\AStatus: \d\d\d /, 'a CGI run with arguments answers the request');
is($g->sql_value('SELECT count(*) FROM users'), $users, 'and runs no command: no account made');
($rc, $resp) = cgi_run({ REQUEST_METHOD => 'GET', REQUEST_URI => '/', HTTP_HOST => '127.0.0.1' }, '',
    'backup', "$dir/stolen.db");
ok(!-e "$dir/stolen.db", 'nor a backup written where the arguments say');
($rc, $resp, $err) = cgi_run({ REQUEST_METHOD => 'GET', REQUEST_URI => '/', GAZETTE_DB => "$dir/missing.db" });
like($resp, qr/\AStatus: 503 /, 'no database: 503');
isnt($rc, 0, 'and a failure');
like($err, qr/missing\.db/, 'the reason in the log');
$g->stop;

# 2. For real: fcgiwrap behind nginx, the reader and editor tests.
for my $t ('t/20-reader.t', 't/31-editor.t') {
	my $out = `cd '$TOP' && GAZETTE_CGI=1 '$^X' '$t' 2>&1`;
	my $status = $? >> 8;
	my @ok = $out =~ /^ok \d+/mg;
	my @notok = $out =~ /^(not ok \d+.*)$/mg;
	is($status, 0, "$t under fcgiwrap (CGI): passes");
	cmp_ok(scalar @ok, '>', 20, "$t: its checks ran (" . scalar(@ok) . ' ok)');
	is_deeply(\@notok, [], "$t: none failed") or diag($out);
}

done_testing;

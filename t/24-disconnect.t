#!/usr/bin/env perl
# Clients that go away mid-request do not hurt the app.  Straight to its
# FastCGI socket (a small FastCGI client below): 200 requests for large
# pages (the Atom feed, an article) closed without reading the answer,
# some after only part of the records, some after shutting their
# reading side; POSTs that announce 10000 bytes and send 100.  Through
# nginx: 50 connections that ask for the feed and hang up after a few
# bytes.  Afterwards the same process, with all its threads, answers
# every page, the database is unchanged, and the log holds no error.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use IO::Select;
use IO::Socket::INET;
use IO::Socket::UNIX;
use Socket qw(SOCK_STREAM SOL_SOCKET SO_LINGER SHUT_RD);
use List::Util qw(max);
use Test::More;
use Time::HiRes qw(sleep time);

my $t0 = time;
$SIG{PIPE} = 'IGNORE';	# writing to an app that closed is not fatal here
# A hung app fails the test in bounded time (GazetteTest stops it).
my ($pid, $threads);
$SIG{ALRM} = sub {
	my $now = $pid ? scalar(my @t = glob("/proc/$pid/task/*")) : 0;
	die "the app stopped answering: gave up after 60 s (threads: $now, were " . ($threads // "?") . ")\n";
};
alarm(60);

my $g = GazetteTest->new(env => { GAZETTE_COMMENT_MIN_SECONDS => 0 });
my ($rc, undef, $err) = $g->cli('generate', '--articles', 40,
    '--comments-per-article', 3, '--tags', 10, '--seed', 24);
is($rc, 0, 'generate made 40 articles') or diag($err);
my $slug = $g->sql_value("SELECT slug FROM articles ORDER BY published_at DESC, id DESC LIMIT 1");
my $sock = $g->dir . '/app.sock';
my $host = '127.0.0.1:' . $g->port;

# FastCGI records (FastCGI 1.0): version, type, request id, content
# length, padding length, reserved; then content and padding.
use constant { FCGI_BEGIN_REQUEST => 1, FCGI_ABORT_REQUEST => 2, FCGI_END_REQUEST => 3,
    FCGI_PARAMS => 4, FCGI_STDIN => 5, FCGI_STDOUT => 6, FCGI_RESPONDER => 1 };
sub record {
	my ($type, $content) = @_;
	my $pad = (8 - length($content) % 8) % 8;
	return pack('CCnnCC', 1, $type, 1, length $content, $pad, 0) . $content . ("\0" x $pad);
}
sub nv_len { my $n = length $_[0]; return $n < 128 ? chr($n) : pack('N', $n | 0x80000000) }
sub params {
	my (%env) = @_;
	return join('', map { nv_len($_) . nv_len($env{$_}) . $_ . $env{$_} } sort keys %env);
}
sub env_for {
	my ($method, $uri, %more) = @_;
	my ($path, $query) = split(/\?/, $uri, 2);
	return (REQUEST_METHOD => $method, REQUEST_URI => $uri, DOCUMENT_URI => $path,
	    QUERY_STRING => $query // '', SCRIPT_NAME => $path, SERVER_PROTOCOL => 'HTTP/1.1',
	    REMOTE_ADDR => '127.0.0.1', REMOTE_PORT => 40000, SERVER_ADDR => '127.0.0.1',
	    SERVER_PORT => $g->port, SERVER_NAME => '127.0.0.1', HTTP_HOST => $host,
	    GATEWAY_INTERFACE => 'CGI/1.1', HTTP_USER_AGENT => 'gazette-test', %more);
}
# The records of a whole request, as a list: begin, params, end of
# params, body (if any), end of body.
sub request_records {
	my ($env, $body) = @_;
	my @r = (record(FCGI_BEGIN_REQUEST, pack('nCx5', FCGI_RESPONDER, 0)), record(FCGI_PARAMS, params(%$env)), record(FCGI_PARAMS, ''));
	push @r, record(FCGI_STDIN, $body) if defined $body && length $body;
	push @r, record(FCGI_STDIN, '');
	return @r;
}
sub connect_app {
	my $c = IO::Socket::UNIX->new(Type => SOCK_STREAM, Peer => $sock)
	    or die "connect $sock: $! (has the app died?)\n";
	binmode($c);
	return $c;
}
sub send_all {
	my ($c, $bytes) = @_;
	my $off = 0;
	while ($off < length $bytes) {
		my $n = syswrite($c, $bytes, length($bytes) - $off, $off);
		return 0 unless $n;
		$off += $n;
	}
	return 1;
}
# Read n bytes, waiting no more than 10 s in all: undef if they do not
# come (an app that stopped answering must fail the test, not hang it).
sub read_n {
	my ($c, $n) = @_;
	my $buf = '';
	my $deadline = time + 10;
	my $sel = IO::Select->new($c);
	while (length $buf < $n) {
		return undef unless $sel->can_read(max(0, $deadline - time));
		my $got = sysread($c, $buf, $n - length $buf, length $buf);
		return undef unless $got;
	}
	return $buf;
}
# A whole exchange: (status, body), status 0 if the app closed early.
sub fcgi {
	my ($env, $body) = @_;
	my $c = connect_app();
	send_all($c, join('', request_records($env, $body)));
	my ($out, $ended) = ('', 0);
	while (defined(my $h = read_n($c, 8))) {
		my (undef, $type, undef, $len, $pad) = unpack('CCnnC', $h);
		my $content = $len ? read_n($c, $len) // last : '';
		read_n($c, $pad) if $pad;
		$out .= $content if $type == FCGI_STDOUT;
		if ($type == FCGI_END_REQUEST) {
			$ended = 1;
			last;
		}
	}
	close($c);
	my ($head, $rest) = split(/\r\n\r\n/, $out, 2);
	my ($status) = ($head // '') =~ /^Status: (\d{3})/m;
	return ($ended ? $status // 0 : 0, $rest // '');
}

$pid = $g->app_pid;
sub threads { my @t = glob("/proc/$pid/task/*"); return scalar @t }
# Alive, and not a zombie (kill 0 succeeds on a dead child not reaped).
sub alive {
	open(my $fh, '<', "/proc/$pid/stat") or return 0;
	my ($state) = <$fh> =~ /\) (\S) /;
	return defined $state && $state !~ /[ZX]/ ? 1 : 0;
}
$threads = threads();
ok($threads >= 3, "the app runs $threads threads (main and GAZETTE_THREADS=2 workers)");
my $fp = $g->fingerprint;

# The client works, and the pages are large: many of libfcgi's 8 KiB
# buffers each.
my ($st, $feed) = fcgi({ env_for('GET', '/feed.atom') });
is($st, 200, 'the feed straight from the socket: 200');
ok(length $feed > 32768, 'it is large (' . length($feed) . ' bytes)');
my ($st2, $page) = fcgi({ env_for('GET', "/articles/$slug") });
is($st2, 200, 'an article straight from the socket: 200');
ok(length $page > 8192, 'it is large too (' . length($page) . ' bytes)');
my $served_before = () = $g->app_log =~ /^gazette: GET \/(?:feed\.atom|articles\/\S+) 200 /mg;

# (a) 200 GETs that hang up without reading.  Kinds, in turn:
#   whole    the whole request, then close
#   shut     the whole request, shut the reading side, close a moment
#            later (the app's writes fail while the socket is open)
#   abort    the whole request and FCGI_ABORT_REQUEST, then close
#   half     the begin record and the first half of the parameters'
#            record
#   records  the begin and parameter records, not the end of them
#            (libfcgi takes the hang-up as the end: it is answered)
#   split    everything but the last 4 bytes of the empty STDIN record
my @kinds = qw(whole shut abort half records split);
my %sent;
my $complete = 0;
for my $i (1 .. 200) {
	my $kind = $kinds[$i % @kinds];
	my $uri = $i % 2 ? '/feed.atom' : "/articles/$slug";
	my @r = request_records({ env_for('GET', $uri) });
	my $bytes = join('', @r);
	my $c = connect_app();
	if ($kind eq 'half') {
		send_all($c, $r[0] . substr($r[1], 0, int(length($r[1]) / 2)));
	} elsif ($kind eq 'records') {
		send_all($c, $r[0] . $r[1]);
	} elsif ($kind eq 'split') {
		send_all($c, substr($bytes, 0, length($bytes) - 4));
	} elsif ($kind eq 'abort') {
		send_all($c, $bytes . record(FCGI_ABORT_REQUEST, ''));
	} else {
		send_all($c, $bytes);
	}
	if ($kind eq 'shut') {
		shutdown($c, SHUT_RD);
		sleep(0.005);
	}
	close($c);
	$sent{$kind}++;
	$complete++ if $kind =~ /^(whole|shut|abort|split)$/;
}
is(alive(), 1, 'after 200 GETs hung up on, the app is alive');

# Everything sent has been dealt with: every request whose parameters
# arrived whole is answered (a client gone is no reason not to finish),
# and nothing else was asked meanwhile.
my $want = $served_before + $complete;
my $served = 0;
my $deadline = time + 10;
while (time < $deadline) {
	$served = () = $g->app_log =~ /^gazette: GET \/(?:feed\.atom|articles\/\S+) 200 /mg;
	last if $served >= $want;
	sleep(0.05);
}
ok($served >= $want && $served <= $served_before + 200,
    "the app finished the $complete requests sent whole (" . ($served - $served_before) . ' answered)');

# (b) POSTs that announce 10000 bytes and send 100.
my $body = 'author=Reader&body=' . ('x' x 81);
is(length $body, 100, 'a body of 100 bytes');
my %post = (CONTENT_LENGTH => 10000, CONTENT_TYPE => 'application/x-www-form-urlencoded',
    HTTP_ORIGIN => $g->url(''));
for my $i (1 .. 20) {
	my @r = request_records({ env_for('POST', "/articles/$slug/comments", %post) }, $body);
	my $c = connect_app();
	send_all($c, join('', @r[0 .. 3]));	# not the end of STDIN
	close($c);
}
# The same to the editors' form (4 MiB allowed), and to /login (8 KiB,
# so 10000 is refused before reading).
for my $uri ('/admin/articles/new', '/login') {
	my @r = request_records({ env_for('POST', $uri, %post) }, $body);
	my $c = connect_app();
	send_all($c, join('', @r[0 .. 3]));
	close($c);
}
# One that stays to hear the answer: the body is short, so 400.
my ($pst, $pbody) = fcgi({ env_for('POST', "/articles/$slug/comments", %post) }, $body);
is($pst, 400, 'a body shorter than announced, the client still listening: 400');
like($pbody, qr/shorter than announced/, 'saying so');
($pst) = fcgi({ env_for('POST', '/login', %post) }, $body);
is($pst, 413, '10000 bytes announced to /login: 413');
is(alive(), 1, 'after the short POSTs, the app is alive');

# Through nginx: 50 connections ask for the feed together, then read a
# few bytes and go; every other one resets the connection (SO_LINGER 0).
my @conns;
for my $i (1 .. 50) {
	my $s = IO::Socket::INET->new(PeerAddr => '127.0.0.1', PeerPort => $g->port,
	    Proto => 'tcp', Timeout => 5) or die "connect: $!";
	binmode($s);
	push @conns, $s;
}
for my $s (@conns) {
	send_all($s, "GET /feed.atom HTTP/1.1\r\nHost: $host\r\nUser-Agent: gazette-test\r\nConnection: close\r\n\r\n");
}
my $heard = 0;
for my $i (0 .. $#conns) {
	my $s = $conns[$i];
	my $got = sysread($s, my $few, 12);
	$heard++ if $got && $few =~ /^HTTP\/1\.1 /;
	setsockopt($s, SOL_SOCKET, SO_LINGER, pack('ii', 1, 0)) if $i % 2;
	close($s);
}
is($heard, 50, 'all 50 nginx connections got the start of an answer before hanging up');

# The same process, with every thread, still serves.
is($g->app_pid, $pid, 'the app was never restarted');
is(alive(), 1, 'its process is alive');
is(threads(), $threads, "it still has its $threads threads");
my $res = $g->get('/');
is($res->{status}, 200, 'GET / through nginx: 200');
like($res->{content}, qr{href="/articles/\Q$slug\E"}, 'the front page lists the newest article');
$res = $g->get('/feed.atom');
is($res->{status}, 200, 'GET /feed.atom through nginx: 200');
is($g->xml_errors($res->{content}), '', 'a whole, well-formed feed');
($st, my $again) = fcgi({ env_for('GET', '/feed.atom') });
is($st, 200, 'the feed straight from the socket: 200');
is($again, $feed, 'the same bytes as before');
is($g->get("/articles/$slug")->{status}, 200, 'the article through nginx: 200');
# Both workers answer at once: two slow-ish requests in parallel.
my @par = map { connect_app() } 1 .. 2;
send_all($_, join('', request_records({ env_for('GET', '/feed.atom') }))) for @par;
my $both = 0;
for my $c (@par) {
	my $h = read_n($c, 8);
	$both++ if defined $h && (unpack('CC', $h))[1] == FCGI_STDOUT;
	close($c);
}
is($both, 2, 'two requests at once are both answered');
is($g->fingerprint, $fp, 'the truncated POSTs changed nothing in the database');

my $log = $g->app_log;
my $gone = () = $log =~ /client went away/g;
ok($gone > 0, "the app saw clients go away ($gone times) and said so in its log");
unlike($log, qr/^gazette: [\w\/]+\.c:\d+:/m, 'no error in the log')
    or diag(join("\n", grep { /^gazette: [\w\/]+\.c:\d+:/ } split(/\n/, $log)));
unlike($log, qr/ 5\d\d \d+us$/m, 'no 5xx answered');
unlike($log, qr/Segmentation|Aborted|core dumped|stack smashing|double free|corrupted/i, 'no crash');
$g->stop;
like($g->app_log, qr/stopped; page cache/, 'the app stops cleanly on SIGTERM');
my $secs = time - $t0;
ok($secs < 20, sprintf('all in %.1f s', $secs));
note(join(', ', map { "$_: $sent{$_}" } sort keys %sent));
done_testing();

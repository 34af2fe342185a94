#!/usr/bin/env perl
# The bad-input catalogue (issue 7): every case of t/data/bad-input.txt
# is sent through nginx over a plain socket and, where nginx would pass
# it on, straight to the app's FastCGI socket with cgi-fcgi.  Each gets
# its expected status, never a 5xx, never an internal detail in the
# body, never an injected header or a redirect off the site, and
# changes nothing; the same app process answers at the end.  Then
# httpoxy: what nginx passes to the app for a "Proxy:" header, seen by
# a stand-in FastCGI responder on the app's socket.
#
# GAZETTE_SHOW=1 prints every case's answers (to write new lines).
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use IO::Socket::UNIX;
use POSIX ();
use Socket qw(SOCK_STREAM);
use Test::More;

my $g = GazetteTest->new(samples => 1, env => {
	GAZETTE_COMMENT_MODERATION => 'open',
	GAZETTE_COMMENT_MIN_SECONDS => 0,
	GAZETTE_COMMENT_RATE_MINUTE => 0,
	GAZETTE_COMMENT_RATE_HOUR => 0,
	# Failed logins are part of the catalogue: never throttled here.
	GAZETTE_LOGIN_FAILURES => 1000,
});
my $show = $ENV{GAZETTE_SHOW};
my $direct_ok = -x '/usr/bin/cgi-fcgi';
diag('cgi-fcgi is missing: the direct cases are skipped') unless $direct_ok;

# The context the placeholders stand for.
my $pw = $g->add_user('jane', password => 'janes-long-password');
my $ed = $g->login('jane');
my $art = $g->sql("SELECT id, slug FROM articles WHERE status = 'published' AND comments = 'open' ORDER BY id LIMIT 1")->[0];
my %ctx = (
	SLUG => $art->{slug},
	ID => $art->{id},
	TOKEN => $g->sign_form_token($art->{id}, time - 60),
	SESSION => $ed->cookie,
	CSRF => $ed->csrf,
	PW => $pw,
	HOST => '127.0.0.1:' . $g->port,
	ORIGIN => $g->url(''),
);
ok($g->form_token("/articles/$ctx{SLUG}"), "article $ctx{SLUG} takes comments");

sub expand {
	my ($s) = @_;
	return '' if $s eq '-';
	$s =~ s/\{([A-Z]+)\}/$ctx{$1} \/\/ die "unknown placeholder {$1}"/ge;
	$s =~ s/\{([^{}*]+)\*(\d+)\}/$1 x $2/ge;
	$s =~ s/\\(?:x([0-9A-Fa-f]{2})|(.))/
	    defined $1 ? chr(hex $1) :
	    $2 eq 'r' ? "\r" : $2 eq 'n' ? "\n" : $2 eq 't' ? "\t" : $2/ge;
	return $s;
}

# Parse the catalogue.
my @cases;
open(my $fh, '<:raw', 't/data/bad-input.txt') or die "t/data/bad-input.txt: $!";
while (my $line = <$fh>) {
	chomp $line;
	next if $line =~ /^\s*(#|$)/;
	my @f = split(/ \| /, $line, -1);
	die "bad-input.txt line $.: 7 fields expected, got " . @f . "\n" unless @f == 7;
	s/^\s+|\s+$//g for @f;
	my %c;
	@c{qw(name method target headers body nginx direct)} = @f;
	$c{line} = $.;
	push @cases, \%c;
}
close($fh);
ok(@cases >= 100, scalar(@cases) . ' cases in the catalogue');
my %seen;
ok(!(grep { $seen{$_->{name}}++ } @cases), 'case names are unique');

# Header lines of a case: [name, value] pairs, expanded.
sub case_headers {
	my ($c) = @_;
	return () if $c->{headers} eq '-';
	return map { /^([^:]*):\s?(.*)$/s ? [$1, $2] : die "line $c->{line}: bad header '$_'\n" }
	    split(/\\n/, $c->{headers});
}

# The request through nginx, as bytes.
sub http_bytes {
	my ($c) = @_;
	return expand($c->{target}) if $c->{method} eq 'RAW';
	my @h = map { [$_->[0], expand($_->[1])] } case_headers($c);
	my $body = expand($c->{body});
	my %has = map { lc($_->[0]) => 1 } @h;
	unshift @h, ['Host', $ctx{HOST}] unless $has{host};
	push @h, ['Connection', 'close'] unless $has{connection};
	push @h, ['Content-Type', 'application/x-www-form-urlencoded']
	    if $c->{method} eq 'POST' && length $body && !$has{'content-type'};
	push @h, ['Content-Length', length $body]
	    if (length $body || $c->{method} eq 'POST') &&
	    !$has{'content-length'} && !$has{'transfer-encoding'};
	return join('', expand("$c->{method} $c->{target} HTTP/1.1"), "\r\n",
	    map({ "$_->[0]: $_->[1]\r\n" } @h), "\r\n", $body);
}

# The same request as the FastCGI parameters nginx would pass.
sub fcgi_env {
	my ($c) = @_;
	my $target = expand($c->{target});
	my ($path, $query) = $target =~ /^([^?]*)(?:\?(.*))?$/s;
	my %env = (REQUEST_METHOD => expand($c->{method}), REQUEST_URI => $target,
	    DOCUMENT_URI => $path, SCRIPT_NAME => $path, QUERY_STRING => $query // '',
	    SERVER_NAME => '127.0.0.1', SERVER_PORT => $g->port,
	    HTTP_HOST => $ctx{HOST});
	my $body = expand($c->{body});
	for my $h (case_headers($c)) {
		my $name = uc($h->[0]) =~ tr/-/_/r;
		$name = "HTTP_$name" unless $name =~ /^CONTENT_(TYPE|LENGTH)$/;
		$env{$name} = expand($h->[1]);
	}
	$env{CONTENT_TYPE} //= 'application/x-www-form-urlencoded'
	    if $c->{method} eq 'POST' && length $body;
	$env{CONTENT_LENGTH} //= length $body if length $body || $c->{method} eq 'POST';
	delete $env{HTTP_PROXY};	# what nginx's fastcgi_param does
	return (\%env, $body);
}

# The checks every answer must pass besides its status.
my $top = $GazetteTest::TOP;
my $dir = $g->dir;
sub check_answer {
	my ($what, $c, $status, $h, $body) = @_;
	my @bad;
	# nginx's protocol answers (see bad-input.txt): only where expected.
	push @bad, "a 5xx ($status)" if $status >= 500 &&
	    !($what eq 'nginx' && ($status == 501 || $status == 505) && $c->{nginx} == $status);
	push @bad, 'sqlite in the body' if $body =~ /sqlite/i;
	push @bad, '".c:" in the body' if $body =~ /\.c:/;
	push @bad, 'a file path in the body'
	    if $body =~ m{\Q$top\E|\Q$dir\E|/src/|/home/|/tmp/|/var/};
	# A header of the request's making, or a cookie set from its text.
	push @bad, 'an injected header'
	    if grep({ /injected/i } keys %$h) || ($h->{'set-cookie'} // '') =~ /injected/i;
	if (defined(my $loc = $h->{location})) {
		push @bad, "a redirect off the site ($loc)"
		    unless ($loc =~ m{^/(?![/\\])} || index($loc, "$ctx{ORIGIN}/") == 0) && $loc !~ /evil/;
	}
	if (($h->{'content-type'} // '') =~ m{^text/html} && length $body) {
		my $copy = $body;
		push @bad, 'HTML that is not UTF-8'
		    unless utf8::decode($copy);
		push @bad, 'a control byte in the HTML'
		    if $body =~ /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;
		push @bad, 'an error page without a heading'
		    if $status >= 400 && $body !~ m{<h1\b[^>]*>\s*[^<\s]};
	}
	if (@bad) {
		fail("$c->{name} ($what): " . join(', ', @bad));
		diag("line $c->{line}");
	}
}

my $fp0 = $g->fingerprint;
my $pid0 = $g->app_pid;
for my $c (@cases) {
	# Through nginx.
	my $bytes = http_bytes($c);
	my %hd = map { lc($_->[0]) => $_->[1] } case_headers($c);
	my $short = defined $hd{'content-length'} && $hd{'content-length'} =~ /^\d+$/ &&
	    $hd{'content-length'} > length(expand($c->{body})) && $hd{'content-length'} < 1000;
	my ($st, $h, $body) = $g->raw_request($bytes, half_close => $short);
	printf STDERR "%-24s nginx %3s", $c->{name}, $st if $show;
	is($st, $c->{nginx}, "$c->{name}: $c->{nginx} through nginx") unless $show;
	check_answer('nginx', $c, $st, $h, $body);

	# Straight to the app.
	if ($c->{direct} ne '-' && $c->{method} ne 'RAW' && $direct_ok) {
		my ($env, $b) = fcgi_env($c);
		my ($dst, $dh, $dbody) = $g->fcgi_request($env, $b);
		printf STDERR "  direct %3s", $dst if $show;
		is($dst, $c->{direct}, "$c->{name}: $c->{direct} straight to the app") unless $show;
		check_answer('direct', $c, $dst, $dh, $dbody);
	}
	print STDERR "\n" if $show;
}

# Nothing changed, and the same process still answers.
is($g->fingerprint, $fp0, 'the catalogue changed nothing in the database');
is($g->app_pid, $pid0, 'the app was not restarted');
ok(kill(0, $pid0), 'the app process is still alive');
is($g->get('/')->{status}, 200, 'and answers the front page');
is($ed->get('/admin')->{status}, 200, 'and the editor\'s session still works');
my $log = $g->app_log;
unlike($log, qr/controller returned|(?:sqlite|postgresql):/, 'no internal error in the app log')
    or diag(join("\n", grep { /controller returned|(?:sqlite|postgresql):/ } split(/\n/, $log)));
unlike($log, qr/ 5\d\d \d+us$/m, 'and no 5xx answered');

# httpoxy: a stand-in responder on the app's socket records the
# parameters nginx sends for a request carrying "Proxy:".
SKIP: {
	$g->stop_app('TERM');
	my $sock = "$dir/app.sock";
	unlink($sock);
	my $l = IO::Socket::UNIX->new(Type => SOCK_STREAM, Local => $sock, Listen => 5)
	    or skip("cannot listen on $sock: $!", 3);
	my $pid = fork() // die "fork: $!";
	if ($pid == 0) {
		# POSIX::_exit: the parent's GazetteTest must not be torn
		# down by the child's exit.
		my $c = $l->accept or POSIX::_exit(1);
		my %p = fcgi_read_params($c);
		open(my $out, '>', "$dir/params.txt") or POSIX::_exit(1);
		print $out map { "$_=$p{$_}\n" } sort keys %p;
		close($out);
		fcgi_answer($c, "Status: 200 OK\r\nContent-Type: text/plain\r\n\r\nstand-in\n");
		POSIX::_exit(0);
	}
	close($l);
	my ($st, $h, $body) = $g->raw_request("GET /?x=1 HTTP/1.1\r\nHost: $ctx{HOST}\r\n"
	    . "Proxy: http://evil.example:1/\r\nConnection: close\r\n\r\n");
	waitpid($pid, 0);
	is($st, 200, 'the stand-in answered through nginx');
	my $params = GazetteTest::slurp("$dir/params.txt");
	like($params, qr/^REQUEST_URI=\/\?x=1$/m, 'it saw the request');
	unlike($params, qr/^HTTP_PROXY=.*evil/m, 'the Proxy header does not reach the app as HTTP_PROXY')
	    or diag($params);
	unlink($sock);
	$g->start_app;
	my $back = $g->get('/');
	is($back->{status}, 200, 'the app is back') or diag($back->{content});
}

# A minimal FastCGI responder side: read records until the empty
# FCGI_STDIN, return the parameters; then answer with FCGI_STDOUT and
# FCGI_END_REQUEST.
sub fcgi_read_params {
	my ($c) = @_;
	my ($params, $done) = ('', 0);
	while (!$done) {
		my $hdr = read_n($c, 8) // last;
		my ($ver, $type, $id, $len, $pad) = unpack('CCnnC', $hdr);
		my $content = $len ? read_n($c, $len) : '';
		read_n($c, $pad) if $pad;
		$params .= $content if $type == 4;
		$done = 1 if $type == 5 && $len == 0;
	}
	my %p;
	my $i = 0;
	while ($i < length $params) {
		my @len;
		for (1, 2) {
			my $b = ord(substr($params, $i, 1));
			if ($b >> 7) {
				push @len, unpack('N', substr($params, $i, 4)) & 0x7fffffff;
				$i += 4;
			} else {
				push @len, $b;
				$i++;
			}
		}
		my $k = substr($params, $i, $len[0]);
		my $v = substr($params, $i + $len[0], $len[1]);
		$i += $len[0] + $len[1];
		$p{$k} = $v;
	}
	return %p;
}

sub fcgi_answer {
	my ($c, $out) = @_;
	print $c pack('CCnnCx', 1, 6, 1, length $out, 0), $out;
	print $c pack('CCnnCx', 1, 6, 1, 0, 0);
	print $c pack('CCnnCx', 1, 3, 1, 8, 0), pack('NCx3', 0, 0);
	close($c);
}

sub read_n {
	my ($c, $n) = @_;
	my $buf = '';
	while (length $buf < $n) {
		my $r = sysread($c, $buf, $n - length $buf, length $buf);
		return undef unless $r;
	}
	return $buf;
}

$g->stop;
done_testing();

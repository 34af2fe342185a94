#!/usr/bin/env perl
# Security headers on every response (issue 7): pages, 304s, redirects,
# the app's errors, nginx's own answers (static files and their 304s,
# dot-files, oversize requests, other hosts, rate limits, the app being
# down) and the app's answers straight over FastCGI: one
# Content-Security-Policy without unsafe-inline, nosniff, a
# Referrer-Policy, no framing; Strict-Transport-Security exactly when the
# site is https; a Server header without a version and no X-Powered-By.
# Then the session cookie on an https site: __Host-, Secure, HttpOnly,
# SameSite, its lifetime, a new token at every login even when the
# browser brings one (fixation), and idle and absolute expiry (the
# times moved in the database rather than waited for; t/30-auth.t waits
# for them in real time).
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;

# One response's headers, as HTTP::Tiny gives them (a header sent twice
# is an array).
sub check_headers {
	my ($what, $h, %opt) = @_;
	my @bad;
	for my $name (qw(content-security-policy x-content-type-options referrer-policy x-frame-options)) {
		my $v = $h->{$name};
		if (!defined $v) {
			push @bad, "no $name";
		} elsif (ref $v) {
			push @bad, "$name sent " . scalar(@$v) . ' times';
		}
	}
	my $csp = $h->{'content-security-policy'} // '';
	$csp = join(', ', @$csp) if ref $csp;
	push @bad, 'CSP without default-src \'none\'' unless $csp =~ /(?:^|;\s*)default-src 'none'/;
	push @bad, 'CSP allows unsafe-inline or unsafe-eval' if $csp =~ /unsafe-(inline|eval)|\*/;
	push @bad, 'CSP allows scripts' if $csp =~ /script-src (?!'none')/;
	push @bad, 'CSP allows framing' unless $csp =~ /frame-ancestors 'none'/;
	push @bad, 'not nosniff' unless ($h->{'x-content-type-options'} // '') eq 'nosniff';
	push @bad, 'a Referrer-Policy that leaks' unless ($h->{'referrer-policy'} // '') =~ /^(same-origin|no-referrer|strict-origin(-when-cross-origin)?)$/;
	push @bad, 'X-Powered-By' if exists $h->{'x-powered-by'};
	if ($opt{nginx}) {
		push @bad, "Server: $h->{server}" unless ($h->{server} // '') eq 'nginx';
	}
	my $hsts = $h->{'strict-transport-security'};
	if ($opt{https}) {
		if (!defined $hsts) {
			push @bad, 'no Strict-Transport-Security';
		} elsif (ref $hsts) {
			push @bad, 'Strict-Transport-Security sent ' . scalar(@$hsts) . ' times';
		} elsif ($hsts !~ /max-age=(\d+)/ || $1 < 15552000) {
			push @bad, "a short HSTS ($hsts)";
		}
	} elsif (defined $hsts) {
		push @bad, 'Strict-Transport-Security on an http site';
	}
	ok(!@bad, "$what: security headers") or diag(join('; ', @bad));
	return $csp;
}

# The same for a response read from a socket (parsed by GazetteTest).
sub check_raw {
	my ($what, $bytes, $g, %opt) = @_;
	my ($st, $h, $body, $raw) = $g->raw_request($bytes);
	my %hh;
	for (split(/\r\n/, (split(/\r\n\r\n/, $raw, 2))[0] // '')) {
		my ($k, $v) = /^([^:]+):\s*(.*)$/ or next;
		$k = lc $k;
		$hh{$k} = exists $hh{$k} ? [ ref $hh{$k} ? @{ $hh{$k} } : $hh{$k}, $v ] : $v;
	}
	is($st, $opt{status}, "$what: $opt{status}") if $opt{status};
	check_headers($what, \%hh, nginx => 1, https => $opt{https});
}

sub run_checks {
	my ($g, $https) = @_;
	my $host = '127.0.0.1:' . $g->port;
	my %o = (nginx => 1, https => $https);
	my $site = $https ? 'https site' : 'http site';
	my $origin = $https ? 'https://news.example.org' : $g->url('');
	my $art = $g->sql("SELECT id, slug FROM articles WHERE status = 'published' AND comments = 'open' ORDER BY id LIMIT 1")->[0];
	my $ed = $g->login('jane', %{ $https ? {} : {} });

	my $res = $g->get('/');
	is($res->{status}, 200, "$site: GET / 200");
	my $csp = check_headers("$site: a page", $res->{headers}, %o);
	$res = $g->get('/', { 'If-None-Match' => $res->{headers}{etag} });
	is($res->{status}, 304, "$site: a conditional GET: 304");
	check_headers("$site: a 304 from the app", $res->{headers}, %o);
	check_headers("$site: HEAD", $g->head("/articles/$art->{slug}")->{headers}, %o);
	$res = $g->get('/feed.atom');
	check_headers("$site: a feed", $res->{headers}, %o);
	check_headers("$site: a feed's 304", $g->get('/feed.atom', { 'If-None-Match' => $res->{headers}{etag} })->{headers}, %o);
	check_headers("$site: a 404 from the app", $g->get('/nowhere')->{headers}, %o);
	check_headers("$site: a 405", $g->request('PUT', '/')->{headers}, %o);
	check_headers("$site: a 400", $g->get('/search?q=%zz')->{headers}, %o);
	$res = $g->get('/admin');
	is($res->{status}, 303, "$site: an editor page without a session: 303");
	check_headers("$site: a redirect", $res->{headers}, %o);
	check_headers("$site: an editor's page", $ed->get('/admin')->{headers}, %o);
	$res = $g->post("/articles/$art->{slug}/comments", { name => '', body => 'x',
	    token => $g->sign_form_token($art->{id}, time - 60) }, { Origin => $origin });
	is($res->{status}, 422, "$site: a refused comment: 422");
	check_headers("$site: a 422", $res->{headers}, %o);
	$res = $g->post("/articles/$art->{slug}/comments", { name => 'Ann', body => "A comment on the $site.",
	    token => $g->sign_form_token($art->{id}, time - 60), website => '' }, { Origin => $origin });
	is($res->{status}, 303, "$site: a comment: 303");
	check_headers("$site: a POST's redirect", $res->{headers}, %o);
	check_headers("$site: a 403", $g->post('/logout', {}, { Origin => $origin })->{headers}, %o);
	my $tag = $g->sql('SELECT id, slug FROM tags ORDER BY id LIMIT 1')->[0];
	$res = $ed->post("/admin/tags/$tag->{id}/rename", { name => "Renamed on the $site" }, { Origin => $origin });
	is($res->{status}, 303, "$site: a tag renamed");
	$res = $g->get("/tags/$tag->{slug}");
	is($res->{status}, 301, "$site: its old address: 301");
	check_headers("$site: a 301", $res->{headers}, %o);

	# nginx's own answers.
	$res = $g->get('/static/gazette.css');
	is($res->{status}, 200, "$site: a static file");
	check_headers("$site: a static file", $res->{headers}, %o);
	$res = $g->get('/static/gazette.css', { 'If-Modified-Since' => $res->{headers}{'last-modified'} });
	is($res->{status}, 304, "$site: a static file's 304");
	check_headers("$site: a static 304", $res->{headers}, %o);
	check_headers("$site: a missing static file", $g->get('/static/none.css')->{headers}, %o);
	check_headers("$site: a dot-file", $g->get('/.git/config')->{headers}, %o);
	check_raw("$site: an oversize header", "GET / HTTP/1.1\r\nHost: $host\r\nX-Big: " . ('h' x 9000)
	    . "\r\nConnection: close\r\n\r\n", $g, status => 400, https => $https);
	check_raw("$site: a request line too long", "GET /search?q=" . ('u' x 9000) . " HTTP/1.1\r\nHost: $host\r\n"
	    . "Connection: close\r\n\r\n", $g, status => 414, https => $https);
	check_raw("$site: an oversize comment", "POST /articles/$art->{slug}/comments HTTP/1.1\r\nHost: $host\r\n"
	    . "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 70000\r\nConnection: close\r\n\r\n",
	    $g, status => 413, https => $https);
	check_raw("$site: another host", "GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n",
	    $g, status => 421, https => $https);
	unless ($https) {
		# The other local name goes to the base URL's host, whose
		# origin the same-site check of forms expects.
		my $req = "GET /tags?x=1 HTTP/1.1\r\nHost: localhost:" . $g->port . "\r\nConnection: close\r\n\r\n";
		check_raw("$site: localhost", $req, $g, status => 301, https => $https);
		my ($st, $h) = $g->raw_request($req);
		is($h->{location}, $g->url('/tags?x=1'), "$site: localhost is sent to the base URL, path and query kept");
	}

	# Straight from the app: the same policy as through nginx.
	SKIP: {
		skip('cgi-fcgi is missing', 3) unless -x '/usr/bin/cgi-fcgi';
		for my $c (['/', 200], ['/nowhere', 404], ['/admin', 303]) {
			my ($st, $h) = $g->fcgi_request({ REQUEST_METHOD => 'GET', REQUEST_URI => $c->[0],
			    DOCUMENT_URI => $c->[0], QUERY_STRING => '', HTTP_HOST => $host });
			is($st, $c->[1], "$site: GET $c->[0] straight from the app: $c->[1]");
			is(check_headers("$site: GET $c->[0] straight from the app", $h, https => $https), $csp,
			    "$site: the app and nginx send the same policy");
		}
	}

	# The app down: nginx's 502 carries them too.
	$g->stop_app('TERM');
	$res = $g->get('/');
	is($res->{status}, 502, "$site: the app down: 502 from nginx");
	check_headers("$site: a 502", $res->{headers}, %o);
	$g->start_app;
	is($g->get('/')->{status}, 200, "$site: the app is back");
	return $ed;
}

my $g = GazetteTest->new(samples => 1, nginx_rate => 'on', env => {
	GAZETTE_COMMENT_MIN_SECONDS => 0,
	GAZETTE_COMMENT_RATE_MINUTE => 0,
	GAZETTE_COMMENT_RATE_HOUR => 0,
});
run_checks($g, 0);

# nginx's rate limits answer 429, with the headers (30 comments a
# minute and a burst of 20 per address: 40 posts at once are too many).
my $art = $g->sql("SELECT slug FROM articles WHERE status = 'published' ORDER BY id LIMIT 1")->[0];
my @st;
for (1 .. 40) {
	my $res = $g->post("/articles/$art->{slug}/comments", { name => '', body => '' });
	push @st, $res->{status};
	if ($res->{status} == 429) {
		check_headers('http site: nginx\'s 429', $res->{headers}, nginx => 1);
		last;
	}
}
ok((grep { $_ == 429 } @st), 'a flood of comment posts meets 429 from nginx')
    or diag("@st");
# And 10 logins a minute, a burst of 10 (refused ones count too).
@st = ();
for (1 .. 30) {
	my $res = $g->post('/login', { name => 'nobody', password => 'x' }, { Origin => 'http://elsewhere.example' });
	push @st, $res->{status};
	last if $res->{status} == 429;
}
is($st[-1], 429, 'a flood of logins meets 429 from nginx') or diag("@st");
ok(@st >= 5, 'after the burst allowed (' . scalar(@st) . ' requests)');
# Signing in again to save a form is a login: the same rate holds it.
for my $path ('/admin/articles/new/login', '/admin/articles/1/edit/login') {
	my $res = $g->post($path, { relogin_name => 'nobody', relogin_password => 'x', headline => 'h', body => 'b' });
	is($res->{status}, 429, "POST $path meets nginx's login rate too");
	ok($res->{headers}{'retry-after'}, 'with Retry-After');
}
# Privacy (README): the refusals are not logged (each line would name
# the client), and the access log names no client at all.
unlike(GazetteTest::slurp($g->dir . '/nginx-error.log'), qr/limiting requests/, 'nginx does not log the refusals');
unlike(GazetteTest::slurp($g->dir . '/nginx-access.log') =~ s/"[^"]*"//gr, qr/\b127\.0\.0\.1\b/,
    'and its access log has no client address');
$g->stop;

# An https site (nginx still speaks http here): HSTS on everything.
my $h = GazetteTest->new(samples => 1, env => {
	GAZETTE_BASE_URL => 'https://news.example.org',
	GAZETTE_COMMENT_MIN_SECONDS => 0,
	GAZETTE_COMMENT_RATE_MINUTE => 0,
	GAZETTE_COMMENT_RATE_HOUR => 0,
	GAZETTE_SESSION_IDLE => 600,
	GAZETTE_SESSION_MAX => 3600,
});
{
	# GazetteTest's login posts with its own origin; the https site
	# wants its own.
	no warnings 'redefine';
	my $orig = \&GazetteTest::post;
	*GazetteTest::post = sub {
		my ($self, $path, $form, $headers) = @_;
		return $orig->($self, $path, $form, { Origin => 'https://news.example.org', %{ $headers || {} } });
	};
}
run_checks($h, 1);

# The session cookie of an https site.
my $pw = $h->add_user('eve', password => 'eves-long-password');
my $planted = 'P' x 43;
my $res = $h->post('/login', { name => 'eve', password => $pw }, { Cookie => "__Host-gazette_session=$planted" });
is($res->{status}, 303, 'https: logging in');
my $set = $res->{headers}{'set-cookie'} // '';
like($set, qr/^__Host-gazette_session=[A-Za-z0-9_-]{43};/, 'the cookie has the __Host- prefix');
like($set, qr/; Secure(;|$)/, 'Secure');
like($set, qr/; HttpOnly(;|$)/, 'HttpOnly');
like($set, qr/; SameSite=(Lax|Strict)(;|$)/, 'SameSite');
like($set, qr/; Path=\/(;|$)/, 'Path=/');
unlike($set, qr/Domain=/i, 'no Domain');
like($set, qr/; Max-Age=3600(;|$)/, 'it lives as long as a session may (GAZETTE_SESSION_MAX)');
my ($tok) = $set =~ /^__Host-gazette_session=([^;]+)/;
isnt($tok, $planted, 'a token the browser brought is never taken over (no fixation)');
is($h->get('/admin', { Cookie => "__Host-gazette_session=$planted" })->{status}, 303, 'and the planted one opens nothing');
my $cookie = "__Host-gazette_session=$tok";
is($h->get('/admin', { Cookie => $cookie })->{status}, 200, 'the new one does');
$res = $h->post('/login', { name => 'eve', password => $pw }, { Cookie => $cookie });
my ($tok2) = ($res->{headers}{'set-cookie'} // '') =~ /^__Host-gazette_session=([^;]+)/;
ok($tok2 && $tok2 ne $tok, 'each login makes a new token');
is($h->get('/admin', { Cookie => $cookie })->{status}, 303, 'and ends the session of the old one');
$cookie = "__Host-gazette_session=$tok2";
my ($csrf) = $h->get('/admin', { Cookie => $cookie })->{content} =~ /name="csrf" value="([^"]+)"/;
ok($csrf, 'the session has a CSRF token');

# Idle expiry: the session unused for longer than GAZETTE_SESSION_IDLE.
my $sid = $h->sql_value('SELECT max(id) FROM sessions');
$h->sql_write("UPDATE sessions SET seen_at = seen_at - 601 WHERE id = $sid");
is($h->get('/admin', { Cookie => $cookie })->{status}, 303, 'a session idle for too long has expired');
is($h->post('/admin/articles/new', { csrf => $csrf, headline => 'x', action => 'save' }, { Cookie => $cookie })->{status},
    403, 'and its token no longer lets a form through');
# Absolute expiry: in use all along, but past GAZETTE_SESSION_MAX.
$res = $h->post('/login', { name => 'eve', password => $pw });
($tok) = ($res->{headers}{'set-cookie'} // '') =~ /^__Host-gazette_session=([^;]+)/;
$cookie = "__Host-gazette_session=$tok";
$sid = $h->sql_value('SELECT max(id) FROM sessions');
is($h->sql_value("SELECT expires_at - created_at FROM sessions WHERE id = $sid"), 3600, 'a session ends GAZETTE_SESSION_MAX after login');
$h->sql_write("UPDATE sessions SET created_at = created_at - 3601, expires_at = expires_at - 3601 WHERE id = $sid");
is($h->get('/admin', { Cookie => $cookie })->{status}, 303, 'past its absolute lifetime it has expired, though just used');
my $n = $h->sql_value("SELECT expires_at FROM sessions WHERE id = $sid");
ok(!defined $n || $n < time, 'and use did not extend it');
$h->stop;
done_testing();

#!/usr/bin/env perl
# Editors' accounts and sessions: the user command, logging in and out,
# the session cookie, redirects to /login, throttled failures, the
# same-origin check of the login form, roles, and session expiry.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;
use Time::HiRes qw(sleep time);

my $g = GazetteTest->new(env => { GAZETTE_LOGIN_FAILURES => 3, GAZETTE_LOGIN_WINDOW => 600 });

# Accounts from the command line.
my ($rc, $out, $err) = $g->cli('user', 'add', 'admin', '--role', 'admin',
    '--display', 'Site administrator', '--random-password');
is($rc, 0, 'user add --random-password succeeds');
like($out, qr/^[A-Za-z0-9_-]{24}\n\z/, 'and prints the password alone on stdout');
my ($admin_pw) = $out =~ /^(\S+)/;
($rc, $out, $err) = $g->cli('user', 'add', 'jane', '--display', 'Jane Doe', \"correct horse battery\n");
is($rc, 0, 'user add reads the password from standard input');
($rc, $out, $err) = $g->cli('user', 'add', 'jane', \"another password\n");
isnt($rc, 0, 'a taken name is refused');
like($err, qr/exists/, 'with a message');
($rc, $out, $err) = $g->cli('user', 'add', 'bob', \"short\n");
isnt($rc, 0, 'a password under 8 bytes is refused');
($rc, $out, $err) = $g->cli('user', 'add', 'Bad Name', \"long enough pw\n");
is($rc, 2, 'a malformed name is refused');
($rc, $out, $err) = $g->cli('user', 'add', 'bob', '--role', 'chief', \"long enough pw\n");
is($rc, 2, 'an unknown role is refused');
$g->cli_ok('user', 'add', 'bob', \"bobs password\n");
$out = $g->cli_ok('user', 'list');
like($out, qr/^admin\s+admin\s+active\b.*Site administrator$/m, 'user list shows the admin');
like($out, qr/^jane\s+editor\s+active\b.*Jane Doe$/m, 'and the editor with her full name');
my $hashes = $g->sql("SELECT name, pw_hash FROM users ORDER BY name");
ok(!(grep { $_->{pw_hash} !~ /^\$argon2id\$/ } @$hashes), 'passwords are stored as argon2id hashes');
unlike($g->db_bytes, qr/correct horse battery/, 'never in clear');

# Editor pages without a session.
my $res = $g->get('/admin');
is($res->{status}, 303, 'GET /admin without a session: 303');
is($res->{headers}{location}, '/login?next=%2Fadmin', 'to /login with the way back');
$res = $g->get('/admin/comments?show=all');
is($res->{headers}{location}, '/login?next=%2Fadmin%2Fcomments%3Fshow%3Dall', 'the query is kept in the way back');
$res = $g->post('/admin/articles/new', { headline => 'x', action => 'save' });
is($res->{status}, 403, 'POST to an editor page without a session: 403');
$res = $g->post('/logout', {});
is($res->{status}, 403, 'POST /logout without a session: 403');

# The login form.
$res = $g->get('/login?next=%2Fadmin%2Ftags');
is($res->{status}, 200, 'GET /login: 200');
like($res->{content}, qr{<form method="post" action="/login">}, 'a login form');
like($res->{content}, qr{name="next" value="/admin/tags"}, 'carrying the way back');
like($res->{headers}{'cache-control'}, qr/no-store/, 'not cached');
$res = $g->get('/login?next=%2F%2Fevil.example%2F');
like($res->{content}, qr{name="next" value=""}, 'a way back outside the site is dropped');

# Logging in.
$res = $g->post('/login', { name => 'jane', password => 'correct horse battery', next => '/admin/tags' });
is($res->{status}, 303, 'a good login: 303');
is($res->{headers}{location}, '/admin/tags', 'to the way back');
my $set = $res->{headers}{'set-cookie'};
like($set, qr/^gazette_session=[A-Za-z0-9_-]{43}; /, 'a session cookie with a 256-bit token');
like($set, qr/; HttpOnly/, 'HttpOnly');
like($set, qr/; SameSite=Lax/, 'SameSite=Lax');
like($set, qr/; Path=\//, 'Path=/');
unlike($set, qr/Secure/, 'not Secure on an http site');
like($res->{headers}{'cache-control'}, qr/private, no-store/, 'the answer that sets it is private');
my ($cookie) = $set =~ /^([^;]+)/;
my ($token) = $cookie =~ /=(.*)/;
my $stored = $g->sql('SELECT ' . $g->hex_sql('token_hash') . ' AS h, length(token_hash) AS n FROM sessions');
is(scalar @$stored, 1, 'one session stored');
is($stored->[0]{n}, 32, 'as a 32-byte hash');
unlike($g->db_bytes, qr/\Q$token\E/, 'the token itself is not in the database');

$res = $g->get('/admin', { Cookie => $cookie });
is($res->{status}, 200, 'the cookie opens /admin');
like($res->{content}, qr/Signed in as Jane Doe/, 'the editor bar names the editor');
like($res->{headers}{'cache-control'}, qr/private, no-store/, 'editor pages are private, no-store');
$res = $g->get('/', { Cookie => $cookie });
like($res->{content}, qr/Signed in as Jane Doe/, 'reader pages show the editor bar too');
like($res->{headers}{'cache-control'}, qr/private, no-store/, 'and are then private');
$res = $g->get('/login', { Cookie => $cookie });
is($res->{status}, 303, 'the login page sends a logged-in editor on');
$res = $g->get('/admin', { Cookie => 'gazette_session=' . ('A' x 43) });
is($res->{status}, 303, 'a made-up token is no session');

# A login with the old cookie ends the old session: a new token always.
$res = $g->post('/login', { name => 'jane', password => 'correct horse battery' }, { Cookie => $cookie });
my ($cookie2) = ($res->{headers}{'set-cookie'} // '') =~ /^([^;]+)/;
ok($cookie2 && $cookie2 ne $cookie, 'logging in again gives a new token');
is($res->{headers}{location}, '/admin', 'and goes to the dashboard by default');
is($g->get('/admin', { Cookie => $cookie })->{status}, 303, 'the old token no longer works');
is($g->get('/admin', { Cookie => $cookie2 })->{status}, 200, 'the new one does');

# The way back must stay inside the site.
for my $next ('//evil.example/', 'https://evil.example/', '/\\evil.example', "/admin\r\nX: y") {
	$res = $g->post('/login', { name => 'bob', password => 'bobs password', next => $next });
	is($res->{headers}{location}, '/admin', "next=\Q$next\E is ignored");
}

# Wrong names and passwords get one answer.
my $bad_pw = $g->post('/login', { name => 'bob', password => 'wrong password' });
my $bad_name = $g->post('/login', { name => 'nobody', password => 'wrong password' });
is($bad_pw->{status}, 403, 'a wrong password: 403');
is($bad_name->{status}, 403, 'an unknown name: 403 too');
my ($m1) = $bad_pw->{content} =~ m{<p class="form-error" role="alert">([^<]*)</p>};
my ($m2) = $bad_name->{content} =~ m{<p class="form-error" role="alert">([^<]*)</p>};
ok(defined $m1 && $m1 eq ($m2 // ''), "the same message for both: '$m1'");
like($bad_pw->{content}, qr{name="name" value="bob"}, 'the name is kept in the form');
unlike($bad_pw->{content}, qr/wrong password/, 'the password is not');
ok(!$bad_pw->{headers}{'set-cookie'}, 'no cookie after a failure');
$res = $g->post('/login', { name => 'bob' });
is($res->{status}, 400, 'a form without a password: 400');

# The login form must come from this site.
$res = $g->post('/login', { name => 'bob', password => 'bobs password' }, { Origin => 'http://evil.example' });
is($res->{status}, 403, 'a login posted from another origin: 403');
$res = $g->request('POST', '/login', { headers => { 'Content-Type' => 'application/x-www-form-urlencoded' },
    content => 'name=bob&password=bobs+password' });
is($res->{status}, 403, 'a login with neither Origin nor Referer: 403');
$res = $g->request('POST', '/login', { headers => { 'Content-Type' => 'application/x-www-form-urlencoded',
    Referer => $g->url('/login') }, content => 'name=bob&password=bobs+password' });
is($res->{status}, 303, 'a Referer of this site is enough');
my ($bob) = ($res->{headers}{'set-cookie'} // '') =~ /^([^;]+)/;

# Roles: the accounts page is for admins.
is($g->get('/admin/users', { Cookie => $bob })->{status}, 403, 'an editor may not see /admin/users');
my $adm = $g->login('admin', password => $admin_pw);
$res = $adm->get('/admin/users');
is($res->{status}, 200, 'an admin may');
like($res->{content}, qr{<td>jane</td><td>Jane Doe</td><td>editor</td><td>active</td>}, 'it lists the accounts');

# Logging out needs the token, then ends the session.
$res = $g->post('/logout', {}, { Cookie => $bob });
is($res->{status}, 403, 'POST /logout without the CSRF token: 403');
is($g->get('/admin', { Cookie => $bob })->{status}, 200, 'and the session goes on');
my ($csrf) = $g->get('/admin', { Cookie => $bob })->{content} =~ /name="csrf" value="([^"]+)"/;
$res = $g->post('/logout', { csrf => $csrf . 'x' }, { Cookie => $bob });
is($res->{status}, 403, 'a wrong token: 403');
$res = $g->post('/logout', { csrf => $csrf }, { Cookie => $bob });
is($res->{status}, 303, 'POST /logout with the token: 303');
is($res->{headers}{location}, '/login?done=out', 'to the login page');
like($res->{headers}{'set-cookie'}, qr/^gazette_session=; .*Max-Age=0/, 'the cookie is cleared');
is($g->get('/admin', { Cookie => $bob })->{status}, 303, 'the session is over');
like($g->get('/login?done=out')->{content}, qr/You have logged out/, 'the login page says so');

# Disabling an account or changing its password ends its sessions.
my $jane = $g->login('jane', password => 'correct horse battery');
is($jane->get('/admin')->{status}, 200, 'jane is in');
$g->cli_ok('user', 'passwd', 'jane', \"a new password\n");
is($jane->get('/admin')->{status}, 303, 'a new password ends her sessions');
$res = $g->post('/login', { name => 'jane', password => 'correct horse battery' });
is($res->{status}, 403, 'the old password no longer works');
$jane = $g->login('jane', password => 'a new password');
$g->cli_ok('user', 'disable', 'jane');
is($jane->get('/admin')->{status}, 303, 'disabling her ends her sessions');
$res = $g->post('/login', { name => 'jane', password => 'a new password' });
is($res->{status}, 403, 'a disabled account cannot log in');
my ($m3) = $res->{content} =~ m{<p class="form-error" role="alert">([^<]*)</p>};
is($m3, $m1, 'with the same message as a wrong password');
$g->cli_ok('user', 'enable', 'jane');

# Throttling: 3 failures per account (GAZETTE_LOGIN_FAILURES=3).
$g->add_user('carol', password => 'carols password');
for my $i (1 .. 3) {
	$res = $g->post('/login', { name => 'carol', password => "guess $i" });
	is($res->{status}, 403, "failure $i for carol: 403");
}
$res = $g->post('/login', { name => 'carol', password => 'carols password' });
is($res->{status}, 429, 'then even the right password: 429');
like($res->{headers}{'retry-after'} // '', qr/^\d+$/, 'with Retry-After in seconds');
ok($res->{headers}{'retry-after'} > 0 && $res->{headers}{'retry-after'} <= 600, 'within the window');
like($res->{content}, qr/Too many failed logins/, 'and a page that says so');
ok(!$res->{headers}{'set-cookie'}, 'no session');
$g->sql_write("INSERT INTO throttle (key, at) VALUES ('login:ip:stale', 1000), ('comment:keep', 1000)");
$res = $g->post('/login', { name => 'bob', password => 'bobs password' });
is($res->{status}, 303, 'another account from the same address still logs in');
is($g->sql_value("SELECT count(*) FROM throttle WHERE key = 'login:ip:stale'"), 0, 'a login forgets failures older than the window');
is($g->sql_value("SELECT count(*) FROM throttle WHERE key = 'comment:keep'"), 1, 'but not the rows of other throttles');

# ... and four times that per address, whatever the names.
my $n = 0;
while ($n < 20) {
	$res = $g->post('/login', { name => "nobody$n", password => 'x' });
	last if $res->{status} == 429;
	$n++;
}
is($res->{status}, 429, 'many failures from one address are throttled too');
ok($n >= 3 && $n <= 12, "after the address's allowance ($n more failures)");
$res = $g->post('/login', { name => 'bob', password => 'bobs password' });
is($res->{status}, 429, 'then no account logs in from that address');
my $count = $g->sql_value("SELECT count(*) FROM throttle");
ok($count > 0, 'failures are kept in the throttle table');
ok(!$g->sql_value("SELECT count(*) FROM throttle WHERE key LIKE '%127.0.0.1%' OR key LIKE '%carol%'"),
    'keyed by hashes, not by address or name');
unlike($g->app_log, qr/correct horse|carols password|bobs password/, 'no password in the log');
$g->stop;

# On an https site the cookie is __Host- prefixed and Secure.
my $h = GazetteTest->new(env => { GAZETTE_BASE_URL => 'https://news.example.org' });
$h->add_user('eve', password => 'eves password');
$res = $h->post('/login', { name => 'eve', password => 'eves password' }, { Origin => 'https://news.example.org' });
is($res->{status}, 303, 'https site: a login from its origin works');
like($res->{headers}{'set-cookie'}, qr/^__Host-gazette_session=[A-Za-z0-9_-]{43}; Path=\/; .*; Secure$/, 'the cookie is __Host- and Secure');
my ($hc) = $res->{headers}{'set-cookie'} =~ /^([^;]+)/;
is($h->get('/admin', { Cookie => $hc })->{status}, 200, 'and opens the dashboard');
is($h->get('/admin', { Cookie => "gazette_session=" . ($hc =~ s/.*=//r) })->{status}, 303,
    'the token under the plain name does not');
$res = $h->post('/login', { name => 'eve', password => 'eves password' });
is($res->{status}, 403, 'a login from the http origin is refused');
$h->stop;

# Session lifetimes, shortened: 4 s idle, 10 s in all.  Whole seconds
# count, so each wait leaves a margin of more than a second.
my $s = GazetteTest->new(env => { GAZETTE_SESSION_IDLE => 4, GAZETTE_SESSION_MAX => 10 });
$s->add_user('dan');
my $dan = $s->login('dan');
is($dan->get('/admin')->{status}, 200, 'a fresh session works');
my $t0 = time;
sleep(0.1) while time - $t0 < 6;
is($dan->get('/admin')->{status}, 303, 'unused for longer than the idle time, it has expired');
$dan = $s->login('dan');
$t0 = time;
my ($last_ok, $expired) = (0, 0);
while (time - $t0 < 30) {
	my $st = $dan->get('/admin')->{status};
	if ($st == 303) { $expired = 1; last }
	$last_ok = time - $t0;
	sleep(0.3);
}
ok($expired, 'used all the time, it still expires at its absolute lifetime');
ok($last_ok > 5, sprintf('after outliving the idle time in use (%.1f s)', $last_ok));
$s->stop;
done_testing();

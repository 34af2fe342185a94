#!/usr/bin/env perl
# Accounts in the browser.  Admins invite (a one-time link valid 72
# hours, shown once), change roles, disable and enable, and make
# password reset links; nobody can use a link twice or after it
# expired, and an admin cannot lock themselves out.  Everyone changes
# their own display name, bio and password (the current one required,
# throttled like logins) and ends their own sessions.  Every refusal
# changes nothing.
use strict;
use warnings;
use utf8;
use lib 't/lib';
use GazetteTest;
use Encode qw(decode_utf8);
use Test::More;

my $g = GazetteTest->new(env => { GAZETTE_LOGIN_FAILURES => 3 });
my $admin = $g->login('boss', role => 'admin', display => 'The Boss');
my $ed = $g->login('jane', display => 'Jane Doe');

sub link_of {
	my ($res) = @_;
	return ($res->{content} // '') =~ m{<code>\Q${\ $g->url('')}\E/password\?token=([A-Za-z0-9_-]{43})</code>} ? $1 : undef;
}
sub login_status {
	my ($name, $pw) = @_;
	return $g->post('/login', { name => $name, password => $pw })->{status};
}

# Refused invitations change nothing.
my $state = $g->fingerprint;
is($admin->post('/admin/users', { name => 'Bad Name', display => 'X', role => 'editor' })->{status}, 422, 'a bad login name: 422');
my $res = $admin->post('/admin/users', { name => 'rosa', display => "  \t", role => 'editor' });
is($res->{status}, 422, 'a blank display name: 422');
like($res->{content}, qr/value="rosa"/, 'the form keeps what was typed');
is($admin->post('/admin/users', { name => 'rosa', display => 'Rosa', role => 'chief' })->{status}, 422, 'an unknown role: 422');
is($admin->post('/admin/users', { name => 'jane', display => 'Another Jane', role => 'editor' })->{status}, 409, 'a name taken: 409');
is($ed->post('/admin/users', { name => 'rosa', display => 'Rosa', role => 'admin' })->{status}, 403, 'an editor cannot invite');
is($g->fingerprint, $state, 'nothing changed');

# The invitation.
$res = $admin->post('/admin/users', { name => 'rosa', display => 'Rosa <Díaz>', role => 'contributor' });
is($res->{status}, 200, 'an admin invites a contributor');
my $tok = link_of($res);
ok($tok, 'the link is shown to the admin');
like(decode_utf8($res->{content}), qr/Rosa &lt;Díaz&gt;/, 'with the name, escaped');
my $row = $g->sql('SELECT created_at, expires_at, kind, ' . $g->hex_sql('token_hash') . ' AS h FROM account_tokens')->[0];
is($row->{expires_at} - $row->{created_at}, 72 * 3600, 'valid 72 hours');
isnt(lc $row->{h}, lc unpack('H*', $tok), 'the database keeps a hash, not the token');
like(scalar $g->cli_ok('user', 'list'), qr/^rosa\s+contributor\s+invited/m, 'gazette user list: invited');
like(decode_utf8($admin->get('/admin/users')->{content}), qr{<td>rosa</td><td>Rosa &lt;Díaz&gt;</td><td>contributor</td><td>invited</td>}, 'and /admin/users');
is(login_status('rosa', ''), 403, 'an invited account cannot log in yet');

# Setting the password through the link.
$res = $g->get("/password?token=$tok");
is($res->{status}, 200, 'the link opens the password form');
like(decode_utf8($res->{content}), qr{Welcome, Rosa &lt;Díaz&gt;.*<strong>rosa</strong>}s, 'welcoming her by name');
is($g->get('/password?token=' . ('A' x 43))->{status}, 410, 'a made-up link: 410');
is($g->get('/password?token=short')->{status}, 400, 'a malformed one: 400');
$state = $g->fingerprint;
is($g->post('/password', { token => $tok, password => 'short', again => 'short' })->{status}, 422, 'a short password: 422');
is($g->post('/password', { token => $tok, password => 'long enough 1', again => 'long enough 2' })->{status}, 422, 'two that differ: 422');
is($g->post('/password', { token => $tok, password => 'long enough 1', again => 'long enough 1' },
    { Origin => 'https://evil.example' })->{status}, 403, 'from another site: 403');
is($g->fingerprint, $state, 'nothing changed');
$res = $g->post('/password', { token => $tok, password => 'rosa first pass', again => 'rosa first pass' });
is($res->{status}, 303, 'a good password is set');
is($res->{headers}{location}, '/login?done=password', 'then to the login form');
like($g->get('/login?done=password')->{content}, qr/Your password is set/, 'which says so');
is($g->post('/password', { token => $tok, password => 'rosa other pass', again => 'rosa other pass' })->{status}, 410,
    'the link works once');
is(login_status('rosa', 'rosa other pass'), 403, 'the second try set nothing');
is(login_status('rosa', 'rosa first pass'), 303, 'she logs in');
$g->{passwords}{rosa} = 'rosa first pass';
my $rosa = $g->login('rosa');
is($rosa->get('/admin')->{status}, 200, 'and has a dashboard');

# An expired link.
$res = $admin->post('/admin/users', { name => 'late', display => 'Late Comer', role => 'editor' });
my $late = link_of($res);
$g->sql_write("UPDATE account_tokens SET expires_at = " . (time - 1) . " WHERE user_id = (SELECT id FROM users WHERE name = 'late')");
is($g->get("/password?token=$late")->{status}, 410, 'an expired link: 410');
is($g->post('/password', { token => $late, password => 'too late pass', again => 'too late pass' })->{status}, 410, 'and it sets nothing');

# Roles, disabling, enabling, from the browser.
my $rosa_id = $g->sql_value("SELECT id FROM users WHERE name = 'rosa'");
is($rosa->get('/admin/tags')->{status}, 403, 'a contributor cannot manage tags');
is($admin->post("/admin/users/$rosa_id/role", { role => 'overlord' })->{status}, 422, 'an unknown role: 422');
is($admin->post("/admin/users/$rosa_id/role", { role => 'editor' })->{status}, 303, 'the admin makes her an editor');
is($rosa->get('/admin/tags')->{status}, 200, 'her next request may manage tags');
my $boss_id = $g->sql_value("SELECT id FROM users WHERE name = 'boss'");
$state = $g->fingerprint;
is($admin->post("/admin/users/$boss_id/role", { role => 'editor' })->{status}, 409, 'an admin cannot demote themselves');
is($admin->post("/admin/users/$boss_id/disable", {})->{status}, 409, 'nor disable themselves');
is($admin->post("/admin/users/999999/disable", {})->{status}, 404, 'an unknown account: 404');
is($ed->post("/admin/users/$rosa_id/disable", {})->{status}, 403, 'an editor cannot disable anyone');
is($g->fingerprint, $state, 'nothing changed');
is($admin->post("/admin/users/$rosa_id/disable", {})->{status}, 303, 'the admin disables her');
is($rosa->get('/admin')->{status}, 303, 'her session has ended');
is(login_status('rosa', 'rosa first pass'), 403, 'and she cannot log in');
is($admin->post("/admin/users/$rosa_id/enable", {})->{status}, 303, 'enabled again');
is(login_status('rosa', 'rosa first pass'), 303, 'she logs in again');
$rosa = $g->login('rosa');

# A password reset link.
$res = $admin->post("/admin/users/$rosa_id/reset", {});
is($res->{status}, 200, 'a reset link');
my $reset = link_of($res);
ok($reset, 'shown once');
is($rosa->get('/admin')->{status}, 200, 'her session lasts until the link is used');
$res = $admin->post("/admin/users/$rosa_id/reset", {});
my $reset2 = link_of($res);
is($g->get("/password?token=$reset")->{status}, 410, 'a newer link replaces the older');
like($g->get("/password?token=$reset2")->{content}, qr/A new password for/, 'the newer one opens the form');
is($g->post('/password', { token => $reset2, password => 'rosa second pass', again => 'rosa second pass' })->{status}, 303,
    'a new password is set');
is($rosa->get('/admin')->{status}, 303, 'her sessions have ended');
is(login_status('rosa', 'rosa first pass'), 403, 'the old password is gone');
$g->{passwords}{rosa} = 'rosa second pass';
$rosa = $g->login('rosa');

# One's own account.
$res = $ed->get('/account');
is($res->{status}, 200, 'the account page');
like($res->{content}, qr/Signed in as <strong>jane<\/strong> \(editor\)/, 'says who and what');
$state = $g->fingerprint;
$res = $ed->post('/account/profile', { display => '', bio => 'Kept as typed.' });
is($res->{status}, 422, 'an empty display name: 422');
like($res->{content}, qr/Kept as typed\./, 'the bio comes back as typed');
is($ed->post('/account/profile', { display => "Jane\nDoe", bio => '' })->{status}, 422, 'a display name on two lines: 422');
is($ed->post('/account/profile', { display => 'Jane', bio => 'x' x 1001 })->{status}, 422, 'a bio too long: 422');
is($ed->post('/account/profile', { display => 'Jane' })->{status}, 400, 'an incomplete form: 400');
is($g->fingerprint, $state, 'nothing changed');
my $bio = "Covers the harbour & the <council>.\nSecond line.";
is($ed->post('/account/profile', { display => 'Jane Q. Doe', bio => $bio })->{status}, 303, 'the profile is saved');
$res = $ed->get('/account?done=profile');
like($res->{content}, qr/value="Jane Q\. Doe"/, 'the new display name');
like($res->{content}, qr/Covers the harbour &amp; the &lt;council&gt;\.\nSecond line\./, 'the bio, escaped');
like($res->{content}, qr/Signed in as Jane Q\. Doe/, 'the editor bar uses it');

# Sessions: two browsers, one ended from the other, then everywhere.
my $ed_b = $g->login('jane');
$res = $ed->get('/account');
my @ends = $res->{content} =~ m{action="/account/sessions/(\d+)/end"}g;
is(scalar @ends, 1, 'the account page lists the other session, with an End button');
like($res->{content}, qr/\(this browser\)/, 'and marks this one');
is($rosa->post("/account/sessions/$ends[0]/end", {})->{status}, 404, 'nobody ends another account\'s session');
is($ed_b->get('/admin')->{status}, 200, 'so it still works');
is($ed->post("/account/sessions/$ends[0]/end", {})->{status}, 303, 'she ends the other session');
is($ed_b->get('/admin')->{status}, 303, 'which is over');
is($ed->get('/admin')->{status}, 200, 'while this one goes on');

# The password, with the current one.
my $old = $g->{passwords}{jane};
$ed_b = $g->login('jane');
$state = $g->fingerprint;
$res = $ed->post('/account/password', { current => 'wrong one', password => 'jane new pass', again => 'jane new pass' });
is($res->{status}, 403, 'a wrong current password: 403');
like($res->{content}, qr/current password is wrong/, 'says so');
is($ed->post('/account/password', { current => $old, password => 'jane new pass', again => 'jane new passX' })->{status}, 422,
    'new passwords that differ: 422');
is($ed->post('/account/password', { current => $old, password => 'short', again => 'short' })->{status}, 422, 'too short: 422');
is($g->fingerprint, $state, 'nothing changed');
$ed->post('/account/password', { current => 'wrong again', password => 'x' x 8, again => 'x' x 8 });
$res = $ed->post('/account/password', { current => 'wrong thrice', password => 'x' x 8, again => 'x' x 8 });
is($res->{status}, 403, 'a third wrong one');
$res = $ed->post('/account/password', { current => $old, password => 'jane new pass', again => 'jane new pass' });
is($res->{status}, 429, 'then the login throttle holds, even with the right one');
ok($res->{headers}{'retry-after'}, 'with Retry-After');
$g->sql_write("DELETE FROM throttle");
$res = $ed->post('/account/password', { current => $old, password => 'jane new pass', again => 'jane new pass' });
is($res->{status}, 303, 'the password is changed');
is($ed->get('/admin')->{status}, 200, 'this session goes on');
is($ed_b->get('/admin')->{status}, 303, 'the other has ended');
is(login_status('jane', $old), 403, 'the old password is gone');
is(login_status('jane', 'jane new pass'), 303, 'the new one works');

# Everywhere.
$ed_b = $g->login('jane', password => 'jane new pass');
is($ed->post('/account/sessions/end-all', {})->{status}, 303, 'sign out everywhere');
is($ed->get('/admin')->{status}, 303, 'this session has ended');
is($ed_b->get('/admin')->{status}, 303, 'and the other');

# The command line keeps working.
is(($g->cli('user', 'passwd', 'rosa', \"rosa cli pass 1\n"))[0], 0, 'gazette user passwd');
is(login_status('rosa', 'rosa cli pass 1'), 303, 'and its password works');

$g->stop;
done_testing();

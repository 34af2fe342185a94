#!/usr/bin/env perl
# Two-factor sign-in through nginx: enrolment by a QR code drawn as
# inline SVG (and the secret as text), ten recovery codes stored hashed,
# sign-in with a code (a wrong, replayed or expired code refused, and
# counted by the login throttle), a recovery code that works once, the
# sign-in-and-save form asking for a code too, turning it off, an admin
# resetting it (browser and command line) and requiring it of everyone.
# The codes here are computed in Perl (RFC 6238, HMAC-SHA1); the app's
# come from liboath (t/unit/59-totp.c checks the RFC's vectors).
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Digest::SHA qw(hmac_sha1);
use Test::More;

my $g = GazetteTest->new(env => { GAZETTE_LOGIN_FAILURES => 4 });
my $admin = $g->login('boss', role => 'admin');
my $ed = $g->login('jane');
my $pw = $g->{passwords}{jane};

sub b32d {
	(my $s = uc shift) =~ tr/A-Z2-7//cd;
	my $bits = join '', map { sprintf '%05b', index('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', $_) } split //, $s;
	return pack 'B*', substr($bits, 0, int(length($bits) / 8) * 8);
}
sub totp {
	my ($key, $t) = @_;
	my $c = int($t / 30);
	my $h = hmac_sha1(pack('NN', int($c / 2**32), $c % 2**32), $key);
	my $o = ord(substr($h, -1)) & 0xf;
	return sprintf '%06d', (unpack('N', substr($h, $o, 4)) & 0x7fffffff) % 1000000;
}
sub login_res {
	my (%f) = @_;
	return $g->post('/login', { name => 'jane', password => $pw, %f });
}

# Enrolment.
my $res = $ed->get('/account/2fa');
is($res->{status}, 200, 'the two-factor page');
my ($secret) = $res->{content} =~ m{<code class="secret">([A-Z2-7]{32})</code>};
ok($secret, 'shows the secret as text');
like($res->{content}, qr{<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 (\d+) \1"}, 'and a QR code as inline SVG');
my @runs = $res->{content} =~ m{<rect x="\d+" y="\d+" width="\d+" height="1"/>}g;
cmp_ok(scalar @runs, '>', 50, scalar(@runs) . ' runs of dark modules');
unlike($res->{content}, qr{data:|<script|<img}, 'no data: image, no script');
is($g->sql_value("SELECT totp_secret FROM users WHERE name = 'jane'"), '', 'nothing is stored by looking');
my $key = b32d($secret);
$res = $ed->post('/account/2fa', { secret => $secret, code => '000000' eq totp($key, time) ? '111111' : '000000' });
is($res->{status}, 422, 'a wrong code does not enrol');
like($res->{content}, qr/\Q$secret\E/, 'the page keeps the same secret');
is($g->sql_value("SELECT totp_secret FROM users WHERE name = 'jane'"), '', 'nothing turned on');
is($ed->post('/account/2fa', { secret => 'lowercase', code => totp($key, time) })->{status}, 400, 'a malformed secret: 400');
$res = $ed->post('/account/2fa', { secret => $secret, code => totp($key, time) });
is($res->{status}, 200, 'the right code turns it on');
my @codes = $res->{content} =~ m{<li><code>([a-z0-9]{5}-[a-z0-9]{5})</code></li>}g;
is(scalar @codes, 10, 'and shows ten recovery codes');
is($g->sql_value("SELECT count(*) FROM recovery_codes"), 10, 'ten stored');
my $stored = join ' ', map { $_->{h} } @{ $g->sql('SELECT ' . $g->hex_sql('code_hash') . ' AS h FROM recovery_codes') };
ok(!(grep { my $c = $_; $c =~ s/-//; $stored =~ /\Q$c\E/i || $stored =~ /\Q${\ unpack('H*', $c)}\E/i } @codes),
    'as hashes, not the codes');
like($ed->get('/account/2fa')->{content}, qr/Two-factor sign-in is on\. Recovery codes left: 10\./, 'the page says it is on');
unlike($ed->get('/account/2fa')->{content}, qr/\Q$secret\E/, 'and no longer shows the secret');

# Signing in.
is(login_res()->{status}, 403, 'the password alone is not enough');
like(login_res()->{content}, qr/Enter the code from your authenticator app/, 'the form asks for the code');
is(login_res(code => '12345')->{status}, 403, 'a malformed code: 403');
is(login_res(code => totp($key, time - 120))->{status}, 403, 'an expired code: 403');
my $next = totp($key, time + 30);
$res = login_res(code => $next);
is($res->{status}, 303, 'a fresh code signs in');
is(login_res(code => $next)->{status}, 403, 'the same code again is refused (replay)');
$res = login_res(code => uc $codes[0]);
is($res->{status}, 303, 'a recovery code signs in (any case)');
is(login_res(code => $codes[0])->{status}, 403, 'but only once');
is($g->sql_value("SELECT count(*) FROM recovery_codes"), 9, 'nine left');
$g->sql_write('DELETE FROM throttle');
for (1 .. 4) { login_res(code => '000001') }
$res = login_res(code => $codes[1]);
is($res->{status}, 429, 'wrong codes count as failed logins: the throttle holds');
$g->sql_write('DELETE FROM throttle');

# Signing in again to save asks for the code too.
my $art = $ed->post('/admin/articles/new', { headline => 'Two factors', body => 'Text.', action => 'save' });
my ($id) = $art->{headers}{location} =~ m{/admin/articles/(\d+)/edit};
my %form = (headline => 'Two factors, saved', body => 'Text typed.', slug => 'two-factors', action => 'save',
    relogin_name => 'jane', relogin_password => $pw);
$res = $g->post("/admin/articles/$id/edit", \%form);
like($res->{content}, qr/name="relogin_code"/, 'the sign-in-and-save form has a code field');
$res = $g->post("/admin/articles/$id/edit/login", \%form);
is($res->{status}, 403, 'without the code nothing is saved');
like($res->{content}, qr/Text typed\./, 'the text stays');
$res = $g->post("/admin/articles/$id/edit/login", { %form, relogin_code => $codes[2] });
is($res->{status}, 303, 'with a code it signs in and saves');
is($g->sql_value("SELECT headline FROM articles WHERE id = $id"), 'Two factors, saved', 'saved');

# Turning it off needs the password.
is($ed->post('/account/2fa/off', { password => 'wrong' })->{status}, 403, 'a wrong password: 403');
isnt($g->sql_value("SELECT totp_secret FROM users WHERE name = 'jane'"), '', 'still on');
is($ed->post('/account/2fa/off', { password => $pw })->{status}, 303, 'her password turns it off');
is($g->sql_value("SELECT totp_secret || (SELECT count(*) FROM recovery_codes c WHERE c.user_id = u.id) FROM users u WHERE u.name = 'jane'"),
    '0', 'secret and codes gone');
is(login_res()->{status}, 303, 'the password alone signs in again');

# A lost phone: the admin (browser) or the command line turns it off.
$res = $ed->get('/account/2fa');
($secret) = $res->{content} =~ m{<code class="secret">([A-Z2-7]{32})</code>};
$key = b32d($secret);
is($ed->post('/account/2fa', { secret => $secret, code => totp($key, time) })->{status}, 200, 'enrolled again');
my $jane_id = $g->sql_value("SELECT id FROM users WHERE name = 'jane'");
like($admin->get('/admin/users')->{content}, qr{action="/admin/users/$jane_id/2fa-reset"}, 'the admin sees a reset button');
is($ed->post("/admin/users/$jane_id/2fa-reset", {})->{status}, 403, 'an editor cannot use it');
is($admin->post("/admin/users/$jane_id/2fa-reset", {})->{status}, 303, 'the admin resets it');
is(login_res()->{status}, 303, 'the password alone signs in');
my ($s3) = $ed->get('/account/2fa')->{content} =~ m{<code class="secret">([A-Z2-7]{32})</code>};
is($ed->post('/account/2fa', { secret => $s3, code => totp(b32d($s3), time) })->{status}, 200, 'enrolled once more');
like(scalar $g->cli_ok('user', '2fa-reset', 'jane'), qr/two-factor sign-in of 'jane' is off/, 'gazette user 2fa-reset');
is(login_res()->{status}, 303, 'and the password alone signs in');
is(($g->cli('user', '2fa-reset', 'nobody'))[0], 1, 'an unknown account: exit 1');

# Required of everyone.
is($ed->post('/admin/users/2fa', { require => '1' })->{status}, 403, 'an editor cannot require it');
is($admin->post('/admin/users/2fa', { require => 'yes' })->{status}, 422, 'require=yes: 422');
is($admin->post('/admin/users/2fa', { require => '1' })->{status}, 303, 'the admin requires it');
my $kim = $g->login('kim');
# Her token, from the one page she may see (the dashboard redirects).
($kim->{csrf}) = $kim->get('/account/2fa')->{content} =~ /name="csrf" value="([^"]+)"/;
$res = $kim->get('/admin');
is($res->{status}, 303, 'an account without it is sent to enrol');
is($res->{headers}{location}, '/account/2fa', 'to /account/2fa');
is($kim->post('/admin/articles/new', { headline => 'x', body => 'y', action => 'save' })->{status}, 403, 'and may not write');
$res = $kim->get('/account/2fa');
is($res->{status}, 200, 'the enrolment page opens');
like($res->{content}, qr/An administrator requires it/, 'saying why');
my ($ks) = $res->{content} =~ m{<code class="secret">([A-Z2-7]{32})</code>};
is($kim->post('/account/2fa', { secret => $ks, code => totp(b32d($ks), time) })->{status}, 200, 'she enrols');
is($kim->get('/admin')->{status}, 200, 'and may work');
is($kim->post('/account/2fa/off', { password => $g->{passwords}{kim} })->{status}, 409, 'she cannot turn it off while required');
is($admin->get('/admin/users')->{status}, 303, 'the admin too must enrol before anything else');
my ($as) = $admin->get('/account/2fa')->{content} =~ m{<code class="secret">([A-Z2-7]{32})</code>};
is($admin->post('/account/2fa', { secret => $as, code => totp(b32d($as), time) })->{status}, 200, 'the admin enrols');
is($admin->post('/admin/users/2fa', { require => '0' })->{status}, 303, 'and makes it optional again');
is($g->sql_value("SELECT value FROM settings WHERE key = 'auth.require_2fa'"), '0', 'saved');

$g->stop;
done_testing();

#!/usr/bin/env perl
# Editing that never loses work, through nginx.  A save after the
# session ended, or with a stale form token, comes back with everything
# typed and a password field; signing in there is a login (same-origin
# check, throttle, a fresh session) and saves in the same step.  A save
# on top of a revision saved meanwhile by someone else shows both
# versions and their difference and changes nothing until the editor
# saves again.  A save that changes nothing records no revision.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;

my $g = GazetteTest->new(samples => 1, env => { GAZETTE_LOGIN_FAILURES => 3 });
my $ed = $g->login('jane', display => 'Jane Doe');
my $kim = $g->login('kim', display => 'Kim Lee');
my $pw = $g->{passwords}{jane};

my $res = $ed->post('/admin/articles/new', { headline => 'Night ferry returns', body => "First paragraph.\n\nSecond one.",
    tags => 'Ferries', action => 'save' });
my ($id) = ($res->{headers}{location} // '') =~ m{/admin/articles/(\d+)/edit} or BAIL_OUT('no article');
sub base_of { ($_[0]{content} =~ /name="base" value="(\d+)"/)[0] }
my $form = $ed->get("/admin/articles/$id/edit");
my $base = base_of($form);
ok($base, 'the form carries the revision it was opened on');

# The session ends while she types.
my %typed = (headline => 'Night ferry returns <for good>', summary => 'A summary & more', byline => 'By Jane Doe',
    dateline => 'PORT ARDENT', source => 'Harbour office', tags => 'Ferries, Night', slug => '',
    body => "First paragraph, longer now.\n\nSecond one.\n\nA third with \"quotes\".", base => $base, action => 'save');
$g->sql_write("UPDATE sessions SET seen_at = 0 WHERE user_id = (SELECT id FROM users WHERE name = 'jane')");
my $state = $g->fingerprint;
$res = $ed->post("/admin/articles/$id/edit", \%typed);
is($res->{status}, 403, 'a save after the session ended: 403');
my $c = $res->{content};
like($c, qr/Your session has ended: nothing was saved yet/, 'says so');
like($c, qr{action="/admin/articles/$id/edit/login"}, 'the form goes to sign in and save');
like($c, qr/name="relogin_password" type="password"/, 'with a password field');
like($c, qr/value="Night ferry returns &lt;for good&gt;"/, 'the headline as typed');
like($c, qr/>A summary &amp; more</, 'the summary');
like($c, qr/value="By Jane Doe"/, 'the byline');
like($c, qr/value="PORT ARDENT"/, 'the dateline');
like($c, qr/value="Harbour office"/, 'the source');
like($c, qr/value="Ferries, Night"/, 'the tags');
like($c, qr/First paragraph, longer now\.\n\nSecond one\.\n\nA third with &quot;quotes&quot;\./, 'the text');
like($c, qr/name="base" value="$base"/, 'the base revision');
like($c, qr/name="action" value="save"/, 'and the action pressed');
is($g->fingerprint, $state, 'nothing was saved');

# Signing in there is a login.
my %again = (%typed, relogin_name => 'jane', relogin_password => 'wrong password');
$res = $g->post("/admin/articles/$id/edit/login", \%again);
is($res->{status}, 403, 'a wrong password: 403');
like($res->{content}, qr/The name or the password is wrong: nothing was saved yet/, 'says so');
like($res->{content}, qr/First paragraph, longer now\./, 'and keeps the text');
is($g->sql_value("SELECT count(*) FROM throttle"), 2, 'counted as a failed login (name and address)');
is($g->post("/admin/articles/$id/edit/login", { %again, relogin_password => $pw }, { Origin => 'https://evil.example' })->{status},
    403, 'from another site: 403');
is($g->fingerprint, $state, 'nothing was saved');
my $sessions = $g->sql_value("SELECT count(*) FROM sessions");
$res = $g->post("/admin/articles/$id/edit/login", { %again, relogin_password => $pw });
is($res->{status}, 303, 'the right password signs in and saves');
like($res->{headers}{location}, qr{/admin/articles/$id/edit\?done=saved}, 'to the edit page');
my ($cookie) = ($res->{headers}{'set-cookie'} // '') =~ /^(gazette_session=[^;]+)/;
ok($cookie, 'with a fresh session cookie');
is($g->sql_value("SELECT headline FROM articles WHERE id = $id"), 'Night ferry returns <for good>', 'the headline was saved');
is($g->sql_value("SELECT body_md FROM articles WHERE id = $id"), $typed{body}, 'and the text');
is($g->sql_value("SELECT count(*) FROM throttle"), 2, 'the failures stay counted');
$ed = GazetteTest::Editor->new($g, $cookie);
is($ed->get('/admin')->{status}, 200, 'the new session works');

# A stale token with a live session: the same, with her name.
$res = $ed->post_raw("/admin/articles/$id/edit", [ %{ { %typed, body => 'Stale token text.' } }, csrf => 'A' x 43 ]);
is($res->{status}, 403, 'a stale token: 403');
like($res->{content}, qr/This form had expired/, 'says so');
like($res->{content}, qr/name="relogin_name" value="jane"/, 'with her name filled in');
like($res->{content}, qr/Stale token text\./, 'and the text');

# A new article after the session ended.
$res = $g->post('/admin/articles/new', { headline => 'Written offline', body => 'Long text.', action => 'save' });
is($res->{status}, 403, 'a new article without a session: 403');
like($res->{content}, qr{action="/admin/articles/new/login"}, 'the form goes to sign in and save');
my $n = $g->sql_value('SELECT count(*) FROM articles');
$res = $g->post('/admin/articles/new/login', { headline => 'Written offline', body => 'Long text.', action => 'save',
    relogin_name => 'kim', relogin_password => $g->{passwords}{kim} });
is($res->{status}, 303, 'signing in saves it');
is($g->sql_value('SELECT count(*) FROM articles'), $n + 1, 'one more article');
is($g->sql_value("SELECT u.name FROM articles a JOIN users u ON u.id = a.author_id WHERE a.headline = 'Written offline'"), 'kim',
    'by the account that signed in');

# The throttle holds the sign-in too.
for (1 .. 2) { $g->post("/admin/articles/$id/edit/login", { %again, relogin_password => 'wrong again' }) }
$res = $g->post("/admin/articles/$id/edit/login", { %again, relogin_password => $pw });
is($res->{status}, 429, 'past the limit, even the right password waits: 429');
like($res->{content}, qr/First paragraph, longer now\./, 'with the text still there');
ok($res->{headers}{'retry-after'}, 'and Retry-After');
$g->sql_write('DELETE FROM throttle');

# Two editors on one article.
$form = $ed->get("/admin/articles/$id/edit");
$base = base_of($form);
my $kform = $kim->get("/admin/articles/$id/edit");
is(base_of($kform), $base, 'both open the same revision');
my %mine = (headline => 'Night ferry returns <for good>', tags => 'Ferries, Night', slug => '', base => $base, authors => '',
    body => "First paragraph, longer now.\n\nSecond one, edited by Jane.\n\nA third with \"quotes\".", action => 'save');
$res = $kim->post("/admin/articles/$id/edit", { %mine, body => "First paragraph, longer now.\n\nSecond one, edited by Kim.", base => $base,
    authors => 'kim' });
is($res->{status}, 303, 'Kim saves first');
$state = $g->fingerprint;
my $revs = $g->sql_value("SELECT count(*) FROM revisions WHERE article_id = $id");
$res = $ed->post("/admin/articles/$id/edit", \%mine);
is($res->{status}, 409, 'Jane\'s save over Kim\'s: 409');
$c = $res->{content};
like($c, qr/Nothing was saved: someone else saved this article/, 'says so');
like($c, qr/Saved by Kim Lee at/, 'names who');
like($c, qr{<del>Kim\.</del><ins>Jane\.\n\nA third with &quot;quotes&quot;\.</ins>}, 'shows the difference word by word');
like($c, qr{<del>Authors: kim\n</del><ins>Authors: \n</ins>}, 'and the authors Kim named, which Jane\'s form does not');
like($c, qr/Second one, edited by Jane\./, 'her text is still in the form');
my $newbase = base_of($res);
ok($newbase && $newbase > $base, 'the form now carries Kim\'s revision');
is($g->fingerprint, $state, 'nothing changed');
is($g->sql_value("SELECT count(*) FROM revisions WHERE article_id = $id"), $revs, 'no revision was added');
$res = $ed->post("/admin/articles/$id/edit", { %mine, base => $newbase });
is($res->{status}, 303, 'saving again, knowingly, replaces Kim\'s');
like($g->sql_value("SELECT body_md FROM articles WHERE id = $id"), qr/edited by Jane/, 'her text is stored');

# Nothing changed, nothing recorded.
$form = $ed->get("/admin/articles/$id/edit");
$revs = $g->sql_value("SELECT count(*) FROM revisions WHERE article_id = $id");
my $mod = $g->sql_value("SELECT modified_at FROM articles WHERE id = $id");
sleep 1;
$res = $ed->post("/admin/articles/$id/edit", { %mine, base => base_of($form) });
is($res->{status}, 303, 'an unchanged save');
like($res->{headers}{location}, qr/done=unchanged/, 'is told so');
like($ed->get($res->{headers}{location})->{content}, qr/Nothing had changed: no revision was recorded/, 'on the page');
is($g->sql_value("SELECT count(*) FROM revisions WHERE article_id = $id"), $revs, 'and records no revision');
is($g->sql_value("SELECT modified_at FROM articles WHERE id = $id"), $mod, 'nor a change');

# Pasted wire copy: its no-break spaces become plain ones, as the
# importer makes them, so that they do not hide in the text box.
$res = $ed->post('/admin/articles/new', { headline => "Wire\x{a0}copy", body => "PORT\x{a0}ARDENT \x{2014} The\x{a0}council met.\n\n    indented",
    action => 'preview' });
is($res->{status}, 200, 'a preview of pasted wire copy');
like($res->{content}, qr/>PORT ARDENT \xe2\x80\x94 The council met\.\n\n    indented</, 'the text box holds plain spaces, the rest as typed');
unlike($res->{content}, qr/\xc2\xa0/, 'no no-break space anywhere in the form');

# The preview says what rendering changes.
$res = $ed->post('/admin/articles/new', { headline => 'Notes', dateline => 'PORT ARDENT',
    body => "PORT ARDENT \x{2014} The <b>council</b> met.", action => 'preview' });
like($res->{content}, qr/<p class="notice render-note" role="status">The text holds raw HTML, which is not shown to readers/,
    'raw HTML: the preview says it is dropped');
like($res->{content}, qr/The text starts with the dateline &quot;PORT ARDENT&quot; that its own field already holds/,
    'a dateline typed twice: the preview says so');
$res = $ed->post('/admin/articles/new', { headline => 'Notes', dateline => 'PORT ARDENT', body => 'The council met.',
    action => 'preview' });
unlike($res->{content}, qr/render-note/, 'a plain text: no notes');

$g->stop;
done_testing();

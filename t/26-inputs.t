#!/usr/bin/env perl
# Declared inputs, seen from outside: each route names what it reads
# from the address or the form (src/ctl/routes.c, the last column), and
# each value is checked once, before the controller.  On a reader's
# route a malformed typed value (a number, a cursor) answers 400 with
# its declaration's message; behind a guard (a role, a CSRF token) the
# guard answers first (the login form, 403), then the controller
# refuses the value with the same message as ever, and nothing changes.
# A field that is text, or whose check needs the store, still gives its
# form again with the message next to it, as typed; an unknown ?done=
# notice is ignored, not refused; names nobody declared are left alone.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;

my $g = GazetteTest->new(samples => 1);
my $admin = $g->login('chief', role => 'admin');
my $ed = $g->login('jane');
my $art = $g->sql("SELECT id, comments FROM articles WHERE status = 'published' ORDER BY id LIMIT 1")->[0];
my $tag = $g->sql('SELECT id, name FROM tags ORDER BY id LIMIT 1')->[0];
my $before = $g->fingerprint;

# The error page shows the declaration's message, escaped.
sub refused {
	my ($res, $message, $what) = @_;
	is($res->{status}, 400, "$what: 400");
	like($res->{content}, qr/\Q$message\E/, "$what: says why");
}

# A reader's route: the declaration's message.
refused($g->get('/search?q=harbour&page=2x'), 'The page number in the address is malformed or too large.',
    'a search page that is no number');
refused($g->get('/?before=yesterday'), 'The page cursor in the address is malformed.', 'a malformed cursor');

# Behind a guard, the guard answers first.
my $res = $g->get('/admin/comments?show=everything');
is($res->{status}, 303, 'a malformed list asked for without a session: to the login form');
like($res->{headers}{location} // '', qr{^/login\?next=}, 'with the way back');
is($g->get('/admin?before=yesterday')->{status}, 303, 'so does a malformed dashboard cursor');
is($g->get('/admin/audit?before=x')->{status}, 303, 'and a malformed audit cursor');
is($g->post('/admin/articles/bulk', { action => 'burn', 'id[]' => 1 })->{status}, 403,
    'a bulk form with an unknown action and no session: 403');
is($ed->post_raw('/admin/articles/bulk', [ action => 'burn', 'id[]' => 1 ])->{status}, 403,
    'nor with a session but no CSRF token');
is($ed->get('/admin/audit?before=x')->{status}, 403, 'an editor asking for the audit log: 403, whatever its cursor');

# Typed values, then: refused with the same message, nothing changed.
refused($ed->post("/admin/articles/$art->{id}/comments", { mode => 'sideways' }),
    'Comments can be open, closed or hidden.', 'a comment mode that is not one of three');
refused($ed->post("/admin/articles/$art->{id}/comments", {}),
    'Comments can be open, closed or hidden.', 'no comment mode at all');
refused($ed->get('/admin/comments?show=everything'), 'The address asks for an unknown list.',
    'an unknown moderation list');
refused($ed->get('/admin/comments?before=12x'), 'The address asks for an unknown list.',
    'a moderation cursor that is no number');
refused($ed->post('/admin/comments', { action => 'burn', 'id[]' => 1 }), 'Choose approve, reject or delete.',
    'an unknown moderation action');
refused($ed->post('/admin/comments', { approve => 'first' }), 'A comment number is malformed.',
    'one comment\'s button with a malformed number');
refused($ed->post('/admin/articles/bulk', { action => 'burn', 'id[]' => $art->{id} }),
    'Choose publish, unpublish or delete.', 'an unknown bulk action');
refused($ed->get('/admin/media?before=0'), 'The page asked for does not exist.', 'a library page 0');
refused($ed->get('/admin?before=yesterday'), 'The page cursor in the address is malformed.',
    'a malformed dashboard cursor');
refused($admin->get('/admin/audit?before=x'), '?before= takes a row number.', 'a malformed audit cursor');
refused($ed->get("/admin/articles/$art->{id}/revisions?from=1&to=two"), 'Choose two revisions to compare.',
    'a revision number that is no number');
refused($ed->post("/admin/articles/$art->{id}/edit", { headline => 'Renamed', body => 'Text.', action => 'burn' }),
    'The form asked for an unknown action.', 'an article form with an unknown button');
is($g->fingerprint, $before, 'the refusals changed nothing');

# The typed values that pass arrive parsed: the mode is set.
$res = $ed->post("/admin/articles/$art->{id}/comments", { mode => 'closed' });
is($res->{status}, 303, 'a known comment mode is taken');
is($g->sql_value("SELECT comments FROM articles WHERE id = $art->{id}"), 'closed', 'and stored');
$ed->post("/admin/articles/$art->{id}/comments", { mode => $art->{comments} });
$before = $g->fingerprint;

# Text fields, and values only the controller can judge: the form
# again, with its message and what was typed.
$res = $ed->post('/account/profile', { display => 'J' x 101, bio => 'Hello.' });
is($res->{status}, 422, 'a display name too long: 422, not 400');
like($res->{content}, qr/A display name is 1 to 100 characters on one line\./, 'the account page says why');
like($res->{content}, qr/J{101}/, 'with the name as typed');
$res = $admin->post('/admin/users', { name => 'newbie', display => 'New Bie', role => 'wizard' });
is($res->{status}, 422, 'an unknown role word: 422, not 400');
like($res->{content}, qr/Choose a role: contributor, editor or admin\./, 'the accounts page says why');
like($res->{content}, qr/value="New Bie"/, 'with the form as typed');
$res = $admin->post('/admin/settings', { title => 'Harbour Times', tagline => '', moderation => 'all',
    close_days => 7, logo => 'the-big-one' });
is($res->{status}, 422, 'a logo that is no number: 422, not 400');
like($res->{content}, qr/The logo is a media library image/, 'the settings form says why');
$res = $ed->post("/admin/tags/$tag->{id}/rename", { name => "two\nlines" });
is($res->{status}, 422, 'a tag name on two lines: 422');
like($res->{content}, qr/Give a tag name of 1 to 60 characters/, 'the tag list says why');
$res = $admin->post('/admin/users/2fa', { require => 'maybe' });
is($res->{status}, 422, 'a two-factor policy that is neither 0 nor 1: 422, as before');
$res = $ed->post("/admin/articles/$art->{id}/lead", { media => 'x1' });
is($res->{status}, 400, 'a lead image that is no number: 400');
like($res->{content}, qr/Give the number of an image in the media library\./, 'says why');
$res = $ed->post('/admin/articles/999999/lead', { media => 'x1' });
is($res->{status}, 404, 'but an unknown article comes first: 404');
is($g->fingerprint, $before, 'the forms given again changed nothing');

# A revision number that is no number: no conflict check, as before;
# the form saves.
$res = $ed->post("/admin/articles/$art->{id}/edit", { headline => 'Base ignored', body => 'Text.',
    action => 'save', change => 'typo', base => 'not-a-number',
    slug => $g->sql_value("SELECT slug FROM articles WHERE id = $art->{id}") });
is($res->{status}, 303, 'a malformed base revision is ignored: saved');
is($g->sql_value("SELECT headline FROM articles WHERE id = $art->{id}"), 'Base ignored', 'the save is stored');

# Notices: a known one shows, an unknown one is ignored, never refused.
like($ed->get('/admin/tags?done=deleted')->{content}, qr/The tag was deleted\./, 'a known notice shows');
$res = $ed->get('/admin/tags?done=exploded');
is($res->{status}, 200, 'an unknown notice is no error');
unlike($res->{content}, qr/class="flash"/, 'and shows nothing');
like($ed->get('/admin/articles?status=all&done=published&n=3')->{content}, qr/3 articles published\./,
    'a bulk notice with its count');
$res = $ed->get('/admin/articles?done=published&n=three');
is($res->{status}, 200, 'a bulk notice with a count that is no number: no error');
unlike($res->{content}, qr/articles published/, 'and no notice');
like($ed->get('/admin/comments?done=1')->{content}, qr/1 comment changed\./, 'the moderation count, one');
like($ed->get('/admin/comments?done=0')->{content}, qr/Nothing changed: no comment was selected\./,
    'and none');
is($ed->get('/admin/comments?done=lots')->{status}, 200, 'a count that is no number: no error');
is($ed->get('/admin/articles?status=')->{status}, 200, 'an empty status is the drafts, as before');
refused($ed->get('/admin/articles?status=nothing'),
    'Lists are of drafts, published, scheduled, withdrawn or all articles', 'an unknown status');
like($g->get('/login?done=out')->{content}, qr/You have logged out\./, 'the login page\'s notice');
is($g->get('/login?done=in')->{status}, 200, 'and an unknown one');

# Names nobody declared are left alone.
is($ed->get('/admin/comments?utm_source=mail&show=all')->{status}, 200, 'an undeclared name is ignored');

done_testing();

#!/usr/bin/env perl
# The newsroom in a real browser (headless chromium, as t/39-browser.t):
# an admin invites a contributor from /admin/users and passes the link
# on; she sets her password through it, logs in, writes a draft and
# sends it for review; an editor finds it in the queue on the dashboard
# and returns it with a note; she sees the note, changes the text and
# sends it again; the editor publishes it and a reader finds it.  Each
# person has a browser context of their own.  (Status labels are
# upper case on screen, through CSS: the checks ignore case.)  Skipped only where
# chromium is not installed.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use HeadlessChromium;
use Test::More;

plan skip_all => 'chromium is not installed (scripts/deps installs it)'
    unless HeadlessChromium::binary();

my $g = GazetteTest->new(samples => 1);
$g->add_user('boss', role => 'admin', password => 'boss pass 12345', display => 'The Boss');
$g->add_user('jane', password => 'jane pass 12345', display => 'Jane Doe');
my $c = HeadlessChromium->new(dir => $g->dir);
ok($c, 'chromium started');
my $base = $g->url('');

sub login {
	my ($tab, $name, $pw) = @_;
	$tab->go("$base/login");
	$tab->type('#name', $name);
	$tab->type('#password', $pw);
	$tab->click_and_wait('form[action="/login"] button[type=submit]');
	return $tab->path;
}

# The admin invites Cora.
my $admin = $c->tab;
is(login($admin, 'boss', 'boss pass 12345'), '/admin', 'the admin logs in');
$admin->click_and_wait('a[href="/admin/users"]');
is($admin->path, '/admin/users', 'the accounts page');
$admin->type('#name', 'cora');
$admin->type('#display', 'Cora Lind');
$admin->eval('document.querySelector("#role").value = "contributor"');
$admin->click_and_wait('form[action="/admin/users"] button[type=submit]');
like($admin->text, qr/Invitation for Cora Lind/, 'an invitation');
my ($link) = $admin->text =~ m{(\Q$base\E/password\?token=[A-Za-z0-9_-]{43})};
ok($link, 'with the link to pass on');

# Cora sets her password through it and writes.
my $cora = $c->tab;
$cora->go($link);
like($cora->text, qr/Welcome, Cora Lind/, 'the link welcomes her');
$cora->type('#password', 'cora pass 12345');
$cora->type('#again', 'cora pass 12345');
$cora->click_and_wait('form[action="/password"] button[type=submit]');
is($cora->path, '/login?done=password', 'her password is set');
$cora->type('#name', 'cora');
$cora->type('#password', 'cora pass 12345');
$cora->click_and_wait('form[action="/login"] button[type=submit]');
is($cora->path, '/admin', 'she logs in');
like($cora->text, qr/Your articles/, 'to her own desk');
$cora->click_and_wait('a[href="/admin/articles/new"]');
ok(!$cora->eval('!!document.querySelector("button[value=publish]")'), 'her form has no Publish button');
$cora->type('#headline', 'Harbour ferry timetable changes');
$cora->type('#body', "The winter timetable starts on Monday, with two crossings fewer.");
$cora->click_and_wait('button[value=submit]');
like($cora->path, qr{^/admin/articles/(\d+)/edit\?done=submitted$}, 'she sends it for review');
my ($id) = $cora->path =~ m{/admin/articles/(\d+)/};
like($cora->text, qr/Waiting for review since/, 'it is waiting');

# Jane returns it with a note.
my $ed = $c->tab;
is(login($ed, 'jane', 'jane pass 12345'), '/admin', 'the editor logs in');
like($ed->text, qr/Waiting for review 1.*Harbour ferry timetable changes by Cora Lind/si, 'the queue lists it');
$ed->click_and_wait(qq{#queue a[href="/admin/articles/$id/edit"]});
$ed->type('#review-note', 'Which crossings go? Name them, please.');
$ed->click_and_wait('form.review-return button[type=submit]');
like($ed->path, qr{done=returned$}, 'returned with a note');

# Cora sees the note and sends it again.
$cora->go("$base/admin");
like($cora->text, qr/returned to you.*Which crossings go\? Name them, please\./si, 'her desk shows the note');
$cora->go("$base/admin/articles/$id/edit");
like($cora->text, qr/An editor returned this draft with a note/, 'so does her form');
$cora->type('#body', "The winter timetable starts on Monday: the 06:10 and the 22:40 crossings stop.");
$cora->click_and_wait('button[value=submit]');
like($cora->path, qr{done=submitted$}, 'sent again');

# Jane publishes it; a reader finds it.
$ed->go("$base/admin/articles/$id/edit");
$ed->click_and_wait('button[value=publish]');
like($ed->path, qr{done=published$}, 'the editor publishes it');
my $reader = $c->tab;
$reader->go("$base/");
like($reader->text, qr/Harbour ferry timetable changes/, 'a reader sees it on the front page');
$cora->go("$base/admin");
like($cora->text, qr/Harbour ferry timetable changes\s*published/i, 'and Cora\'s desk says published');
undef $c;
done_testing();

#!/usr/bin/env perl
# In a real browser (Debian's chromium, headless, driven over the
# DevTools protocol): an editor logs in, writes an article with tags,
# previews and publishes it; a reader, in a browser context of their
# own, finds it on the front page and on its tag page; the editor fixes
# a typo and logs out.  Skipped only where chromium is not installed.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use HeadlessChromium;
use Test::More;

plan skip_all => 'chromium is not installed (scripts/deps installs it)'
    unless HeadlessChromium::binary();

my $g = GazetteTest->new(samples => 1);
$g->add_user('rosa', password => 'harbour lights 42', display => 'Rosa Vidal');
my $c = HeadlessChromium->new(dir => $g->dir);
ok($c, 'chromium started');
my $base = $g->url('');
my $shots = $ENV{GAZETTE_SCREENSHOTS};	# a folder, to look at the pages

# The editor goes to the dashboard and is sent to log in.
my $ed = $c->tab;
$ed->go("$base/admin");
is($ed->path, '/login?next=%2Fadmin', 'the dashboard asks for a login first');
$ed->type('#name', 'rosa');
$ed->type('#password', 'harbour lights 42');
$ed->click_and_wait('form[action="/login"] button[type=submit]');
is($ed->path, '/admin', 'after logging in, the dashboard');
like($ed->text, qr/Signed in as Rosa Vidal/, 'which names her');
$ed->screenshot("$shots/admin.png") if $shots;

# She writes an article with tags.
$ed->click_and_wait('a[href="/admin/articles/new"]');
is($ed->path, '/admin/articles/new', 'the new article form');
$ed->type('#headline', 'Volunteers relight the old breakwater lamp');
$ed->type('#summary', 'The lamp shines again after forty years of darkness.');
$ed->type('#byline', 'By Rosa Vidal');
$ed->type('#dateline', 'PORT ARDENT');
$ed->type('#body', "A group of volunteers has repaired the lamp at the end of the *north breakwater*.\n\n"
    . "The lamp will be lit every evemning from dusk until midnight.");
$ed->type('#tags', 'Lighthouses, Volunteers, Harbour');
$ed->click_and_wait('button[value=preview]');
like($ed->text, qr/Preview: nothing is saved yet/, 'the preview says nothing is saved');
ok($ed->eval('!!document.querySelector(".preview em")'), 'and shows the Markdown rendered');
is($g->sql_value("SELECT count(*) FROM articles WHERE headline LIKE 'Volunteers relight%'"), 0, 'nothing saved yet');
$ed->screenshot("$shots/preview.png") if $shots;
$ed->click_and_wait('button[value=publish]');
like($ed->path, qr{^/admin/articles/\d+/edit\?done=published$}, 'published, back on the edit page');
like($ed->text, qr/Published: readers can see it now/, 'which says so');
my $slug = $ed->eval('document.querySelector("#slug").value');
is($slug, 'volunteers-relight-the-old-breakwater-lamp', 'a slug made from the headline');

# A reader, with no cookie, finds it.
my $reader = $c->tab;
$reader->go("$base/");
like($reader->text, qr/Volunteers relight the old breakwater lamp/, 'the reader sees it on the front page');
unlike($reader->text, qr/Signed in/, 'without any editor bar');
$reader->click_and_wait(qq{a[href="/articles/$slug"]});
is($reader->path, "/articles/$slug", 'the article opens');
like($reader->text, qr/repaired the lamp at the end of the north breakwater/, 'with its text');
like($reader->text, qr/By Rosa Vidal/, 'its byline');
$reader->screenshot("$shots/article.png") if $shots;
$reader->click_and_wait('a[href="/tags/lighthouses"]');
like($reader->text, qr/Volunteers relight the old breakwater lamp/, 'and on its tag page');

# The editor fixes a typo: a silent change.
my $body = $ed->eval('document.querySelector("#body").value');
(my $fixed = $body) =~ s/evemning/evening/;
$ed->type('#body', $fixed);
ok($ed->eval('document.querySelector("input[name=change][value=typo]").checked'), 'a typo fix is the default kind of change');
$ed->click_and_wait('button[value=save]');
like($ed->path, qr{done=saved$}, 'saved');
$reader->go("$base/articles/$slug");
$reader->reload;	# the page may be cached for 30 s: a reader's reload revalidates
like($reader->text, qr/every evening from dusk/, 'the reader sees the fixed text');
ok($reader->eval('!document.querySelector(".notes, .correction-notice")'), 'with no note for a typo');

# Logging out from the editor bar.
$ed->click_and_wait('.editor-bar button[type=submit]');
is($ed->path, '/login?done=out', 'logged out');
$ed->go("$base/admin");
like($ed->path, qr{^/login}, 'the dashboard asks for a login again');
undef $c;
done_testing();

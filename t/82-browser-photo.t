#!/usr/bin/env perl
# In a real browser (Debian's chromium, headless): an editor uploads a
# photograph through the article form (a plain form: no script),
# gives it alt text, caption and credit, makes it the lead image and
# publishes; a reader's page carries its srcset, width, height, alt text
# and og:image; a phone (360 CSS pixels, 2x) picks a small WebP, and the
# whole page as the phone loads it (HTML, CSS, the picture, anything
# else), fetched with Accept-Encoding: br, stays within 150 KB.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use HeadlessChromium;
use File::Temp qw(tempdir);
use HTTP::Tiny;
use Test::More;

plan skip_all => 'chromium is not installed (scripts/deps installs it)'
    unless HeadlessChromium::binary();
plan skip_all => 'vips is not installed (scripts/deps installs it)'
    unless grep { -x "$_/vips" } split(/:/, $ENV{PATH});

my $g = GazetteTest->new(samples => 1);
$g->add_user('rosa', password => 'harbour lights 42', display => 'Rosa Vidal');
my $tmp = tempdir('gazette-bphoto-XXXXXX', TMPDIR => 1, CLEANUP => 1);
sub run_ok { system(@_) == 0 or die "@_ failed" }

# A photograph with a photograph's weight: grain over broad shapes,
# 3000x2001, 24-bit (its 960 WebP weighs about what a real one does).
run_ok('vips', 'gaussnoise', "$tmp/n.v", 1000, 667, '--sigma', 12, '--mean', 128);
run_ok('vips', 'resize', "$tmp/n.v", "$tmp/nb.v", 3);
run_ok('vips', 'sines', "$tmp/s.v", 3000, 2001, '--hfreq', 3, '--vfreq', 2);
run_ok('vips', 'linear', "$tmp/s.v", "$tmp/s2.v", 60, 0);
run_ok('vips', 'add', "$tmp/nb.v", "$tmp/s2.v", "$tmp/a.v");
run_ok('vips', 'bandjoin', "$tmp/a.v $tmp/nb.v $tmp/s2.v", "$tmp/rgb.v");
run_ok('vips', 'cast', "$tmp/rgb.v", "$tmp/rgb8.v", 'uchar');
run_ok('vips', 'copy', "$tmp/rgb8.v", "$tmp/harbour.jpg[Q=90]");

my $c = HeadlessChromium->new(dir => $g->dir);
ok($c, 'chromium started');
my $base = $g->url('');

# The editor writes a draft.
my $ed = $c->tab;
$ed->go("$base/login");
$ed->type('#name', 'rosa');
$ed->type('#password', 'harbour lights 42');
$ed->click_and_wait('form[action="/login"] button[type=submit]');
$ed->go("$base/admin/articles/new");
$ed->type('#headline', 'Tall ship moors in the inner harbour');
$ed->type('#summary', 'Crowds lined the quay to see the three-master arrive.');
$ed->type('#body', "The ship arrived on the morning tide.\n\nShe stays until Sunday.");
$ed->type('#tags', 'Harbour');
$ed->click_and_wait('button[value=save]');
my ($id) = $ed->path =~ m{^/admin/articles/(\d+)/edit\?done=saved$};
ok($id, 'a draft saved');

# Its form's lead photograph section: a plain upload form.
ok($ed->eval('document.querySelector("#lead form.upload").enctype === "multipart/form-data"'), 'the article form has an upload form');
ok($ed->eval('!document.querySelector("#lead form.upload").onsubmit'), '... that needs no script');
$ed->set_file('#lead-file', "$tmp/harbour.jpg");
$ed->type('#lead-alt', 'The three-master "Aurora" at the <inner> quay');
$ed->type('#lead-caption', 'The Aurora moored at dawn & crowds on the quay.');
$ed->type('#lead-credit', 'Photo: Rosa Vidal');
$ed->click_and_wait('#lead form.upload button[type=submit]');
is($ed->path, "/admin/articles/$id/edit?done=photo", 'uploaded, back on the form');
like($ed->text, qr/The lead photograph was set/, 'which says so');
ok($ed->wait_for('document.querySelector("#lead figure img") && document.querySelector("#lead figure img").complete'
    . ' && document.querySelector("#lead figure img").naturalWidth > 0'), '... and shows the picture');
my $m = $g->sql("SELECT m.* FROM media m JOIN article_media am ON am.media_id = m.id WHERE am.article_id = $id")->[0];
ok($m, 'the photograph is the lead image');
is($m->{alt}, 'The three-master "Aurora" at the <inner> quay', 'with its alt text as typed');
is($m->{width}, 1920, 'resized to 1920 wide at most');
$ed->click_and_wait('button[value=publish]');
like($ed->path, qr{^/admin/articles/$id/edit\?done=published$}, 'published');
my $slug = $g->sql_value("SELECT slug FROM articles WHERE id = $id");
my $h = $m->{hash};

# A reader on a desktop.
my $reader = $c->tab;
$reader->viewport(1280, 900, 1, 0);
$reader->go("$base/articles/$slug");
my $img = 'document.querySelector("figure.lead-photo img")';
ok($reader->wait_for("$img && $img.complete && $img.naturalWidth > 0"), 'the lead photograph loads');
is($reader->eval("$img.getAttribute('width') + 'x' + $img.getAttribute('height')"), "$m->{width}x$m->{height}", 'width and height');
is($reader->eval("$img.alt"), 'The three-master "Aurora" at the <inner> quay', 'its alt text');
my $webp = join(', ', map { "/media/$h-$_.webp ${_}w" } qw(320 640 960 1280 1920));
is($reader->eval('document.querySelector("figure.lead-photo source[type=\'image/webp\']").getAttribute("srcset")'), $webp, 'a WebP srcset of every width');
like($reader->eval("$img.getAttribute('srcset')"), qr{^/media/$h-320\.jpg 320w, .*/media/$h-1920\.jpg 1920w$}, 'and a JPEG one');
like($reader->eval("$img.sizes"), qr/100vw/, 'with sizes');
like($reader->eval('document.querySelector("figure.lead-photo figcaption").textContent'),
    qr/^The Aurora moored at dawn & crowds on the quay\. Photo: Rosa Vidal$/, 'caption and credit');
my $og = $reader->eval('document.querySelector("meta[property=\'og:image\']").content');
is($og, "$base/media/$h-og-16x9.jpg", 'og:image: the 16:9 crop');
is($reader->eval('document.querySelector("meta[property=\'og:image:alt\']").content'), $m->{alt}, 'og:image:alt');
my $r = HTTP::Tiny->new->get($og);
is($r->{status}, 200, 'og:image is served');
like($r->{headers}{'content-type'}, qr{^image/jpeg}, '... a JPEG');
# The column is 38rem (608 CSS pixels): at 1x, the 640 WebP.
like($reader->eval("$img.currentSrc"), qr{/media/$h-640\.webp$}, 'a desktop at 1x takes the 640 WebP');

# A phone: 360 CSS pixels at 2x, in a context of its own (an empty cache).
my $phone = $c->tab;
$phone->viewport(360, 740, 2, 1);
$phone->go("$base/articles/$slug");
ok($phone->wait_for("$img && $img.complete && $img.naturalWidth > 0"), 'the phone loads the lead photograph');
my $cur = $phone->eval("$img.currentSrc");
like($cur, qr{^\Q$base\E/media/$h-(320|640|960)\.webp$}, "a phone picks a small WebP ($cur)");
ok($phone->wait_for('document.readyState === "complete"'), 'the page is complete');
sleep(1);	# anything loaded late (lazy images near the fold)
# What the phone loaded: the page and every resource it fetched.
my $loaded = $phone->eval('JSON.stringify([location.href].concat(performance.getEntriesByType("resource").map(function(e){return e.name})))');
my @urls = @{ JSON::PP->new->decode($loaded) };
ok((grep { $_ eq $cur } @urls), 'the list of what it loaded holds the picture');
ok((grep { m{/static/[^/]+\.css} } @urls), '... and the style sheet');
my $browser = $phone->eval('performance.getEntriesByType("navigation")[0].transferSize'
    . ' + performance.getEntriesByType("resource").reduce(function(s, e){return s + e.transferSize}, 0)');
# The same, as a phone that accepts Brotli fetches it (the test's
# address is plain HTTP, over which chromium does not offer br).
my $http = HTTP::Tiny->new(agent => 'Mozilla/5.0 (Linux; Android 14) Mobile', max_redirect => 0);
my $total = 0;
for my $u (@urls) {
	my $res = $http->get($u, { headers => { 'Accept-Encoding' => 'br, gzip',
	    Accept => $u =~ /\.webp$/ ? 'image/avif,image/webp,*/*' : '*/*' } });
	is($res->{status}, 200, "GET $u: 200");
	my $head = length("HTTP/1.1 $res->{status} $res->{reason}\r\n\r\n");
	for my $k (keys %{ $res->{headers} }) {
		$head += length("$k: $_\r\n") for ref $res->{headers}{$k} ? @{ $res->{headers}{$k} } : $res->{headers}{$k};
	}
	$total += $head + length($res->{content});
	diag(sprintf('%7d bytes  %s%s', $head + length($res->{content}), $u,
	    $res->{headers}{'content-encoding'} ? " ($res->{headers}{'content-encoding'})" : ''));
}
cmp_ok($total, '<=', 150_000, "the phone's whole page with Brotli: $total bytes, within 150 KB");
cmp_ok($browser, '<=', 150_000, "as the browser counted it (its encodings over HTTP): $browser bytes");

undef $c;
done_testing();

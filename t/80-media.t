#!/usr/bin/env perl
# Photographs: the upload route (multipart, streamed), processing in a
# process of its own (formats by content, EXIF orientation, no metadata
# in any served file), the refusals that store nothing, a decoder that
# crashes or hangs, the library page and nginx serving the files.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Compress::Zlib qw(compress crc32);
use File::Temp qw(tempdir);
use JSON::PP;
use Test::More;
use Time::HiRes qw(sleep time);
use HTTP::Tiny;
use POSIX ();

for my $tool (qw(vips exiftool)) {
	plan skip_all => "$tool is not installed (scripts/deps installs it)"
	    unless grep { -x "$_/$tool" } split(/:/, $ENV{PATH});
}

my $g = GazetteTest->new(samples => 1);
my $ed = $g->login('jane', display => 'Jane Doe');
my $tmp = tempdir('gazette-media-XXXXXX', TMPDIR => 1, CLEANUP => 1);
my $media = "$g->{dir}/media";

sub run_ok { system(@_) == 0 or die "@_ failed" }
sub slurp { GazetteTest::slurp(@_) }

# A photograph as a phone makes it: 1200x800 pixels stored sideways
# (EXIF orientation 6: turn 90 degrees clockwise to view), with a GPS
# position, camera and author names in EXIF, XMP and IPTC.
run_ok('vips', 'gaussnoise', "$tmp/n.v", 1200, 800);
run_ok('vips', 'bandjoin_const', "$tmp/n.v", "$tmp/rgb.v", '40 200');
run_ok('vips', 'copy', "$tmp/rgb.v", "$tmp/photo.jpg[Q=90]");
run_ok('exiftool', '-q', '-overwrite_original', '-Orientation#=6',
    '-GPSLatitude=51.5012', '-GPSLatitudeRef=N', '-GPSLongitude=0.1419',
    '-GPSLongitudeRef=W', '-Make=SecretCam', '-SerialNumber=SN998877',
    '-Artist=Source Person', '-XMP:Creator=Xmp Person',
    '-IPTC:By-line=Iptc Person', "$tmp/photo.jpg");
like(`exiftool -s -GPSLatitude $tmp/photo.jpg`, qr/51 deg/, 'the test photograph has a GPS position');
my $photo = slurp("$tmp/photo.jpg");

my $count = sub { $g->sql_value('SELECT count(*) FROM media') };
# The files in the media folder (not its work folder), and what is
# left in the work folder (uploads, staging): nothing, between requests.
my $files = sub { opendir(my $d, $media) or return -1; scalar grep { !/^\./ } readdir($d) };
my $leftover = sub { opendir(my $d, "$media/.tmp") or return -1; scalar grep { !/^\.\.?$/ } readdir($d) };

# The library page and its form.
my $res = $ed->get('/admin/media');
is($res->{status}, 200, 'GET /admin/media: 200');
like($res->{content}, qr{<form method="post" action="/admin/media" enctype="multipart/form-data"}, 'an upload form without script');
like($res->{content}, qr/No image here/, 'empty at first');
is($g->get('/admin/media')->{status}, 303, 'readers are sent to the login');

# Refused before anything is processed.
$res = $ed->upload('/admin/media', [ csrf => 'x' x 43 ], [ [ 'file', 'p.jpg', $photo, 'image/jpeg' ] ]);
is($res->{status}, 403, 'without the CSRF token: 403');
$res = $ed->post('/admin/media', { alt => 'x' });
is($res->{status}, 415, 'a form sent urlencoded: 415');
is($count->(), 0, 'nothing stored');

# The upload.
$res = $ed->upload('/admin/media', [ alt => 'A grey <field> of "noise"', caption => 'Noise & static',
    credit => 'Photo: Jane Doe' ], [ [ 'file', 'IMG_0001.jpg', $photo, 'image/jpeg' ] ]);
is($res->{status}, 303, 'upload: 303');
like($res->{headers}{location} // '', qr{^/admin/media\?done=uploaded#media-\d+$}, 'to the library');
my $m = $g->sql('SELECT * FROM media')->[0];
ok($m, 'one row');
is("$m->{width}x$m->{height}", '800x1200', 'upright: the EXIF orientation was applied');
is($m->{widths}, '320,640,800', 'widths below the image and its own, never upscaled');
is($m->{alt}, 'A grey <field> of "noise"', 'alt text stored as typed');
is($m->{filename}, 'IMG_0001.jpg', 'file name kept for editors');
is($m->{bytes}, length($photo), 'size recorded');
like($m->{hash}, qr/^[0-9a-f]{20}$/, 'a content hash names the files');
is($leftover->(), 0, 'no temporary file is left');

# Every file, served by nginx, carries no metadata.
my @names = ((map { ("$m->{hash}-$_.webp", "$m->{hash}-$_.jpg") } split(/,/, $m->{widths})),
    map { "$m->{hash}-og-$_.jpg" } qw(16x9 4x3 1x1));
is($files->(), scalar @names, 'the variants and crops, nothing else');
my %dims = (320 => '320x480', 640 => '640x960', 800 => '800x1200',
    'og-16x9' => '1200x675', 'og-4x3' => '1200x900', 'og-1x1' => '1200x1200');
for my $name (@names) {
	$res = $g->get("/media/$name");
	is($res->{status}, 200, "GET /media/$name: 200");
	is($res->{headers}{'cache-control'}, 'public, max-age=31536000, immutable', '... cached for a year');
	like($res->{headers}{'content-type'}, $name =~ /webp$/ ? qr{^image/webp} : qr{^image/jpeg}, '... with its type');
	open(my $fh, '>:raw', "$tmp/served") or die;
	print $fh $res->{content};
	close($fh);
	my $json = `exiftool -j -a -G1 -u $tmp/served`;
	my $info = JSON::PP->new->decode($json)->[0];
	my @meta = grep { /^(EXIF|IFD\d|ExifIFD|GPS|XMP|XMP-\w+|IPTC|ICC\w*|MakerNotes|JFIF|Photoshop|InteropIFD|Comment)/ || /GPS|Make|Serial|Artist|Creator|By-line/ } keys %$info;
	is_deeply(\@meta, [], "... no metadata in it (exiftool)")
	    or diag(join(', ', @meta));
	unlike($res->{content}, qr/Exif|GPS|SecretCam|SN998877|Person|ns\.adobe\.com/, '... nor any of its bytes');
	my ($suffix) = $name =~ /-((?:og-)?[0-9x]+)\.\w+$/;
	is("$info->{'File:ImageWidth'}x$info->{'File:ImageHeight'}", $dims{$suffix}, '... its size')
	    if $name =~ /jpg$/;
	is("$info->{'RIFF:ImageWidth'}x$info->{'RIFF:ImageHeight'}", $dims{$suffix}, '... its size')
	    if $name =~ /webp$/;
}
is($g->get('/media/.tmp/')->{status}, 404, 'the work folder is not served');

# The library lists it, escaped.
$res = $ed->get('/admin/media');
like($res->{content}, qr{id="media-$m->{id}"}, 'listed in the library');
like($res->{content}, qr{alt="A grey &lt;field&gt; of &quot;noise&quot;"}, 'alt text escaped');
like($res->{content}, qr{Noise &amp; static}, 'caption escaped');
like($res->{content}, qr{srcset="/media/$m->{hash}-320\.webp 320w, /media/$m->{hash}-640\.webp 640w, /media/$m->{hash}-800\.webp 800w"}, 'a WebP srcset');
like($res->{content}, qr{width="800" height="1200"}, 'width and height');

# Search by caption, credit or alt text.
like($ed->get('/admin/media?q=STATIC')->{content}, qr{id="media-$m->{id}"}, 'found by a word of its caption, in any case');
like($ed->get('/admin/media?q=jane+doe')->{content}, qr{id="media-$m->{id}"}, 'by its credit');
$res = $ed->get('/admin/media?q=seagull');
unlike($res->{content}, qr{id="media-$m->{id}"}, 'not by a word it does not hold');
like($res->{content}, qr/No image here/, '... which says so');
like($res->{content}, qr{value="seagull"}, 'the search box keeps the words');
is($ed->get('/admin/media?q=%FF')->{status}, 400, 'bad UTF-8 in the search: 400');
is($ed->get('/admin/media?before=abc')->{status}, 400, 'a malformed cursor: 400');

# Pages of 24, newest first, the search kept from page to page.
for my $i (1 .. 25) {
	run_ok('vips', 'black', "$tmp/tiny.png", 20 + $i, 20);
	$res = $ed->upload('/admin/media', [ caption => "Pager & test $i" ], [ [ 'file', 'tiny.png', slurp("$tmp/tiny.png"), 'image/png' ] ]);
	$res->{status} == 303 or die "tiny upload $i: $res->{status}";
}
$res = $ed->get('/admin/media?q=pager+%26+test');
my @ids = $res->{content} =~ /<li id="media-(\d+)">/g;
is(scalar @ids, 24, 'a page holds 24 images');
ok(!grep({ $_ == $m->{id} } @ids), '... only those that match');
my ($older) = $res->{content} =~ m{<a href="([^"]+)" rel="next">Older images</a>};
is($older, "/admin/media?q=pager%20%26%20test&amp;before=$ids[-1]", 'the next page keeps the search, encoded');
$older =~ s/&amp;/&/g;
my @ids2 = $ed->get($older)->{content} =~ /<li id="media-(\d+)">/g;
is(scalar @ids2, 1, 'the next page holds the last match');
ok(@ids2 && $ids2[0] < $ids[-1], '... older than the first page\'s');
$g->sql_write('DELETE FROM media WHERE caption LIKE \'Pager & test%\'');

# The same file again: the library keeps one entry.
$res = $ed->upload('/admin/media', [], [ [ 'file', 'again.jpg', $photo, 'image/jpeg' ] ]);
is($res->{status}, 303, 'the same photograph again: 303');
like($res->{headers}{location} // '', qr{done=known#media-$m->{id}$}, 'to its existing entry');
is($count->(), 1, 'still one row');

# Other formats that are accepted, found by their content.
for my $fmt (qw(png webp gif)) {
	run_ok('vips', 'gaussnoise', "$tmp/x.v", 500 + length($fmt), 300);
	run_ok('vips', 'copy', "$tmp/x.v", "$tmp/x.$fmt");
	$res = $ed->upload('/admin/media', [ alt => "a $fmt" ], [ [ 'file', "picture.jpg", slurp("$tmp/x.$fmt"), 'image/jpeg' ] ]);
	is($res->{status}, 303, "a $fmt named .jpg: accepted by its content");
}
my $n = $count->();
my $nfiles = $files->();

# Refusals: each with its status and message, nothing stored, the
# server alive.
run_ok('vips', 'gaussnoise', "$tmp/big.jpg", 2000, 1500);
my $big = slurp("$tmp/big.jpg");
run_ok('vips', 'copy', "$tmp/x.v", "$tmp/x.tif");
# A decompression bomb: a PNG header claiming 30000x30000 pixels.
my $ihdr = pack('NNCCCCC', 30000, 30000, 8, 2, 0, 0, 0);
my $chunk = sub { my ($t, $d) = @_; pack('N', length $d) . $t . $d . pack('N', crc32($t . $d)) };
my $bomb = "\x89PNG\r\n\x1a\n" . $chunk->('IHDR', $ihdr) . $chunk->('IDAT', compress("\0" x 1000)) . $chunk->('IEND', '');
my @bad = (
	[ 'an SVG named .jpg', '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>', 415, qr/not accepted|not an image/ ],
	[ 'HTML named .jpg', "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>", 415, qr/not an image/ ],
	[ 'a PDF', "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n", 415, qr/not accepted|not an image/ ],
	[ 'a TIFF', slurp("$tmp/x.tif"), 415, qr/not accepted/ ],
	[ 'zero bytes', '', 422, qr/empty/ ],
	[ 'a truncated JPEG', substr($big, 0, int(length($big) / 2)), 422, qr/damaged or incomplete/ ],
	[ 'a decompression bomb', $bomb, 422, qr/too large/ ],
);
for my $b (@bad) {
	my ($what, $bytes, $status, $msg) = @$b;
	my $t0 = time;
	$res = $ed->upload('/admin/media', [ alt => 'x' ], [ [ 'file', 'photo.jpg', $bytes, 'image/jpeg' ] ]);
	is($res->{status}, $status, "$what: $status");
	like($res->{content}, $msg, '... saying why');
	ok(time - $t0 < 5, '... at once') if $what =~ /bomb/;
	is($count->(), $n, '... nothing stored');
	is($files->(), $nfiles, '... no file left');
	is($leftover->(), 0, '... nor any temporary one');
}
is($g->get('/')->{status}, 200, 'the site still answers');

# Malformed bodies.
$res = $g->{http}->request('POST', $g->url('/admin/media'), { headers => {
    'Content-Type' => 'multipart/form-data; boundary=abc', Origin => $g->{base},
    Cookie => $ed->cookie }, content => "--abc\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nx" });
is($res->{status}, 400, 'a body without its closing boundary: 400');
like($res->{content}, qr/closing boundary/, '... saying so');
$res = $g->{http}->request('POST', $g->url('/admin/media'), { headers => {
    'Content-Type' => 'multipart/form-data', Origin => $g->{base}, Cookie => $ed->cookie }, content => "x" });
is($res->{status}, 415, 'multipart without a boundary: 415');
$res = $ed->upload('/admin/media', [], [ [ 'file', 'a.jpg', $photo ], [ 'file2', 'b.jpg', $photo ] ]);
is($res->{status}, 400, 'two files: 400');
is($leftover->(), 0, '... no temporary file left');
my ($st) = $g->raw_request("POST /admin/media HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: " . (42 * 1024 * 1024) . "\r\n\r\n");
is($st, 413, 'a body over 41 MiB: 413 from nginx');

# An article's lead photograph, uploaded from its form.
$res = $ed->post('/admin/articles/new', { headline => 'Harbour wall repaired after winter storms',
    summary => 'The works took three months.', body => 'The wall is open again.', tags => 'Harbour',
    action => 'publish' });
is($res->{status}, 303, 'an article is published');
my $art = $g->sql("SELECT id, slug FROM articles WHERE headline LIKE 'Harbour wall%'")->[0];
$res = $g->get("/articles/$art->{slug}");
is($res->{status}, 200, 'its page');
unlike($res->{content}, qr/og:image/, 'no og:image without a picture');
like($res->{content}, qr{<meta name="twitter:card" content="summary">}, 'a summary card');
$res = $ed->get("/admin/articles/$art->{id}/edit");
like($res->{content}, qr{<form method="post" action="/admin/media" enctype="multipart/form-data" class="upload">\s*<input type="hidden" name="csrf" value="[^"]+"><input type="hidden" name="article" value="$art->{id}">},
    'the article form has an upload form for its lead photograph');
run_ok('vips', 'gaussnoise', "$tmp/wide.v", 3000, 2000);
run_ok('vips', 'bandjoin_const', "$tmp/wide.v", "$tmp/wide3.v", '90 30');
run_ok('vips', 'copy', "$tmp/wide3.v", "$tmp/wide.jpg[Q=85]");
$res = $ed->upload('/admin/media', [ article => $art->{id}, alt => 'Workers on the <harbour> wall',
    caption => 'The repaired wall at low tide.', credit => 'Photo: Ines Okafor' ],
    [ [ 'file', 'wall.jpg', slurp("$tmp/wide.jpg"), 'image/jpeg' ] ]);
is($res->{status}, 303, 'upload from the article form: 303');
is($res->{headers}{location}, "/admin/articles/$art->{id}/edit?done=photo#lead", 'back to the article form');
my $lead = $g->sql("SELECT m.* FROM media m JOIN article_media am ON am.media_id = m.id WHERE am.article_id = $art->{id}")->[0];
ok($lead, 'it is the lead image');
is($lead->{widths}, '320,640,960,1280,1920', 'a large photograph gets every width, the largest 1920');
is("$lead->{width}x$lead->{height}", '1920x1280', 'its size');
$res = $ed->get("/admin/articles/$art->{id}/edit?done=photo");
like($res->{content}, qr/The lead photograph was set/, 'the form says so');
like($res->{content}, qr{<figure class="lead-current"><picture>}, 'and shows it');

# Readers: the page (purged from nginx's cache by the write).
my $h = $lead->{hash};
$res = $g->get("/articles/$art->{slug}");
my $page = $res->{content};
like($page, qr{<figure class="lead-photo"><picture><source type="image/webp" srcset="/media/$h-320\.webp 320w, /media/$h-640\.webp 640w, /media/$h-960\.webp 960w, /media/$h-1280\.webp 1280w, /media/$h-1920\.webp 1920w" sizes="\(max-width: 40rem\) 100vw, 38rem">},
    'the lead photograph in a <picture> with a WebP srcset and sizes');
like($page, qr{<img src="/media/$h-960\.jpg" srcset="/media/$h-320\.jpg 320w, [^"]+" sizes="[^"]+" width="1920" height="1280" alt="Workers on the &lt;harbour&gt; wall" fetchpriority="high"},
    'a JPEG fallback with width, height, escaped alt text, loaded first');
like($page, qr{<figcaption>The repaired wall at low tide\. <span class="credit">Photo: Ines Okafor</span></figcaption>}, 'caption and credit');
my $base = $g->url('');
like($page, qr{<meta property="og:image" content="\Q$base\E/media/$h-og-16x9\.jpg">}, 'og:image: the 16:9 crop, absolute');
like($page, qr{<meta property="og:image:width" content="1200">\s*<meta property="og:image:height" content="675">}, 'with its size');
like($page, qr{<meta property="og:image:alt" content="Workers on the &lt;harbour&gt; wall">}, 'and alt text');
like($page, qr{<meta name="twitter:card" content="summary_large_image">}, 'a large image card');
like($page, qr{<meta name="twitter:image" content="\Q$base\E/media/$h-og-16x9\.jpg">}, 'twitter:image');
my ($ld) = $page =~ m{<script type="application/ld\+json">(.*?)</script>}s;
my $json = eval { JSON::PP->new->decode($ld) };
ok($json, 'the JSON-LD parses') or diag($@);
is_deeply($json->{image}, [ map { "$base/media/$h-og-$_.jpg" } qw(16x9 4x3 1x1) ], 'JSON-LD image: the three crops');
for my $crop (qw(16x9 4x3 1x1)) {
	is($g->get("/media/$h-og-$crop.jpg")->{status}, 200, "the $crop crop is served");
}
# A phone (360 px wide, 2x) picks the 960 WebP: well under 150 KB.
my $phone = $g->get("/media/$h-960.webp");
cmp_ok(length($phone->{content}), '<', 150_000, 'the phone-sized WebP is small (' . length($phone->{content}) . ' bytes)');

ok(!exists $json->{publisher}{logo}, 'no publisher logo before one is chosen');
# The site's logo, chosen by an admin from the library.
my $admin = $g->login('boss', role => 'admin');
$res = $admin->post('/admin/settings', { title => 'The Gazette', tagline => '', moderation => 'first-time',
    close_days => 30, logo => 999999 });
is($res->{status}, 422, 'a logo that is not in the library: 422');
like($res->{content}, qr/no such image/, '... saying so');
$res = $admin->post('/admin/settings', { title => 'The Gazette', tagline => '', moderation => 'first-time',
    close_days => 30, logo => $m->{id} });
is($res->{status}, 303, 'the logo set: 303');
like($admin->get('/admin/settings')->{content}, qr{name="logo" value="$m->{id}"}, 'the form shows it');
# A settings change reaches every page within nginx's one second.
$g->wait_expired;
($ld) = $g->get("/articles/$art->{slug}")->{content} =~ m{<script type="application/ld\+json">(.*?)</script>}s;
$json = eval { JSON::PP->new->decode($ld) };
is_deeply($json->{publisher}{logo}, { '@type' => 'ImageObject', url => "$base/media/$m->{hash}-640.jpg",
    width => '640', height => '960' }, 'JSON-LD publisher.logo: the smallest variant at least 600 wide');

# The front page leads with it; the tag page shows a thumbnail.
my $front = $g->get('/')->{content};
like($front, qr{<li class="teaser lead has-picture">\s*<a class="picture" href="/articles/$art->{slug}" tabindex="-1" aria-hidden="true"><picture><source type="image/webp" srcset="/media/$h-320\.webp 320w, [^"]+" sizes="\(max-width: 48rem\) 100vw, 40rem"><img src="/media/$h-960\.jpg" [^>]*width="1920" height="1280" alt="[^"]+" fetchpriority="high"},
    'the front page: the lead story with its picture, loaded first');
like($front, qr{<div class="front"><ol class="article-list">}, 'in the front page\'s grid');
my $tagpage = $g->get('/tags/harbour')->{content};
like($tagpage, qr{<a class="picture" href="/articles/$art->{slug}"[^>]*><picture>.*?sizes="\(max-width: 48rem\) 100vw, 10rem".*?loading="lazy"}s, 'the tag page: a thumbnail, loaded lazily');

# Removing it: the page loses it.
$res = $ed->post("/admin/articles/$art->{id}/lead", { media => 0 });
is($res->{status}, 303, 'remove the lead photograph: 303');
unlike($g->get("/articles/$art->{slug}")->{content}, qr/lead-photo|og:image/, 'the page no longer shows it');
$res = $ed->post("/admin/articles/$art->{id}/lead", { media => 999999 });
is($res->{status}, 400, 'an unknown library image: 400');
$res = $ed->post("/admin/articles/$art->{id}/lead", { media => $lead->{id} });
is($res->{status}, 303, 'set again by its library number: 303');
like($g->get("/articles/$art->{slug}")->{content}, qr/lead-photo/, 'the page shows it again');
my $feed = $g->get('/feed.atom')->{content};
like($feed, qr{<title>Harbour wall repaired after winter storms</title>\s*<link rel="alternate" type="text/html" href="[^"]+"/>\s*<link rel="enclosure" type="image/jpeg" href="\Q$base\E/media/$lead->{hash}-og-16x9\.jpg"/>},
    'the Atom entry carries its lead photograph');
open(my $ffh, '>:raw', "$tmp/feed.xml") or die;
print $ffh $feed;
close($ffh);
is(system("xmllint --noout $tmp/feed.xml 2>/dev/null"), 0, 'the feed is well-formed XML');
like($ed->get('/admin/media')->{content}, qr{Lead of <a href="/admin/articles/$art->{id}/edit">Harbour wall repaired}, 'the library says where it is used');

# Alt text is needed before readers see a photograph.
$res = $ed->post('/admin/articles/new', { headline => 'Ferry timetable changes for the spring',
    body => 'New times from March.', action => 'save' });
my $draft = $g->sql("SELECT id FROM articles WHERE headline LIKE 'Ferry timetable%'")->[0]{id};
run_ok('vips', 'gaussnoise', "$tmp/ferry.png", 333, 222);
$res = $ed->upload('/admin/media', [ article => $draft ], [ [ 'file', 'ferry.png', slurp("$tmp/ferry.png"), 'image/png' ] ]);
is($res->{status}, 303, 'a draft may take a photograph without alt text');
my $noalt = $g->sql("SELECT media_id FROM article_media WHERE article_id = $draft")->[0]{media_id};
$res = $ed->post("/admin/articles/$draft/edit", { headline => 'Ferry timetable changes for the spring',
    body => 'New times from March.', action => 'publish' });
is($res->{status}, 422, 'publishing it without alt text: 422');
like($res->{content}, qr/needs alt text before the article can be published/, '... saying why');
is($g->sql_value("SELECT status FROM articles WHERE id = $draft"), 'draft', '... still a draft');
$res = $ed->post("/admin/articles/$art->{id}/lead", { media => $noalt });
is($res->{status}, 422, 'an image without alt text as a published article\'s lead: 422');
$res = $ed->upload('/admin/media', [ article => $art->{id} ], [ [ 'file', 'wide.jpg', slurp("$tmp/wide.jpg"), 'image/jpeg' ] ]);
is($res->{status}, 422, 'an upload without alt text for a published article: 422');
like($res->{content}, qr/needs alt text/, '... saying why');

# Editing an image's details: the library and every page using it.
$res = $ed->post("/admin/media/$noalt", { alt => "Ferry <b>at</b> the quay", caption => 'Spring', credit => '' });
is($res->{status}, 303, 'alt text added in the library: 303');
is($g->sql_value("SELECT alt FROM media WHERE id = $noalt"), 'Ferry <b>at</b> the quay', '... stored');
$res = $ed->post("/admin/articles/$draft/edit", { headline => 'Ferry timetable changes for the spring',
    body => 'New times from March.', action => 'publish' });
is($res->{status}, 303, 'then it can be published');
my $fslug = $g->sql_value("SELECT slug FROM articles WHERE id = $draft");
like($g->get("/articles/$fslug")->{content}, qr{alt="Ferry &lt;b&gt;at&lt;/b&gt; the quay"}, 'readers get the alt text, escaped');
$res = $ed->post("/admin/media/$noalt", { alt => 'The ferry at the quay', caption => 'Spring', credit => '' });
is($res->{status}, 303, 'the alt text changed again');
like($g->get("/articles/$fslug")->{content}, qr{alt="The ferry at the quay"}, 'the page, purged, shows the new one');
$res = $ed->post("/admin/media/$noalt", { alt => "x\x01y" });
is($res->{status}, 400, 'a control character: 400');
$res = $ed->post("/admin/media/$noalt", { alt => 'a' x 251 });
is($res->{status}, 400, 'alt text over 250 characters: 400');
is($g->sql_value("SELECT alt FROM media WHERE id = $noalt"), 'The ferry at the quay', '... nothing changed');
is($ed->post('/admin/media/999999', { alt => 'x' })->{status}, 404, 'an unknown image: 404');

# Deleting: refused while in use, saying where.
$res = $ed->post("/admin/media/$noalt/delete", {});
is($res->{status}, 409, 'deleting an image in use: 409');
like($res->{content}, qr/lead photograph of \x{201c}|lead photograph of \xe2\x80\x9cFerry timetable/, '... saying where');
is($g->sql_value("SELECT count(*) FROM media WHERE id = $noalt"), 1, '... nothing deleted');
my $unused = $g->sql("SELECT m.id, m.hash FROM media m WHERE NOT EXISTS (SELECT 1 FROM article_media am WHERE am.media_id = m.id) ORDER BY m.id LIMIT 1")->[0];
ok(-e "$media/$unused->{hash}-og-1x1.jpg", 'an unused image has its files');
$res = $ed->post("/admin/media/$unused->{id}/delete", {});
is($res->{status}, 303, 'deleting an unused image: 303');
is($g->sql_value("SELECT count(*) FROM media WHERE id = $unused->{id}"), 0, '... its row is gone');
opendir(my $dh, $media);
is(scalar(grep { /^\Q$unused->{hash}\E/ } readdir($dh)), 0, '... and its files');
is($g->get("/media/$unused->{hash}-og-1x1.jpg")->{status}, 404, '... nginx no longer serves them');

# Wire import with a lead photograph.
my $wire = "$tmp/wire.txt";
open(my $wfh, '>', $wire) or die;
print $wfh "Lighthouse keeper retires after forty years\n\nThe keeper handed over the keys on Friday.\n";
close($wfh);
run_ok('vips', 'gaussnoise', "$tmp/light.jpg", 900, 600);
my ($irc, $iout, $ierr) = $g->cli('import', '--image', "$tmp/light.jpg", $wire);
isnt($irc, 0, 'import --image without --alt: refused');
like($ierr, qr/--image needs --alt/, '... saying so');
($irc, $iout, $ierr) = $g->cli('import', '--image', "$tmp/x.tif", '--alt', 'A TIFF', $wire);
isnt($irc, 0, 'import --image of a TIFF: refused');
like($ierr, qr/not accepted/, '... saying why');
is($g->sql_value("SELECT count(*) FROM articles WHERE headline LIKE 'Lighthouse keeper%'"), 0, '... and no article');
($irc, $iout, $ierr) = $g->cli('import', '--image', "$tmp/light.jpg", '--alt', 'The lighthouse at dusk',
    '--caption', 'The lighthouse', '--credit', 'Photo: Harbour Trust', $wire);
is($irc, 0, 'import --image --alt --caption --credit') or diag($ierr);
my $imported = $g->sql("SELECT m.alt, m.caption, m.credit, m.width FROM articles a JOIN article_media am ON am.article_id = a.id "
    . "JOIN media m ON m.id = am.media_id WHERE a.headline LIKE 'Lighthouse keeper%'")->[0];
is_deeply($imported, { alt => 'The lighthouse at dusk', caption => 'The lighthouse', credit => 'Photo: Harbour Trust', width => 900 },
    '... the article leads with the photograph and its texts');
my $islug = $g->sql_value("SELECT slug FROM articles WHERE headline LIKE 'Lighthouse keeper%'");
like($g->get("/articles/$islug")->{content}, qr{<figure class="lead-photo">.*alt="The lighthouse at dusk"}s, '... and readers see it');

# A backup carries the photographs with the database (SQLite: on
# PostgreSQL, pg_dump copies the database and the media folder is
# copied as it is; gazette backup refuses, t/64-backup.t).
SKIP: {
skip('gazette backup copies SQLite files only; on PostgreSQL pg_dump does', 6)
    if GazetteTest::pg();
my $out = $g->cli_ok('backup', "$tmp/backup.db");
like($out, qr/photograph files to \Q$tmp\E\/backup\.db\.media/, 'gazette backup copies the photographs');
my $rows = `sqlite3 $tmp/backup.db "SELECT hash || ' ' || widths FROM media"`;
my ($want, $have) = (0, 0);
for (split(/\n/, $rows)) {
	my ($hh, $ww) = split / /;
	for my $f ((map { ("$hh-$_.webp", "$hh-$_.jpg") } split(/,/, $ww)), map { "$hh-og-$_.jpg" } qw(16x9 4x3 1x1)) {
		$want++;
		$have++ if -s "$tmp/backup.db.media/$f" && -s "$tmp/backup.db.media/$f" == -s "$media/$f";
	}
}
ok($want > 0 && $have == $want, "every file the backup's rows name is beside it ($have of $want)");
# Restoring it puts the photographs back.
my ($gone) = map { "$_-og-1x1.jpg" } split(/ /, (split(/\n/, $rows))[0]);
unlink("$media/$gone") or die "unlink $gone: $!";
($irc, $iout, $ierr) = $g->cli('restore', '--stop', "$tmp/backup.db");
is($irc, 0, 'gazette restore --stop the backup') or diag($ierr);
like($iout, qr/photograph files from \Q$tmp\E\/backup\.db\.media/, '... with its photographs');
ok(-s "$media/$gone", '... a file lost since is back');
$g->restart_app;
is($g->get("/media/$gone")->{status}, 200, '... and served');
}

# A decoder that crashes, hangs or runs out of memory costs one 422.
$n = $count->();
my @faults = ([ crash => 'decoder failed' ], [ hang => 'too long' ]);
push @faults, [ memory => 'decoder failed' ] unless $ENV{GAZETTE_SAN};
for my $f (@faults) {
	my ($fault, $msg) = @$f;
	$g->{env}{GAZETTE_MEDIA_FAULT} = $fault;
	$g->{env}{GAZETTE_MEDIA_TIMEOUT} = 2;
	# A small address space, so that the memory fault ends at once.
	$g->{env}{GAZETTE_MEDIA_MEMORY} = 256;
	$g->restart_app;
	my $t0 = time;
	my $kid;
	if ($fault eq 'hang') {
		# While one upload holds a worker thread (the app has two),
		# another gets 503 at once and readers are still served.
		$kid = fork() // die "fork: $!";
		if ($kid == 0) {
			$g->{http} = HTTP::Tiny->new(max_redirect => 0, timeout => 30);
			my $r = $ed->upload('/admin/media', [ alt => 'x' ], [ [ 'file', 'big.jpg', $big, 'image/jpeg' ] ]);
			POSIX::_exit($r->{status} == 422 ? 0 : 1);
		}
		sleep(0.7);
		my $t1 = time;
		$res = $ed->upload('/admin/media', [ alt => 'y' ], [ [ 'file', 'photo.jpg', $photo, 'image/jpeg' ] ]);
		is($res->{status}, 503, 'a second upload meanwhile: 503');
		is($res->{headers}{'retry-after'}, 5, '... with Retry-After');
		like($res->{content}, qr/being processed just now/, '... saying why');
		is($g->get('/?while-hanging')->{status}, 200, '... and readers are served');
		ok(time - $t1 < 1.5, '... at once');
		waitpid($kid, 0);
		is($?, 0, "a decoder that fails ($fault): 422");
		$res = $ed->upload('/admin/media', [ alt => 'x' ], [ [ 'file', 'big.jpg', $big, 'image/jpeg' ] ]);
	} else {
		$res = $ed->upload('/admin/media', [ alt => 'x' ], [ [ 'file', 'big.jpg', $big, 'image/jpeg' ] ]);
	}
	is($res->{status}, 422, "a decoder that fails ($fault): 422");
	like($res->{content}, qr/$msg/, '... saying why');
	ok(time - $t0 < 12, '... within the time limit');
	is($count->(), $n, '... nothing stored');
	is($leftover->(), 0, '... nothing left behind');
	is($g->get('/')->{status}, 200, '... and the server answers');
	like($g->app_log, qr/media-process (died of signal|took over)/, '... the log says what happened');
}
delete $g->{env}{GAZETTE_MEDIA_FAULT};
delete $g->{env}{GAZETTE_MEDIA_TIMEOUT};
delete $g->{env}{GAZETTE_MEDIA_MEMORY};
$g->restart_app;

done_testing();

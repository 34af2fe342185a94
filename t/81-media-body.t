#!/usr/bin/env perl
# Photographs in an article's text: ![note](media:ID) shows the library
# image as a responsive, lazily loaded <figure> with its caption and
# credit (escaped); an unknown number shows nothing and the preview
# says so; publishing needs the images to exist and to have alt text;
# the library counts these uses (where used, 409 on delete); a change
# of an image's texts reaches the pages through the caches.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use File::Temp qw(tempdir);
use Test::More;

plan skip_all => 'vips is not installed (scripts/deps installs it)'
    unless grep { -x "$_/vips" } split(/:/, $ENV{PATH});

my $g = GazetteTest->new;
my $ed = $g->login('jane', display => 'Jane Doe');
my $tmp = tempdir('gazette-body-XXXXXX', TMPDIR => 1, CLEANUP => 1);
sub run_ok { system(@_) == 0 or die "@_ failed" }

run_ok('vips', 'gaussnoise', "$tmp/n.v", 1500, 1000);
run_ok('vips', 'bandjoin_const', "$tmp/n.v", "$tmp/rgb.v", '60 120');
run_ok('vips', 'copy', "$tmp/rgb.v", "$tmp/boat.jpg[Q=80]");
my $res = $ed->upload('/admin/media', [ alt => 'A <boat> & "its" crew', caption => 'The <i>Mary</i> & crew',
    credit => 'Photo: O\'Brien <script>x</script>' ], [ [ 'file', 'boat.jpg', GazetteTest::slurp("$tmp/boat.jpg"), 'image/jpeg' ] ]);
is($res->{status}, 303, 'a photograph uploaded');
my $m = $g->sql('SELECT id, hash, widths FROM media')->[0];
my ($id, $h) = ($m->{id}, $m->{hash});
like($ed->get('/admin/media')->{content}, qr{<code>!\[\]\(media:$id\)</code>}, 'the library shows the line to copy into a text');

# A draft that names it, and a number that is no image.
my $body = "The boat came in at dawn.\n\n![the boat](media:$id)\n\nIt left at noon. ![gone](media:999999)\n\nThe end.";
$res = $ed->post('/admin/articles/new', { headline => 'Fishing boat returns with record catch', body => $body,
    action => 'preview' });
is($res->{status}, 200, 'preview: 200');
like($res->{content}, qr{<figure class="body-photo"><picture><source type="image/webp" srcset="/media/$h-320\.webp 320w, }, 'the preview shows the image');
like($res->{content}, qr{do not exist \(999999\): readers see nothing there}, '... and says which number is no image');
$res = $ed->post('/admin/articles/new', { headline => 'Fishing boat returns with record catch', body => $body,
    action => 'publish' });
is($res->{status}, 422, 'publishing with a number that is no image: 422');
like($res->{content}, qr/Nothing was saved\.\s+The text names library images that do not exist \(999999\)/, '... saying which');
is($g->sql_value("SELECT count(*) FROM articles"), 0, '... nothing stored');

$body =~ s/ !\[gone\]\(media:999999\)//;
$res = $ed->post('/admin/articles/new', { headline => 'Fishing boat returns with record catch', body => $body,
    tags => 'Harbour', authors => 'jane', action => 'publish' });
is($res->{status}, 303, 'published');
my $art = $g->sql("SELECT id, slug FROM articles")->[0];
my $page = $g->get("/articles/$art->{slug}")->{content};
my ($fig) = $page =~ m{(<figure class="body-photo">.*?</figure>)}s;
ok($fig, 'the article page shows a figure in its text');
like($page, qr{<p>The boat came in at dawn\.</p>\s*<figure class="body-photo">.*?</figure>\s*<p>It left at noon\.</p>}s, 'where the line stood, between the paragraphs');
my $ws = join(', ', map { "/media/$h-$_.webp ${_}w" } split(/,/, $m->{widths}));
like($fig, qr{<source type="image/webp" srcset="\Q$ws\E" sizes="\(max-width: 40rem\) 100vw, 38rem">}, 'a WebP srcset and sizes');
like($fig, qr{<img src="/media/$h-960\.jpg" srcset="/media/$h-320\.jpg 320w, [^"]+" sizes="[^"]+" width="1500" height="1000" alt="A &lt;boat&gt; &amp; &quot;its&quot; crew" loading="lazy" decoding="async">},
    'an <img> with width, height, the library\'s alt text (escaped), lazy');
like($fig, qr{<figcaption>The &lt;i&gt;Mary&lt;/i&gt; &amp; crew <span class="credit">Photo: O&#39;Brien &lt;script&gt;x&lt;/script&gt;</span></figcaption>}, 'caption and credit, escaped');
unlike($page, qr/the boat\b|data-media/, 'the bracket note and the placeholder are not shown');
unlike($page, qr/<script>x/, 'no markup from the credit');
is($g->get("/media/$h-640.webp")->{status}, 200, 'its files are served');

# The feed: one plain JPEG, absolute.
my $base = $g->url('');
like($g->get('/feed.atom')->{content}, qr{&lt;figure class=&quot;body-photo&quot;&gt;&lt;img src=&quot;\Q$base\E/media/$h-960\.jpg&quot; width=&quot;1500&quot; height=&quot;1000&quot; alt=&quot;A &amp;lt;boat&amp;gt;},
    'the feed entry carries the picture with an absolute address');
# The tag's and the author's feeds fill it in alike.
my $figure_re = qr{&lt;figure class=&quot;body-photo&quot;&gt;&lt;img src=&quot;\Q$base\E/media/$h-960\.jpg&quot;};
like($g->get('/tags/harbour/feed.atom')->{content}, $figure_re, "... and so does the tag's feed");
my $author = $g->sql_value("SELECT u.slug FROM article_authors x JOIN users u ON u.id = x.user_id WHERE x.article_id = $art->{id}");
ok($author, 'the article has an account author');
my $afeed = $g->get("/authors/$author/feed.atom")->{content};
like($afeed, $figure_re, "... and the author's feed");
unlike($afeed, qr/data-media/, '... with no placeholder left');

# The library: where used, no deletion.
$res = $ed->get('/admin/media');
like($res->{content}, qr{In the text of <a href="/admin/articles/$art->{id}/edit">Fishing boat returns}, 'the library says where it is used');
unlike($res->{content}, qr{action="/admin/media/$id/delete"}, 'no delete button');
$res = $ed->post("/admin/media/$id/delete", {});
is($res->{status}, 409, 'deleting it: 409');
like($res->{content}, qr/in the text of \x{201c}|in the text of \xe2\x80\x9cFishing boat/, '... saying where');
is($g->sql_value("SELECT count(*) FROM media WHERE id = $id"), 1, '... kept');

# Its texts changed in the library: the page (cached by nginx) follows.
$g->get("/articles/$art->{slug}");
$res = $ed->post("/admin/media/$id", { alt => 'The trawler at the quay', caption => 'Back home', credit => 'Photo: Harbour Trust' });
is($res->{status}, 303, 'the alt text and caption changed');
$page = $g->get("/articles/$art->{slug}")->{content};
like($page, qr{alt="The trawler at the quay" loading="lazy"}, 'the page shows the new alt text at once');
like($page, qr{<figcaption>Back home <span class="credit">Photo: Harbour Trust</span></figcaption>}, '... and caption');
like($g->get('/feed.atom')->{content}, qr/alt=&quot;The trawler at the quay&quot;/, '... and so does the feed');

# An image without alt text: a published article may not show it.
run_ok('vips', 'gaussnoise', "$tmp/q.png", 400, 300);
$res = $ed->upload('/admin/media', [], [ [ 'file', 'q.png', GazetteTest::slurp("$tmp/q.png"), 'image/png' ] ]);
my $noalt = $g->sql_value('SELECT max(id) FROM media');
$res = $ed->post("/admin/articles/$art->{id}/edit", { headline => 'Fishing boat returns with record catch',
    body => "$body\n\n![](media:$noalt)", tags => 'Harbour', action => 'publish', change => 'typo' });
is($res->{status}, 422, 'a published article with an image without alt text: 422');
like($res->{content}, qr/no alt text \($noalt\)/, '... saying which');
my @figs = $g->get("/articles/$art->{slug}")->{content} =~ /<figure class="body-photo">/g;
is(scalar @figs, 1, '... the page unchanged: one picture in its text');
is($g->sql_value("SELECT " . $g->list_sql('media_id') . " FROM article_body_media"), $id, '... and one use recorded');

# Out of the text: deletable again.
$res = $ed->post("/admin/articles/$art->{id}/edit", { headline => 'Fishing boat returns with record catch',
    body => 'The boat came in at dawn.', tags => 'Harbour', action => 'publish', change => 'typo' });
is($res->{status}, 303, 'the image taken out of the text');
unlike($g->get("/articles/$art->{slug}")->{content}, qr/body-photo/, 'the page no longer shows it');
is($g->sql_value("SELECT count(*) FROM article_body_media"), 0, 'no use recorded');
$res = $ed->post("/admin/media/$id/delete", {});
is($res->{status}, 303, 'now it can be deleted');

# A draft naming a number before its image exists: the upload that
# takes that number shows in it (and purges it).
my $next = $g->sql_value('SELECT max(id) FROM media') + 1;
$res = $ed->post('/admin/articles/new', { headline => 'Lifeboat crew trains at night', body => "![](media:$next)\n\nText.",
    action => 'save' });
is($res->{status}, 303, 'a draft names the next image number');
my $draft = $g->sql_value("SELECT id FROM articles WHERE headline LIKE 'Lifeboat%'");
unlike($ed->get("/admin/articles/$draft/preview")->{content}, qr/body-photo/, 'its preview shows nothing there');
run_ok('vips', 'gaussnoise', "$tmp/l.jpg", 700, 400);
$res = $ed->upload('/admin/media', [ alt => 'The lifeboat' ], [ [ 'file', 'l.jpg', GazetteTest::slurp("$tmp/l.jpg"), 'image/jpeg' ] ]);
is($g->sql_value('SELECT max(id) FROM media'), $next, 'the upload takes that number');
like($ed->get("/admin/articles/$draft/preview")->{content}, qr/<figure class="body-photo">.*alt="The lifeboat"/s, 'the preview shows it now');

done_testing();

#!/usr/bin/env perl
# The editor's article flow through nginx: CSRF refusals that change
# nothing, a draft readers cannot see, preview, validation that keeps
# what was typed, publishing (front page and tag pages), scheduling,
# edits of a live article (typo, update, correction), a slug change
# with its redirect, unpublishing, deleting (410), the comment switch.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use POSIX qw(strftime);
use Test::More;
use Time::HiRes qw(sleep time);

my $g = GazetteTest->new(samples => 1);
my $ed = $g->login('jane', display => 'Jane Doe');
my $articles = sub { $g->sql_value('SELECT count(*) FROM articles') };
my $revisions = sub { $g->sql_value('SELECT count(*) FROM revisions') };
my $n0 = $articles->();
my $r0 = $revisions->();

my %draft = (
	headline => 'Tidal pool survey counts record number of sea stars',
	summary => 'Volunteers logged the highest count in twelve years.',
	byline => 'By Ines Okafor',
	dateline => 'PORT ARDENT',
	source => 'Reported with the Coastal Survey Trust',
	body => "Volunteers counted *more sea stars* than in any year since the survey began.\n\n"
	    . "The count took place at low tide over two mornings.\r\n\r\nA [report](https://example.org/report) follows.",
	tags => 'Marine life, Volunteers, Port Ardent',
	action => 'save',
);

# Without a valid CSRF token nothing changes.
my $res = $ed->post_raw('/admin/articles/new', [ %draft ]);
is($res->{status}, 403, 'a new article without the CSRF token: 403');
$res = $ed->post_raw('/admin/articles/new', [ %draft, csrf => 'x' x 43 ]);
is($res->{status}, 403, 'with a wrong token: 403');
$res = $ed->post_raw('/admin/articles/new', [ %draft, csrf => substr($ed->csrf, 0, 20) ]);
is($res->{status}, 403, 'with a truncated token: 403');
$res = $g->post('/admin/articles/new', { %draft, csrf => $ed->csrf });
is($res->{status}, 403, "with the token but without the session cookie: 403");
is($articles->(), $n0, 'no article was made');
is($revisions->(), $r0, 'no revision either');

# A draft.
$res = $ed->post('/admin/articles/new', \%draft);
is($res->{status}, 303, 'saving a draft: 303');
my ($id) = ($res->{headers}{location} // '') =~ m{^/admin/articles/(\d+)/edit\?done=saved$};
ok($id, "to its edit page ($res->{headers}{location})");
my $row = $g->sql("SELECT * FROM articles WHERE id = $id")->[0];
is($row->{status}, 'draft', 'stored as a draft');
is($row->{slug}, 'tidal-pool-survey-counts-record-number-of-sea-stars', 'its slug comes from the headline');
is($row->{byline}, 'By Ines Okafor', 'byline stored');
is($row->{dateline}, 'PORT ARDENT', 'dateline stored');
unlike($row->{body_md}, qr/\r/, 'line ends are made LF');
like($row->{body_html}, qr{<em>more sea stars</em>}, 'the rendered Markdown is stored with the source');
ok(!defined $row->{published_at}, 'a draft has no publication time');
is($g->sql_value("SELECT count(*) FROM revisions WHERE article_id = $id"), 1, 'one revision');
my $slug = $row->{slug};
is($g->get("/articles/$slug")->{status}, 404, 'readers cannot see the draft');
unlike($g->get('/')->{content}, qr/Tidal pool/, 'nor find it on the front page');
is($g->sql_value("SELECT count(*) FROM tags WHERE slug = 'marine-life'"), 1, 'its new tag exists');
is($g->get('/tags/marine-life')->{status}, 404, 'but has no page while no live article carries it');
$res = $ed->get("/admin/articles/$id/edit?done=saved");
is($res->{status}, 200, 'the edit page answers');
like($res->{content}, qr{<p class="flash" role="status">Saved\.</p>}, 'saying it was saved');
like($res->{content}, qr{value="Marine life, Volunteers, Port Ardent"}, 'tags as typed');
$res = $ed->get('/admin');
like($res->{content}, qr{id="drafts".*href="/admin/articles/$id/edit">Tidal pool}s, 'the dashboard lists it among the drafts');
$res = $ed->get("/admin/articles/$id/preview");
is($res->{status}, 200, 'the saved draft can be previewed');
like($res->{content}, qr{<h1 class="headline">Tidal pool survey}, 'as readers would see it');
like($res->{content}, qr{<p class="dateline">PORT ARDENT &mdash;</p>}, 'with its dateline');

# Preview before saving changes nothing.
my $r1 = $revisions->();
$res = $ed->post("/admin/articles/$id/edit", { %draft, headline => 'Sea star count is the highest in twelve years', slug => $slug, action => 'preview' });
is($res->{status}, 200, 'preview: 200');
like($res->{content}, qr{Preview: nothing is saved yet}, 'says nothing is saved');
like($res->{content}, qr{<h1 class="headline">Sea star count is the highest}, 'shows the new headline rendered');
like($res->{content}, qr{<em>more sea stars</em>}, 'and the Markdown');
like($res->{content}, qr{name="headline" value="Sea star count is the highest in twelve years"}, 'the form is there again');
is($revisions->(), $r1, 'no revision was made');
is($g->sql_value("SELECT headline FROM articles WHERE id = $id"), $draft{headline}, 'the article is unchanged');

# Mistakes come back with every value, and messages next to the fields.
$res = $ed->post("/admin/articles/$id/edit", { %draft, headline => '  ', slug => 'Bad Slug!', body => "Keep </textarea><b>this</b> text",
    tags => join(', ', map { "tag$_" } 1 .. 21), published_at => 'tomorrow', action => 'publish' });
is($res->{status}, 422, 'a form with mistakes: 422');
like($res->{content}, qr{id="headline-error">A headline is needed\.}, 'headline message');
like($res->{content}, qr{id="slug-error">Use lower-case letters}, 'slug message');
like($res->{content}, qr{id="tags-error">Too many or too long tags}, 'tags message');
like($res->{content}, qr{id="published_at-error">Give the time as}, 'time message');
like($res->{content}, qr{Keep &lt;/textarea&gt;&lt;b&gt;this&lt;/b&gt; text</textarea>}, 'the body comes back, escaped');
like($res->{content}, qr{name="slug" value="Bad Slug!"}, 'the slug as typed');
is($revisions->(), $r1, 'nothing was saved');
$res = $ed->post("/admin/articles/$id/edit", { %draft, body => 'x' x (1024 * 1024 + 1), slug => $slug });
is($res->{status}, 422, 'a body over 1 MiB: 422');
like($res->{content}, qr{id="body-error">The body is limited to 1 MiB}, 'with a message');
$res = $ed->post("/admin/articles/$id/edit", { %draft, headline => 'x' x 301, slug => $slug });
like($res->{content}, qr{id="headline-error">At most 300 characters}, 'a headline over 300 characters: message');
my $other = $g->sql_value("SELECT slug FROM articles WHERE id != $id LIMIT 1");
$res = $ed->post("/admin/articles/$id/edit", { %draft, slug => $other });
like($res->{content}, qr{id="slug-error">Another article uses}, "another article's slug is refused");
$res = $ed->post("/admin/articles/$id/edit", { %draft, body => '', slug => $slug, action => 'publish' });
like($res->{content}, qr{id="body-error">A published article needs a body}, 'publishing an empty body is refused');
$res = $ed->post("/admin/articles/$id/edit", { %draft, action => 'launch' });
is($res->{status}, 400, 'an unknown action: 400');
$res = $g->request('POST', "/admin/articles/$id/edit", { headers => { Cookie => $ed->cookie,
    Origin => $g->url(''), 'Content-Type' => 'application/x-www-form-urlencoded' },
    content => 'csrf=' . $ed->csrf . '&headline=%zz&action=save' });
is($res->{status}, 400, 'a malformed form body: 400');
is($revisions->(), $r1, 'still nothing saved');

# Unsafe Markdown is made safe when saved.
$res = $ed->post("/admin/articles/$id/edit", { %draft, slug => $slug,
    body => "<script>alert(1)</script>\n\n[click](javascript:alert(2))\n\n![pic](https://elsewhere.example/x.png)" });
is($res->{status}, 303, 'saving odd Markdown: 303');
$row = $g->sql("SELECT body_html FROM articles WHERE id = $id")->[0];
unlike($row->{body_html}, qr/<script/i, 'raw HTML is not kept');
unlike($row->{body_html}, qr/javascript:/i, 'nor javascript: links');
unlike($row->{body_html}, qr/<img/i, 'a remote image becomes a link');
$res = $ed->post("/admin/articles/$id/edit", { %draft, slug => $slug });
is($res->{status}, 303, 'the text is put back');

# Publishing.
my $front_before = $g->get('/')->{content};
my $count_before = $g->sql_value("SELECT article_count FROM tags WHERE slug = 'port-ardent'") // 0;
$res = $ed->post("/admin/articles/$id/edit", { %draft, slug => $slug, action => 'publish' });
is($res->{status}, 303, 'publish: 303');
like($res->{headers}{location}, qr{done=published$}, 'says published');
$row = $g->sql("SELECT status, published_at FROM articles WHERE id = $id")->[0];
is($row->{status}, 'published', 'stored as published');
ok(abs($row->{published_at} - time) < 60, 'now, as no time was given');
$res = $g->get("/articles/$slug");
is($res->{status}, 200, 'readers see it');
like($res->{content}, qr{<span class="author">By Ines Okafor</span>}, 'with its byline');
like($res->{content}, qr{<p class="dateline">PORT ARDENT &mdash;</p>}, 'its dateline');
like($res->{content}, qr{<p class="source">Reported with the Coastal Survey Trust</p>}, 'its source line');
my @front = $g->get('/')->{content} =~ m{<h2 class="headline"><a href="/articles/([a-z0-9-]+)">}g;
is($front[0], $slug, 'first on the front page');
like($g->get('/tags/marine-life')->{content}, qr{href="/articles/$slug"}, 'on its tag pages');
like($g->get('/tags/port-ardent')->{content}, qr{href="/articles/$slug"}, 'all of them');
is($g->sql_value("SELECT article_count FROM tags WHERE slug = 'port-ardent'"), $count_before + 1, 'tag counts follow');
like($ed->get('/admin')->{content}, qr{id="published".*href="/admin/articles/$id/edit">Tidal pool.*?<span class="status">published</span>}s,
    'the dashboard lists it as published');

# A second article with the same headline gets its own slug.
$res = $ed->post('/admin/articles/new', { %draft, action => 'save' });
my ($id2) = $res->{headers}{location} =~ m{/admin/articles/(\d+)/};
is($g->sql_value("SELECT slug FROM articles WHERE id = $id2"), "$slug-2", 'the same headline: a numbered slug');

# Edits of a live article say what kind of change they are.
$res = $ed->post("/admin/articles/$id/edit", { %draft, slug => $slug, action => 'save' });
is($res->{status}, 422, 'an edit of a live article without a kind: 422');
like($res->{content}, qr{Say what kind of change this is}, 'asks for it');
$res = $ed->post("/admin/articles/$id/edit", { %draft, slug => $slug, body => "$draft{body} Typo fixd.", change => 'typo' });
is($res->{status}, 303, 'a typo fix: 303');
$row = $g->sql("SELECT updated_at, body_md FROM articles WHERE id = $id")->[0];
like($row->{body_md}, qr/Typo fixd\.$/, 'saved');
ok(!defined $row->{updated_at}, 'updated_at does not move for a typo');
is($g->sql_value("SELECT count(*) FROM corrections WHERE article_id = $id"), 0, 'and no note is made');
is($g->sql_value("SELECT kind FROM revisions WHERE article_id = $id ORDER BY id DESC LIMIT 1"), 'typo', 'the revision says typo');
$res = $ed->post("/admin/articles/$id/edit", { %draft, slug => $slug, change => 'update', note => '' });
is($res->{status}, 422, 'an update without a note: 422');
like($res->{content}, qr{id="note-error">An update or a correction needs}, 'asks for the note');
$res = $ed->post("/admin/articles/$id/edit", { %draft, slug => $slug, change => 'update',
    note => 'Adds the count from the second morning.' });
is($res->{status}, 303, 'an update with a note: 303');
ok($g->sql_value("SELECT updated_at FROM articles WHERE id = $id"), 'updated_at moves');
$res = $g->get("/articles/$slug");
like($res->{content}, qr{<li class="note-update"><strong>Update</strong>, <time datetime="[^"]+">[^<]+</time>: Adds the count from the second morning\.</li>},
    'the article shows the update');
unlike($res->{content}, qr{correction-notice}, 'no correction notice yet');
$res = $ed->post("/admin/articles/$id/edit", { %draft, slug => $slug, change => 'correction',
    note => 'An earlier version gave the wrong year for the first survey.' });
is($res->{status}, 303, 'a correction: 303');
$res = $g->get("/articles/$slug");
like($res->{content}, qr{<aside class="correction-notice" role="note">\s*<p class="kicker">Correction</p>\s*<p><time[^>]*>[^<]+</time>: An earlier version gave the wrong year},
    'the correction stands at the top of the article');
like($res->{content}, qr{<li class="note-correction"><strong>Correction</strong>}, 'and in the list of notes');
$res = $g->get('/corrections');
is($res->{status}, 200, '/corrections answers');
like($res->{content}, qr{<a href="/articles/$slug">Tidal pool.*An earlier version gave the wrong year}s, 'and lists it');
unlike($res->{content}, qr{second morning}, 'but not updates');

# A slug change keeps the old address working.
$res = $ed->post("/admin/articles/$id/edit", { %draft, slug => 'sea-star-record', change => 'typo' });
is($res->{status}, 303, 'a new slug: 303');
$res = $g->get("/articles/$slug");
is($res->{status}, 301, 'the old address: 301');
is($res->{headers}{location}, '/articles/sea-star-record', 'to the new one');
is($g->get('/articles/sea-star-record')->{status}, 200, 'which answers');
$res = $ed->post('/admin/articles/new', { %draft, slug => $slug });
like($res->{content}, qr{id="slug-error">Another article uses}, 'an old slug stays reserved');
$slug = 'sea-star-record';

# Unpublishing.
$res = $ed->post("/admin/articles/$id/edit", { %draft, slug => $slug, action => 'unpublish' });
is($res->{status}, 303, 'unpublish: 303');
like($res->{headers}{location}, qr{done=unpublished$}, 'says so');
is($g->get("/articles/$slug")->{status}, 404, 'readers no longer see it');
unlike($g->get('/')->{content}, qr{href="/articles/$slug"}, 'nor on the front page');
is($g->sql_value("SELECT article_count FROM tags WHERE slug = 'port-ardent'"), $count_before, 'tag counts follow');
is($g->sql_value('SELECT count(*) FROM articles_fts WHERE ' . $g->fts_key . " = $id"), 0, 'it leaves the search index');

# Scheduling: a time a few seconds ahead, then it goes live by itself.
my $when = strftime('%Y-%m-%dT%H:%M:%S', gmtime(time + 8));
$res = $ed->post("/admin/articles/$id/edit", { %draft, slug => $slug, published_at => $when, action => 'publish' });
is($res->{status}, 303, 'publish with a future time: 303');
like($res->{headers}{location}, qr{done=scheduled$}, 'says scheduled');
like($ed->get('/admin')->{content}, qr{id="scheduled".*href="/admin/articles/$id/edit">Tidal pool.*?<span class="status">scheduled</span>}s,
    'the dashboard shows it as scheduled');
is($g->get("/articles/$slug")->{status}, 404, 'readers do not see it yet');
# The count on the tag page (0 when the tag has no page: no live article).
my $tagcount = sub {
	my $r = $g->get('/tags/port-ardent');
	return 0 if $r->{status} == 404;
	my ($c) = $r->{content} =~ m{<p class="meta">(\d+) article};
	return $c;
};
is($tagcount->(), $count_before, 'nor count it on its tag page');
my $t0 = time;
my $st = 404;
while (time - $t0 < 30) {
	$st = $g->get("/articles/$slug")->{status};
	last if $st == 200;
	sleep(0.2);
}
is($st, 200, 'from its time on, readers see it: no timer needed');
is($tagcount->(), $count_before + 1, 'and its tag page counts it');
ok(time - $t0 > 1, 'not before');

# Deleting asks first, then withdraws (410) and keeps the revisions.
my $revs = $g->sql_value("SELECT count(*) FROM revisions WHERE article_id = $id");
$res = $ed->post("/admin/articles/$id/edit", { %draft, slug => $slug, action => 'delete' });
is($res->{status}, 303, 'the delete button: 303');
is($res->{headers}{location}, "/admin/articles/$id/delete", 'to the confirmation page');
is($g->sql_value("SELECT status FROM articles WHERE id = $id"), 'published', 'nothing changed yet');
$res = $ed->get("/admin/articles/$id/delete");
is($res->{status}, 200, 'the confirmation page');
like($res->{content}, qr{<form method="post" action="/admin/articles/$id/delete">}, 'has its own form');
$res = $ed->post_raw("/admin/articles/$id/delete", []);
is($res->{status}, 403, 'confirming without the token: 403');
is($g->sql_value("SELECT status FROM articles WHERE id = $id"), 'published', 'nothing changed');
$res = $ed->post("/admin/articles/$id/delete", {});
is($res->{status}, 303, 'confirming: 303');
is($res->{headers}{location}, '/admin?done=deleted', 'back to the dashboard');
is($g->get("/articles/$slug")->{status}, 410, 'readers get 410 Gone');
is($g->get('/articles/tidal-pool-survey-counts-record-number-of-sea-stars')->{status}, 301, 'the old slug still redirects');
is($g->sql_value("SELECT count(*) FROM revisions WHERE article_id = $id"), $revs + 1, 'the revisions stay, one more records it');
like($ed->get('/admin?done=deleted')->{content}, qr{id="withdrawn".*Tidal pool}s, 'the dashboard lists it as withdrawn');

# The comment switch.
my $sample = $g->sql_value("SELECT id FROM articles WHERE comment_count > 0 LIMIT 1");
my $sslug = $g->sql_value("SELECT slug FROM articles WHERE id = $sample");
$res = $ed->post("/admin/articles/$sample/comments", { mode => 'closed' });
is($res->{status}, 303, 'closing comments: 303');
is($g->sql_value("SELECT comments FROM articles WHERE id = $sample"), 'closed', 'stored');
like($g->get("/articles/$sslug")->{content}, qr{Comments are closed for this article}, 'readers see it closed');
$res = $ed->post("/admin/articles/$sample/comments", { mode => 'hidden' });
unlike($g->get("/articles/$sslug")->{content}, qr{id="comments"}, 'hidden: no comments shown');
$res = $ed->post("/admin/articles/$sample/comments", { mode => 'nothing' });
is($res->{status}, 400, 'an unknown mode: 400');
is($g->sql_value("SELECT comments FROM articles WHERE id = $sample"), 'hidden', 'and no change');
$res = $ed->post_raw("/admin/articles/$sample/comments", [ mode => 'open' ]);
is($res->{status}, 403, 'without the token: 403');
is($g->sql_value("SELECT comments FROM articles WHERE id = $sample"), 'hidden', 'no change');

# Many drafts: the dashboard shows the 50 last changed and links to
# all of them, 50 a page, each once, most recently changed first.
{
	my $t = int(time) - 100000;
	$g->sql_write(join '; ', map {
		"INSERT INTO articles (status, created_at, modified_at, slug, headline) VALUES ('draft', $t, " . ($t + int($_ / 2)) . ", 'many-draft-$_', 'Many draft number $_')"
	} 1 .. 120);
	my @want = map { $_->{id} } @{ $g->sql("SELECT id FROM articles WHERE status = 'draft' ORDER BY modified_at DESC, id DESC") };
	my $desk = $ed->get('/admin')->{content};
	my ($drafts) = $desk =~ m{<section class="desk" id="drafts".*?</section>}s ? ($&) : ('');
	my @shown = $drafts =~ m{<a class="headline" href="/admin/articles/(\d+)/edit">}g;
	is_deeply(\@shown, [ @want[0 .. 49] ], 'the dashboard shows the 50 drafts last changed');
	like($drafts, qr{<a href="/admin/articles\?status=draft">All drafts}, 'and links to all of them');
	my ($url, @all, $pages) = ('/admin/articles?status=draft');
	while ($url && $pages++ < 10) {
		my $res = $ed->get($url);
		is($res->{status}, 200, "drafts page $pages: 200");
		my @ids = $res->{content} =~ m{<a class="headline" href="/admin/articles/(\d+)/edit">}g;
		ok(@ids <= 50, "at most 50 on a page (" . scalar(@ids) . ")");
		push @all, @ids;
		($url) = $res->{content} =~ m{<a rel="next" href="([^"]+)">Older};
		$url =~ s/&amp;/&/g if $url;
	}
	is_deeply(\@all, \@want, 'the pages hold every draft once, most recently changed first');
	is($ed->get('/admin/articles')->{status}, 200, 'drafts are the default list');
	is($ed->get('/admin/articles?status=nothing')->{status}, 400, 'an unknown list: 400');
	is($ed->get('/admin/articles?status=draft&before=x')->{status}, 400, 'a malformed cursor: 400');
	is($ed->get('/admin/articles?status=draft&after=1-1')->{status}, 400, 'going to newer: 400');
	is($ed->get('/admin/articles?status=draft&before=1-1')->{status}, 404, 'past the end: 404');
	like($ed->get('/admin/articles?status=withdrawn')->{content}, qr{Tidal pool}, 'the withdrawn list has the withdrawn article');
	is($g->get('/admin/articles?status=draft')->{status}, 303, 'without a session: to the login');
}

# Unknown articles.
is($ed->get('/admin/articles/99999/edit')->{status}, 404, 'editing an unknown article: 404');
is($ed->post('/admin/articles/99999/edit', \%draft)->{status}, 404, 'saving one: 404');
is($ed->get('/admin/articles/0/edit')->{status}, 404, 'a zero id: 404');
unlike($g->app_log, qr/(?:sqlite|postgresql):/, 'no database error in the log');
done_testing();

#!/usr/bin/env perl
# Author pages: an account's name, bio and live articles in keyset
# pages (the rules of tag pages: cursors, canonical addresses, titles),
# its Atom feed, bylines that link each account author (several
# allowed) while a free-text byline stays plain, JSON-LD authors with
# their pages' url, the sitemap, and the authors field of the form.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;

my $g = GazetteTest->new;
# An article's account authors' names, in byline order.
sub author_names {
	my ($article) = @_;
	return join(',', map { $_->{name} } @{ $g->sql("SELECT u.name AS name FROM article_authors x"
	    . " JOIN users u ON u.id = x.user_id WHERE x.article_id = $article ORDER BY x.position") });
}
my ($rc, undef, $err) = $g->cli('generate', '--articles', 50, '--comments-per-article', 0,
    '--tags', 5, '--seed', 58);
is($rc, 0, 'generate made 50 articles') or diag($err);
my $nasty = q{Kim "K" <b>O'Hara</b> & Sons};
my $jane = $g->login('jane', display => 'Jane Doe');
my $kim = $g->login('kim', display => $nasty, role => 'contributor');
my $cora = $g->login('cora', display => 'Cora Voss', role => 'contributor');
my $admin = $g->login('boss', role => 'admin');

# Slugs: from the display name, unique, made by the account's creation.
my $js = $g->sql_value("SELECT slug FROM users WHERE name = 'jane'");
my $ks = $g->sql_value("SELECT slug FROM users WHERE name = 'kim'");
is($js, 'jane-doe', 'a slug from the display name');
is($ks, 'kim-k-b-ohara-b-sons', 'even from a name full of markup') or diag($ks);
$g->add_user('jane2', display => 'Jane Doe');
is($g->sql_value("SELECT slug FROM users WHERE name = 'jane2'"), 'jane-doe-2', 'unique: the second Jane Doe');

# A bio with markup, through the account page.
my $bio = q{Covers the <script>alert("x")</script> harbour & "docks".};
is($kim->post('/account/profile', { display => $nasty, bio => $bio })->{status}, 303, 'Kim writes a bio');

# Two account authors, in byline order.
my $res = $jane->post('/admin/articles/new', { headline => 'Two hands on the harbour', body => 'Text.',
    authors => 'kim, jane', byline => '', action => 'publish' });
is($res->{status}, 303, 'published with two authors');
my ($id) = ($res->{headers}{location} // '') =~ m{/admin/articles/(\d+)/edit};
my $slug = $g->sql_value("SELECT slug FROM articles WHERE id = $id");
is(author_names($id),
    'kim,jane', 'stored in order');
$res = $g->get("/articles/$slug");
like($res->{content}, qr{By <a href="/authors/$ks" rel="author">Kim &quot;K&quot; &lt;b&gt;O&#39;Hara&lt;/b&gt; &amp; Sons</a> and <a href="/authors/$js" rel="author">Jane Doe</a>},
    'the byline links both, escaped');
unlike($res->{content}, qr{<b>O'Hara}, 'no raw markup from the name');
my ($ld) = $res->{content} =~ m{<script type="application/ld\+json">(.*?)</script>}s;
my $j = eval { JSON::PP->new->decode($ld) };
ok($j, 'the JSON-LD parses') or diag($ld);
is(ref $j->{author}, 'ARRAY', 'JSON-LD author is a list');
is($j->{author}[0]{name}, $nasty, 'of Person: the first by name');
like($j->{author}[0]{url}, qr{/authors/$ks$}, 'with the url of their page');
like($j->{author}[1]{url}, qr{/authors/$js$}, 'the second too');
unlike($ld, qr{</}, 'nothing in it closes the script');

# A free-text byline (wire copy): shown as filed, not linked.
$res = $jane->post('/admin/articles/new', { headline => 'Wire copy from afar', body => 'Text.',
    authors => '', byline => 'By Agence <Wire>', action => 'publish' });
my ($wid) = ($res->{headers}{location} // '') =~ m{/admin/articles/(\d+)/edit};
my $wslug = $g->sql_value("SELECT slug FROM articles WHERE id = $wid");
$res = $g->get("/articles/$wslug");
like($res->{content}, qr{<span class="author">By Agence &lt;Wire&gt;</span>}, 'a free-text byline as filed');
unlike($res->{content}, qr{rel="author"}, 'and not linked');
($ld) = $res->{content} =~ m{<script type="application/ld\+json">(.*?)</script>}s;
$j = JSON::PP->new->decode($ld);
is(ref $j->{author}, 'HASH', 'JSON-LD: one Person');
ok(!exists $j->{author}{url}, 'without a url');

# The author page and feed.
$res = $g->get("/authors/$ks");
is($res->{status}, 200, "Kim's page");
like($res->{content}, qr{<h1>Kim &quot;K&quot; &lt;b&gt;O&#39;Hara&lt;/b&gt; &amp; Sons</h1>}, 'the name, escaped');
like($res->{content}, qr{Covers the &lt;script&gt;alert\(&quot;x&quot;\)&lt;/script&gt; harbour &amp; &quot;docks&quot;\.}, 'the bio, escaped');
like($res->{content}, qr{Two hands on the harbour}, 'the article');
like($res->{content}, qr{<link rel="canonical" href="[^"]*/authors/$ks">}, 'canonical: the page itself');
like($res->{content}, qr{href="[^"]*/authors/$ks/feed\.atom"}, 'the feed is linked');
$res = $g->get("/authors/$ks/feed.atom");
is($res->{status}, 200, 'the feed');
like($res->{headers}{'content-type'}, qr{application/atom\+xml}, 'is Atom');
is($g->xml_errors($res->{content}), '', 'well-formed') if $g->can('xml_errors');
like($res->{content}, qr{Two hands on the harbour}, 'with the article');
is($g->get('/authors/nobody-here')->{status}, 404, 'an unknown author: 404');
is($g->get('/authors/nobody-here/feed.atom')->{status}, 404, 'and feed');
my $cs = $g->sql_value("SELECT slug FROM users WHERE name = 'cora'");
is($g->get("/authors/$cs")->{status}, 404, 'an account with no live article has no page');
is($g->get('/authors/Bad_Slug')->{status}, 404, 'a malformed slug: 404');

# Paging: Kim becomes an author of every sample article.
my $kid = $g->sql_value("SELECT id FROM users WHERE name = 'kim'");
$g->sql_write("INSERT INTO article_authors (article_id, user_id, position, published_at, live) "
    . "SELECT id, $kid, 0, published_at, 1 FROM articles WHERE status = 'published' "
    . "ON CONFLICT (article_id, user_id) DO NOTHING");
my $live = $g->sql_value("SELECT count(*) FROM article_authors x JOIN articles a ON a.id = x.article_id "
    . "WHERE x.user_id = $kid AND a.status = 'published' AND a.published_at <= " . int(time));
cmp_ok($live, '>', 40, "Kim has $live live articles");
$res = $g->get("/authors/$ks");
my @items = $res->{content} =~ m{<li class="teaser}g;
is(scalar @items, 20, 'twenty a page');
my ($older) = $res->{content} =~ m{href="(/authors/$ks\?before=\d+-\d+)"};
ok($older, 'a link to older articles');
my $seen = 0;
my %ids;
my $path = "/authors/$ks";
my $pages = 0;
while ($path && $pages++ < 20) {
	$res = $g->get($path);
	last unless $res->{status} == 200;
	$ids{$_}++ for $res->{content} =~ m{<h2 class="headline"><a href="/articles/([a-z0-9-]+)"}g;
	if ($pages == 2) {
		like($res->{content}, qr{<title>Kim &quot;K&quot; &lt;b&gt;O&#39;Hara&lt;/b&gt; &amp; Sons: articles up to }, 'page 2 has its own title');
		like($res->{content}, qr{<link rel="canonical" href="[^"]*\Q$path\E">}, 'and its cursor in the canonical address');
		like($res->{content}, qr{href="/authors/$ks\?after=\d+-\d+"}, 'and a link to newer ones');
	}
	($path) = $res->{content} =~ m{href="(/authors/$ks\?before=\d+-\d+)"};
}
is(scalar(keys %ids), $live, 'the pages together list each live article once');
is($g->get("/authors/$ks?before=abc")->{status}, 400, 'a malformed cursor: 400');
is($g->get("/authors/$ks?before=1-1")->{status}, 404, 'a cursor past the end: 404');

# A disabled account keeps its page: its work stays published.
is($admin->post("/admin/users/$kid/disable", {})->{status}, 303, 'Kim is disabled');
is($g->get("/authors/$ks")->{status}, 200, 'the page stays');

# The sitemap lists author pages, as it lists tags.
like($g->get('/sitemap.xml')->{content}, qr{<loc>[^<]*/authors/$ks</loc>}, 'the sitemap lists the author page');

# The form: the field, its checks, a contributor's default.
$res = $cora->get('/admin/articles/new');
like($res->{content}, qr{name="authors" value="cora"}, "a contributor's new article is hers");
like($res->{content}, qr{<option value="jane">Jane Doe</option>}, 'the accounts are offered');
$res = $cora->post('/admin/articles/new', { headline => 'My own draft', body => 'Text.', action => 'save' });
my ($cid) = ($res->{headers}{location} // '') =~ m{/admin/articles/(\d+)/edit};
is($g->sql_value("SELECT u.name FROM article_authors x JOIN users u ON u.id = x.user_id WHERE x.article_id = $cid"),
    'cora', 'without the field, she is its author');
my $n = $g->sql_value('SELECT count(*) FROM articles');
$res = $jane->post('/admin/articles/new', { headline => 'Nobody wrote this', body => 'Text.',
    authors => 'jane, <ghost>', action => 'save' });
is($res->{status}, 422, 'an unknown account: 422');
like($res->{content}, qr{There is no account &quot;&lt;ghost&gt;&quot;}, 'says which, escaped');
like($res->{content}, qr{value="jane, &lt;ghost&gt;"}, 'the field as typed');
is($g->sql_value('SELECT count(*) FROM articles'), $n, 'nothing saved');
$res = $jane->post("/admin/articles/$id/edit", { headline => 'Two hands on the harbour', body => 'Text.',
    authors => 'jane,jane , kim', change => 'typo', action => 'save' });
is($res->{status}, 303, 'authors reordered, one named twice');
is(author_names($id),
    'jane,kim', 'each once, in the new order');
$res = $jane->post('/admin/articles/new', { headline => 'Crowded', body => 'Text.',
    authors => join(',', ('jane') x 3, map { "u$_" } 1 .. 11), action => 'save' });
is($res->{status}, 422, 'unknown names among many: 422');

# Accounts made before author pages have no slug until gazette migrate
# gives them one, made as at an account's creation.
$g->sql("UPDATE users SET slug = NULL WHERE name IN ('cora', 'jane2')");
my ($mrc, $mout, $merr) = $g->cli('migrate');
is($mrc, 0, 'gazette migrate runs') or diag($merr);
is($g->sql_value("SELECT slug FROM users WHERE name = 'cora'"), 'cora-voss', 'and gives an account without a slug its own');
is($g->sql_value("SELECT slug FROM users WHERE name = 'jane2'"), 'jane-doe-2', 'unique beside the others');
is($g->sql_value("SELECT count(*) FROM users WHERE slug IS NULL"), 0, 'none is left without');

done_testing;

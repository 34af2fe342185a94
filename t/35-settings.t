#!/usr/bin/env perl
# Site settings (issue 3: admins have "accounts and site settings"):
# an admin changes the site's name, the line under it, the comment
# policy and the closing of comments from /admin/settings.  Every page,
# feed and cached copy shows the change on the next request; the values
# outlive a restart and win over the flags; an editor may not see the
# page or save it; a bad value is refused with 422 and nothing changes.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;

my $g = GazetteTest->new(samples => 1, env => {
	GAZETTE_TITLE => 'The Flag Gazette',
	GAZETTE_RECHECK_MS => 100,	# the app's own write must show at once
	GAZETTE_COMMENT_MODERATION => 'open',
	GAZETTE_COMMENT_MIN_SECONDS => 0,
});
my $admin = $g->login('chief', role => 'admin');
my $ed = $g->login('jane');
my $art = $g->sql("SELECT slug FROM articles WHERE status = 'published' ORDER BY published_at DESC LIMIT 1")->[0];
my $path = "/articles/$art->{slug}";
sub settings { $g->sql_value("SELECT count(*) FROM settings WHERE key LIKE 'site.%'") }

# Warm the page cache with the flag's name.
like($g->get('/')->{content}, qr{<p class="site-title"><a href="/">The Flag Gazette</a></p>}, 'the flag names the site');
$g->get($_) for ('/', $path, '/feed.atom');
unlike($g->app_log, qr/settings:/, 'nothing saved yet: the flags are taken, with no complaint');

# Who may.
is($ed->get('/admin/settings')->{status}, 403, 'an editor may not see the settings');
is($ed->post('/admin/settings', { title => 'Mine', tagline => '', moderation => 'open', close_days => 30 })->{status},
    403, 'nor save them');
is($admin->post_raw('/admin/settings', [ title => 'Mine', tagline => '', moderation => 'open', close_days => 30 ])->{status},
    403, 'an admin without the CSRF token: 403');
is(settings(), 0, 'nothing saved');
my $res = $admin->get('/admin/settings');
is($res->{status}, 200, 'an admin sees the form');
like($res->{content}, qr{<input type="text" id="set-title" name="title" value="The Flag Gazette"}, 'with the current name');
like($res->{content}, qr{value="open" checked}, 'and policy');
like($admin->get('/admin')->{content}, qr{<a href="/admin/settings">Settings</a>}, 'the dashboard links to it');

# Bad values: 422, the form as typed, nothing saved.
for my $c ([{ title => '   ' }, 'a blank name'], [{ title => 'x' x 101 }, 'a name too long'],
    [{ title => "Two\nlines" }, 'a line break'], [{ tagline => 'y' x 201 }, 'a tagline too long'],
    [{ moderation => 'sometimes' }, 'an unknown policy'], [{ close_days => '-1' }, 'negative days'],
    [{ close_days => '3x' }, 'days that are not a number'], [{ close_days => 36501 }, 'too many days'],
    [{ title => "bad \xff byte" }, 'invalid UTF-8']) {
	my ($over, $what) = @$c;
	my %form = (title => 'Harbour Times', tagline => 'News', moderation => 'all', close_days => 7, %$over);
	$res = $g->post_bytes('/admin/settings', { %form, csrf => $admin->csrf }, { Cookie => $admin->cookie });
	is($res->{status}, 422, "$what: 422");
	like($res->{content}, qr{<p class="form-error" role="alert">}, "$what: says why");
	is(settings(), 0, "$what: nothing saved");
}

# A good save shows at once on the pages the save purges (the front
# page, listings, feeds), and on every other page within the bound of
# nginx's microcache (at most two seconds: see t/70-cache.t).
$res = $admin->post('/admin/settings', { title => 'Harbour <Times> & Co', tagline => 'News from the quay',
    moderation => 'all', close_days => 7 });
is($res->{status}, 303, 'saving: 303');
is($res->{headers}{location}, '/admin/settings?done=saved', 'back to the form');
like($admin->get('/admin/settings?done=saved')->{content}, qr/The settings were saved/, 'which says so');
my $front = $g->get('/')->{content};
like($front, qr{<p class="site-title"><a href="/">Harbour &lt;Times&gt; &amp; Co</a></p>}, 'the front page has the new name, escaped');
like($front, qr{<p class="tagline">News from the quay</p>}, 'and tagline');
$g->wait_expired;
like($g->get($path)->{content}, qr{<title>[^<]* \x{e2}\x{80}\x{94} Harbour &lt;Times&gt; &amp; Co</title>}, 'an article page too, within two seconds');
like($g->get('/feed.atom')->{content}, qr{<name>Harbour &lt;Times&gt; &amp; Co</name>}, 'and the feed');

# The comment policy: "all" holds the next comment.
$res = $g->post_bytes("$path/comments", { token => $g->form_token($path), name => 'Ola', body => 'Held now?' });
like($res->{headers}{location} // '', qr{\?comment=pending}, 'a comment now waits for moderation');
is($g->sql_value("SELECT status FROM comments WHERE body = 'Held now?'"), 'pending', 'stored as pending');

# A restart keeps the saved values over the flag.
$g->restart_app;
like($g->get('/')->{content}, qr{Harbour &lt;Times&gt; &amp; Co}, 'after a restart the saved name wins over GAZETTE_TITLE');
like($admin->get('/admin/settings')->{content}, qr{value="all" checked}, 'and the saved policy');

# Closing comments after 0 days: never; the page's comment form follows.
$res = $admin->post('/admin/settings', { title => 'Harbour Times', tagline => '', moderation => 'open', close_days => 0 });
is($res->{status}, 303, 'an empty tagline and no closing: 303');
unlike($g->get('/')->{content}, qr{<p class="tagline">[^<]+</p>}, 'no tagline shown');
# The XSS corpus through both text fields: shown escaped on the pages,
# in the JSON-LD and in the feed, never as markup.
{
	use JSON::PP;
	my @payloads;
	open(my $fh, '<:encoding(UTF-8)', 't/data/xss.txt') or die "t/data/xss.txt: $!";
	while (my $l = <$fh>) {
		chomp $l;
		next if $l =~ /^(#:|$)/;
		$l =~ s/%%(TAB|LF|CR|FF)%%/ /g;	# one line: line breaks are refused
		push @payloads, $l;
	}
	my ($saved, $raw, $ld, $feed) = (0, 0, 0, 0);
	for my $p (@payloads) {
		my $title = substr("T $p", 0, 100);
		my $tagline = substr("L $p", 0, 200);
		my $bytes = sub { my $s = shift; utf8::encode($s); $s };
		$res = $g->post_bytes('/admin/settings', { csrf => $admin->csrf, title => $bytes->($title),
		    tagline => $bytes->($tagline), moderation => 'open', close_days => 30 }, { Cookie => $admin->cookie });
		next unless $res->{status} == 303 && ++$saved;
		# A settings change shows on every page within nginx's
		# microcache lifetime (t/70-cache.t); a new address each time
		# reads the page the app makes now, which is what this checks.
		my $page = $g->get("$path?n=$saved")->{content};
		utf8::decode($page);
		for my $s ($title, $tagline) {
			$raw++ if $s =~ /[<>"]/ && index($page, $s) >= 0;
		}
		my ($json) = $page =~ m{<script type="application/ld\+json">(.*?)</script>}s;
		my $obj = eval { JSON::PP->new->decode($json // '') };
		unless ($obj && $obj->{publisher}{name} eq $title) {
			diag("JSON-LD: " . ($obj ? "name '$obj->{publisher}{name}' for '$title'" : "$@ in " . substr($json // '(none)', 0, 300))) if !$ld;
			$ld++;
		}
		$feed++ if $g->xml_errors($g->get('/feed.atom')->{content}) ne '';
	}
	cmp_ok($saved, '>=', 80, "$saved payloads saved as the name and tagline");
	is($raw, 0, 'no payload with markup characters shows unescaped on the article page');
	is($ld, 0, 'the JSON-LD parses and names the publisher exactly, every time');
	is($feed, 0, 'the feed stays well-formed XML, every time');
}

unlike($g->app_log, qr/(?:sqlite|postgresql):|controller returned/, 'no store errors in the log');
done_testing();

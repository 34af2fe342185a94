#!/usr/bin/env perl
# The XSS corpus (issue 7): every payload of t/data/xss.txt goes through
# every text field a reader or an editor can fill: a comment's name and
# text; an article's headline, summary, byline, dateline, source, text
# (Markdown), tags and address; a correction's note; a review note; a
# contributor's display name and bio; an invitation's display name; a
# tag's new name; a photograph's alt text, caption and credit (as an
# article's lead photograph and in its text); the
# (Markdown), tags, authors and address (and the newsroom list's search
# and bulk confirmation that show it); a correction's note; a review
# note; a contributor's display name and bio (on her author page and
# feed, and in her article's byline); an invitation's display name; a
# tag's new name; a photograph's alt text, caption and credit; the
# search box; the login name; and one photograph's file name is markup.
# Payloads travel in groups of three (one article, comment, correction,
# tag and so on per group), so that the test stays quick.
#
# Every page that shows them (the article, its preview and edit form,
# its revisions, its tag page and tag feed, search results, the login
# form, the media library, the front page, /corrections, the archive,
# the dashboard, the moderation queue, the tag list, the site feed) is
# parsed with xmllint's HTML parser and compared with the same kind of page made
# from plain text ("the baseline"): no element or attribute that the
# baseline does not have (beyond the markup the Markdown and comment
# formatters make on purpose), no on* attribute anywhere, no
# javascript:, data: or vbscript: URL, no resource from another site,
# no more scripts, forms or inputs than the baseline; the JSON-LD still
# parses and holds no "</script"; no payload that holds "<" appears in
# a page unescaped.
use strict;
use warnings;
use utf8;
use lib 't/lib';
use GazetteTest;
use HTTP::Tiny;
use JSON::PP;
use POSIX ();
use Test::More;

plan skip_all => 'xmllint is missing (libxml2-utils)' unless -x '/usr/bin/xmllint';

my $g = GazetteTest->new(env => {
	GAZETTE_COMMENT_MODERATION => 'open',
	GAZETTE_COMMENT_MIN_SECONDS => 0,
	GAZETTE_COMMENT_RATE_MINUTE => 0,
	GAZETTE_COMMENT_RATE_HOUR => 0,
	GAZETTE_LOGIN_FAILURES => 1000,
	# Durability is not what this test is about: no fsync per write.
	GAZETTE_SYNC => 0,
});
my $base = $g->url('');
$g->add_user('jane', password => 'janes-long-password');
my $ed = $g->login('jane');
my $contrib = $g->login('cora', role => 'contributor');
my $boss = $g->login('boss', role => 'admin');
my $http = HTTP::Tiny->new;

# The corpus.
my @payloads;
open(my $fh, '<:encoding(UTF-8)', 't/data/xss.txt') or die "t/data/xss.txt: $!";
while (my $l = <$fh>) {
	chomp $l;
	next if $l =~ /^(#:|$)/;
	$l =~ s/%%TAB%%/\t/g;
	$l =~ s/%%LF%%/\n/g;
	$l =~ s/%%CR%%/\r/g;
	$l =~ s/%%FF%%/\f/g;
	push @payloads, $l;
}
close($fh);
cmp_ok(scalar @payloads, '>=', 80, scalar(@payloads) . ' payloads');

my @everything = @payloads;
my $GROUP = 3;
my @groups;
push @groups, [ splice(@payloads, 0, $GROUP) ] while @payloads;

# A field's value: the group's payloads, cut to the field's limit.
sub cut {
	my ($grp, $max, $sep) = @_;
	my $s = join($sep // ' ', @$grp);
	return length $s > $max ? substr($s, 0, $max) : $s;
}

# Markup the formatters make on purpose: cmark's safe HTML for article
# text, and comment_body.tpl's paragraphs, line breaks and links.
my %markdown = map { $_ => 1 } qw(p| p|class a| a|href a|title em| strong| img|
    code| pre| img|src img|alt img|title blockquote| ul| ol| ol|start li| h1| h2|
    h3| h4| h5| h6| hr| br| del| code|class);
my %comment = map { $_ => 1 } qw(p| br| a|href a|rel);
my %allow_extra = (
	article => { %markdown, %comment },
	preview => { %markdown },
	feed => { %markdown },
	search => { 'mark|' => 1 },
);
# The baseline lists hold too few articles for a pager (rel="next").
$allow_extra{$_} = { 'a|rel' => 1 } for qw(front corrections dashboard comments-admin archive-month tag author);
# Elements that only the page's own template may make: as many as in
# the baseline, on pages that show one article or one form.
my @active = qw(script form input button textarea select iframe frame
    frameset object embed applet svg math style base template video audio
    source);
my %counted = map { $_ => 1 } qw(article preview edit revisions login search tag);

# Each page fetched or answered: [kind, label, html, payloads].
my (@pages, %baseline_pages);
sub page {
	my ($kind, $label, $res, $grp, $baseline) = @_;
	if ($res->{status} >= 500) {
		fail("$label: $res->{status}");
		return;
	}
	return unless ($res->{headers}{'content-type'} // '') =~ m{^text/html} &&
	    length($res->{content} // '');
	# The variant: what was done, whatever the group ("article (editor)").
	(my $variant = $label) =~ s/^group \d+: //;
	my $p = [$kind, $label, $res->{content}, $grp, $variant];
	if ($baseline) {
		push @{ $baseline_pages{$kind} }, $p;
	} else {
		push @pages, $p;
	}
}

my $shared_tag = 'Shared topic';
my $img;	# the library image the articles lead with
my $k = 0;
my $refused_comments = 0;
my @feeds;

# One group's articles, comments, corrections, tag, search and login.
sub exercise {
	my ($grp, $baseline) = @_;
	$k++;
	my %f = (
		headline => cut($grp, 300),
		summary => cut($grp, 1000),
		byline => cut($grp, 200),
		dateline => cut($grp, 100),
		source => cut($grp, 300),
		# The library image in the text too, first (a payload may
		# open an HTML block that swallows what follows): a figure
		# with the image's alt text, caption and credit (set below).
		body => join("\n\n", "![A note](media:$img)", @$grp, "Paragraph $k."),
		tags => cut($grp, 60) . ", $shared_tag",
	);
	my $res = $ed->post('/admin/articles/new', { %f, action => 'publish' });
	page('edit', "group $k: publish", $res, $grp, $baseline);
	if ($res->{status} != 303) {
		# The tags may be refused (a tag needs letters or digits):
		# the page that said so was checked; publish without them.
		diag("group $k: publishing answered $res->{status}; again with a plain tag");
		$f{tags} = "Topic $k, $shared_tag";
		$res = $ed->post('/admin/articles/new', { %f, action => 'publish' });
		page('edit', "group $k: publish with a plain tag", $res, $grp, $baseline);
	}
	my ($id) = ($res->{headers}{location} // '') =~ m{^/admin/articles/(\d+)/edit};
	unless ($id) {
		fail("group $k: the article was published ($res->{status})");
		return;
	}
	# Its address and its own tags (not the shared one), in one query.
	my $rows = $g->sql("SELECT a.slug AS slug, t.id AS tid FROM articles a "
	    . "LEFT JOIN article_tags x ON x.article_id = a.id "
	    . "LEFT JOIN tags t ON t.id = x.tag_id AND t.name <> '$shared_tag' WHERE a.id = $id");
	my $slug = $rows->[0]{slug};
	my @tids = map { $_->{tid} } grep { defined $_->{tid} } @$rows;

	# A comment: the name and the text.
	$res = $g->post("/articles/$slug/comments", { token => $g->sign_form_token($id, time - 60),
	    name => cut($grp, 80), body => join("\n\n", @$grp), website => '' });
	page('article', "group $k: comment", $res, $grp, $baseline);
	$refused_comments++ if $res->{status} != 303 && !$baseline;

	# A correction with its note.
	$res = $ed->post("/admin/articles/$id/edit", { %f, slug => $slug, action => 'save',
	    change => 'correction', note => cut($grp, 500) });
	page('edit', "group $k: correction", $res, $grp, $baseline);
	is($res->{status}, 303, "group $k: correction saved") unless $baseline;

	# The tag's new name.
	for my $tid (@tids) {
		$res = $ed->post("/admin/tags/$tid/rename", { name => 'R ' . cut($grp, 58) });
		page('tags-admin', "group $k: tag rename", $res, $grp, $baseline);
	}
	my @tag_slugs = @tids ? map { $_->{slug} } @{ $g->sql('SELECT slug FROM tags WHERE id IN ('
	    . join(',', @tids) . ')') } : ();

	# A contributor's draft, sent for review and returned with a note:
	# her form and dashboard show the note, the editors' queue the
	# headline.
	# Her display name and bio (the first shows on the queue too).
	$res = $contrib->post('/account/profile', { display => cut($grp, 100), bio => cut($grp, 1000, "\n") });
	page('account', "group $k: profile", $res, $grp, $baseline);
	page('account', "group $k: account page", $contrib->get('/account'), $grp, $baseline);
	page('users', "group $k: accounts", $boss->get('/admin/users'), $grp, $baseline);
	# An article of hers, by an editor: its byline links her name, and
	# her author page shows the name and the bio, her feed the name.
	# (Hers alone, so that her page stays one page, like the
	# baseline's: its own publication purges it.)
	$g->sql("DELETE FROM article_authors WHERE user_id = (SELECT id FROM users WHERE name = 'cora')");
	$res = $ed->post('/admin/articles/new', { %f, authors => 'cora', action => 'publish' });
	if (my ($aid) = ($res->{headers}{location} // '') =~ m{^/admin/articles/(\d+)/edit}) {
		my $aslug = $g->sql_value("SELECT slug FROM articles WHERE id = $aid");
		my $cslug = $g->sql_value("SELECT slug FROM users WHERE name = 'cora'");
		page('article', "group $k: article with an account author", $g->get("/articles/$aslug"), $grp, $baseline);
		page('author', "group $k: author page", $g->get("/authors/$cslug"), $grp, $baseline);
		feed("group $k: author feed", $g->get("/authors/$cslug/feed.atom"), $grp, $baseline);
	} else {
		fail("group $k: an article by an account author ($res->{status})") unless $baseline;
	}
	# The authors field itself: no such account, said with the name.
	page('edit', "group $k: unknown author", $ed->post('/admin/articles/new', { %f, authors => cut($grp, 100),
	    action => 'save' }), $grp, $baseline);
	# An invitation with the same display name: the link page.
	page('users', "group $k: invitation", $boss->post('/admin/users', { name => "inv$k", display => cut($grp, 100),
	    role => 'contributor' }), $grp, $baseline);
	$res = $contrib->post('/admin/articles/new', { %f, action => 'submit' });
	my ($cid) = ($res->{headers}{location} // '') =~ m{^/admin/articles/(\d+)/edit};
	ok($cid, "group $k: a contributor's draft sent for review") unless $baseline;
	if ($cid) {
		page('dashboard', "group $k: review queue", $ed->get('/admin'), $grp, $baseline);
		page('edit', "group $k: queued (editor)", $ed->get("/admin/articles/$cid/edit"), $grp, $baseline);
		$res = $ed->post("/admin/articles/$cid/return", { note => cut($grp, 2000) });
		is($res->{status}, 303, "group $k: returned with a note") unless $baseline;
		page('edit', "group $k: returned (contributor)", $contrib->get("/admin/articles/$cid/edit"), $grp, $baseline);
		page('desk', "group $k: contributor's desk", $contrib->get('/admin'), $grp, $baseline);
	}

	# The form again with everything, and an address that is refused.
	$res = $ed->post('/admin/articles/new', { %f, slug => cut($grp, 120), action => 'preview' });
	page('edit', "group $k: refused address", $res, $grp, $baseline);

	# Search.
	my $q = $http->www_form_urlencode({ q => cut($grp, 200) });
	page('search', "group $k: search", $g->get("/search?$q"), $grp, $baseline);

	# The newsroom's list, searched for the headline, and a bulk
	# action's confirmation naming the article.
	my $dq = $http->www_form_urlencode({ status => 'all', q => cut($grp, 200) });
	page('desk-list', "group $k: article list search", $ed->get("/admin/articles?$dq"), $grp, $baseline);
	page('desk-bulk', "group $k: bulk confirmation", $ed->post('/admin/articles/bulk',
	    [ action => 'unpublish', 'id[]' => $id ]), $grp, $baseline);

	# Its lead photograph: the library's image, with the group's alt
	# text, caption and credit.
	$res = $ed->post("/admin/media/$img", { alt => cut($grp, 250), caption => cut($grp, 1000),
	    credit => cut($grp, 200) });
	page('media', "group $k: media edit", $res, $grp, $baseline);
	$res = $ed->post("/admin/articles/$id/lead", { media => $img });
	is($res->{status}, 303, "group $k: lead photograph set") unless $baseline;
	page('media', "group $k: library", $ed->get('/admin/media'), $grp, $baseline);

	# The pages that show it all.
	page('article', "group $k: article", $g->get("/articles/$slug"), $grp, $baseline);
	page('article', "group $k: article (editor)", $ed->get("/articles/$slug"), $grp, $baseline);
	page('preview', "group $k: preview", $ed->get("/admin/articles/$id/preview"), $grp, $baseline);
	page('edit', "group $k: edit form", $ed->get("/admin/articles/$id/edit"), $grp, $baseline);
	page('revisions', "group $k: revisions", $ed->get("/admin/articles/$id/revisions"), $grp, $baseline);
	for my $ts (@tag_slugs) {
		page('tag', "group $k: tag page", $g->get("/tags/$ts"), $grp, $baseline);
		feed("group $k: tag feed", $g->get("/tags/$ts/feed.atom"), $grp, $baseline);
	}
}

# The login form, which shows the name tried again: a password check
# each (tens of milliseconds), so a child process sends them while the
# parent goes on, and the pages are checked with the others.
sub logins {
	my ($baseline, @grps) = @_;
	my $dir = $g->dir;
	my $pid = fork() // die "fork: $!";
	if ($pid == 0) {
		$g->{http} = HTTP::Tiny->new(max_redirect => 0, timeout => 30);
		for my $i (0 .. $#grps) {
			my $res = $g->post('/login', { name => cut($grps[$i], 64), password => 'not the password' });
			open(my $o, '>:raw', "$dir/login-$baseline-$i") or POSIX::_exit(1);
			print $o "$res->{status}\n$res->{content}";
			close($o);
		}
		POSIX::_exit(0);
	}
	return sub {
		waitpid($pid, 0);
		is($?, 0, 'the logins were sent') unless $baseline;
		for my $i (0 .. $#grps) {
			my ($st, $html) = split(/\n/, GazetteTest::slurp("$dir/login-$baseline-$i"), 2);
			utf8::decode($html);
			page('login', 'group ' . ($i + 1) . ': login', { status => $st // 0, content => $html // '',
			    headers => { 'content-type' => 'text/html' } }, $grps[$i], $baseline);
		}
	};
}

# Feeds: well-formed XML, and the HTML each entry carries is checked as
# a page of its own (kind "feed").
sub feed {
	my ($label, $res, $grp, $baseline) = @_;
	is($res->{status}, 200, "$label answers") unless $baseline;
	my $xml = $res->{content} // '';
	push @feeds, [$label, $xml];
	my $html = join("\n", map { xml_unescape($_) } $xml =~ m{<content type="html">(.*?)</content>}gs);
	unlike($xml, qr/type="xhtml"/, "$label carries no XHTML") unless $baseline;
	page('feed', "$label (entry HTML)", { status => 200, content => "<!DOCTYPE html><html><body>$html</body></html>",
	    headers => { 'content-type' => 'text/html' } }, $grp, $baseline);
}

sub xml_unescape {
	my ($s) = @_;
	$s =~ s/&(?:#(\d+)|#x([0-9A-Fa-f]+)|(lt|gt|amp|quot|apos));/
	    defined $1 ? chr($1) : defined $2 ? chr(hex $2) :
	    { lt => '<', gt => '>', amp => '&', quot => '"', apos => "'" }->{$3}/ge;
	return $s;
}

# The pages that list everything: their baseline is taken when only
# the plain-text articles exist.
my @lists = (
	['front', '/', 0], ['corrections', '/corrections', 0], ['tags-index', '/tags', 0],
	['archive', '/archive', 0], ['dashboard', '/admin', 1],
	['comments-admin', '/admin/comments?show=all', 1], ['tags-admin', '/admin/tags', 1],
);
sub lists {
	my ($baseline) = @_;
	for my $l (@lists) {
		my ($kind, $path, $editor) = @$l;
		page($kind, "list $path", $editor ? $ed->get($path) : $g->get($path), \@everything, $baseline);
	}
	my @t = gmtime;
	page('archive-month', 'list archive month', $g->get(sprintf('/archive/%04d/%02d', $t[5] + 1900, $t[4] + 1)),
	    \@everything, $baseline);
	feed('site feed', $g->get('/feed.atom'), \@everything, $baseline);
}

# The photograph every article leads with (its alt text, caption and
# credit change with each group).
my $jpg = $g->dir . '/xss.jpg';
system('vips', 'gaussnoise', $jpg, 64, 48) == 0 or die 'vips failed';
my $res0 = $ed->upload('/admin/media', [ alt => 'Plain noise' ], [ [ 'file', 'plain.jpg', GazetteTest::slurp($jpg), 'image/jpeg' ] ]);
is($res0->{status}, 303, 'a photograph for the articles');
$img = $g->sql_value('SELECT max(id) FROM media');
# And one no article uses (the library offers to delete it).
system('vips', 'gaussnoise', $jpg, 63, 48) == 0 or die 'vips failed';
$res0 = $ed->upload('/admin/media', [ alt => 'Unused noise' ], [ [ 'file', 'unused.jpg', GazetteTest::slurp($jpg), 'image/jpeg' ] ]);
is($res0->{status}, 303, 'a photograph no article uses');

# The baseline: plain text through the same fields, twice (so that it
# has related articles, as the payload articles do), and its refusals.
my @plain = (['Plain words about the harbour', 'More plain words about the ferry'],
    ['Other plain words on the council', 'Quiet words on the budget']);
my $plain_logins = logins(1, @plain);
exercise($_, 1) for @plain;
$plain_logins->();
{
	my $id = $g->sql_value('SELECT min(id) FROM articles');
	my $slug = $g->sql_value("SELECT slug FROM articles WHERE id = $id");
	page('article', 'baseline refused comment', $g->post("/articles/$slug/comments",
	    { token => $g->sign_form_token($id, time - 60), name => '', body => 'Plain' }), [], 1);
	page('edit', 'baseline refused form', $ed->post('/admin/articles/new',
	    { headline => '', body => '', action => 'publish' }), [], 1);
	page('tags-admin', 'baseline refused rename', $ed->post('/admin/tags/1/rename', { name => '' }), [], 1);
	page('account', 'baseline refused profile', $contrib->post('/account/profile', { display => '', bio => '' }), [], 1);
	page('users', 'baseline refused invitation', $boss->post('/admin/users', { name => 'Bad Name', display => 'x',
	    role => 'editor' }), [], 1);
	page('search', 'baseline search results', $g->get('/search?q=plain+words'), [], 1);
}
lists(1);

# The corpus.  A second photograph first, whose file name is markup.
system('vips', 'gaussnoise', $jpg, 65, 48) == 0 or die 'vips failed';
$res0 = $ed->upload('/admin/media', [ alt => 'Noise' ], [ [ 'file',
    '<script>alert(1)</script><img src=x onerror=alert(1)>.jpg', GazetteTest::slurp($jpg), 'image/jpeg' ] ]);
is($res0->{status}, 303, 'a photograph whose file name is markup');
my $t0 = time;
my $corpus_logins = logins(0, @groups);
exercise($_, 0) for @groups;
lists(0);
$corpus_logins->();
ok($refused_comments < @groups / 4, "most comments were taken ($refused_comments refused; their pages are checked)");

# Every feed is well-formed XML (one xmllint run for all).
{
	my @files;
	for my $i (0 .. $#feeds) {
		my $f = $g->dir . "/feed-$i.xml";
		open(my $o, '>:raw', $f) or die "$f: $!";
		print $o $feeds[$i][1];
		close($o);
		push @files, $f;
	}
	my $err = `xmllint --noout --nonet @files 2>&1`;
	is($err, '', scalar(@files) . ' feeds are well-formed XML');
}

# Parse every page with xmllint (one run for many pages) into elements.
sub parse_all {
	my (@docs) = @_;
	my $dir = $g->dir . '/xss';
	mkdir $dir;
	my @out;
	while (my @batch = splice(@docs, 0, 150)) {
		my @files;
		for my $i (0 .. $#batch) {
			my $f = "$dir/p$i.html";
			open(my $o, '>:raw', $f) or die "$f: $!";
			my $html = $batch[$i];
			utf8::encode($html) if utf8::is_utf8($html);
			print $o $html;
			close($o);
			push @files, $f;
		}
		open(my $p, '-|', 'sh', '-c', 'xmllint --html --xmlout --nonet --encode utf-8 "$@" 2>/dev/null', 'sh', @files)
		    or die "xmllint: $!";
		binmode($p);
		local $/;
		my $all = <$p> // '';
		close($p);
		my @xml = split(/^(?=<\?xml )/m, $all);
		die 'xmllint gave ' . scalar(@xml) . ' documents for ' . scalar(@files) . "\n"
		    unless @xml == @files;
		push @out, map { [elements($_)] } @xml;
	}
	return @out;
}

# The elements of libxml2's XML serialisation: [name, {attr => value}].
sub elements {
	my ($xml) = @_;
	utf8::decode($xml);
	my @els;
	while ($xml =~ m{<!--.*?-->|<!\[CDATA\[.*?\]\]>|<[?!][^>]*>|<([A-Za-z][^\s/>]*)((?:\s+[^\s=/>]+="[^"]*")*)\s*/?>}gs) {
		next unless defined $1;
		my ($name, $attrs) = (lc $1, $2);
		my %a;
		$a{lc $1} = xml_unescape($2) while $attrs =~ /\s+([^\s=\/>]+)="([^"]*)"/g;
		push @els, [$name, \%a];
	}
	return @els;
}

my @all = (map { @$_ } values %baseline_pages);
my @parsed = parse_all(map { $_->[2] } @all, @pages);
my %parsed_of;
$parsed_of{$_} = shift @parsed for @all, @pages;

# The baseline of each kind: its (element, attribute) pairs, and how many
# active elements one page has.
my (%pairs, %active_count, %scripts);
for my $kind (keys %baseline_pages) {
	for my $p (@{ $baseline_pages{$kind} }) {
		for my $e (@{ $parsed_of{$p} }) {
			$pairs{$kind}{"$e->[0]|"} = 1;
			$pairs{$kind}{"$e->[0]|$_"} = 1 for keys %{ $e->[1] };
		}
	}
	for my $p (@{ $baseline_pages{$kind} }) {
		my $v = $p->[4];
		next if $active_count{$v};
		for my $name (@active) {
			$active_count{$v}{$name} = grep { $_->[0] eq $name } @{ $parsed_of{$p} };
		}
		my $n = () = $p->[2] =~ /<script\b/gi;
		$scripts{$kind} = $n if $n > ($scripts{$kind} // 0);
	}
}

my @url_attrs = qw(href src action formaction poster data background cite
    xlink:href srcset ping longdesc codebase manifest icon lowsrc dynsrc);
my ($checked, $failed) = (0, 0);
for my $p (@pages) {
	my ($kind, $label, $html, $grp, $variant) = @$p;
	die "no baseline for $kind" unless $pairs{$kind};
	my $els = $parsed_of{$p};
	my @bad;
	my %count;
	for my $e (@$els) {
		my ($name, $a) = @$e;
		$count{$name}++;
		for my $pair ("$name|", map { "$name|$_" } keys %$a) {
			push @bad, "new markup <$pair>"
			    unless $pairs{$kind}{$pair} || $allow_extra{$kind}{$pair};
		}
		for my $attr (keys %$a) {
			push @bad, "an event handler $name\[$attr]" if $attr =~ /^on/;
			push @bad, "a style $name\[style=$a->{style}]"
			    if $attr eq 'style' && $a->{style} =~ /expression|url\s*\(|javascript/i;
		}
		for my $attr (grep { exists $a->{$_} } @url_attrs) {
			(my $u = lc $a->{$attr}) =~ s/[\x00-\x20\x7f]+//g;
			if ($u =~ /^(javascript|data|vbscript|livescript|mocha):/) {
				push @bad, "a $1: URL in $name\[$attr]";
			} elsif ($name ne 'a' && $u ne '' && $u !~ m{^(/(?![/\\])|#|\?)} && index($u, lc "$base/") != 0) {
				push @bad, "a resource from elsewhere: $name\[$attr=$a->{$attr}]";
			} elsif ($u =~ /^([a-z][a-z0-9+.-]*):/ && $1 !~ /^(https?|mailto)$/) {
				push @bad, "a $1: URL in $name\[$attr]";
			}
		}
	}
	if ($counted{$kind} && $active_count{$variant}) {
		for my $name (@active) {
			my $n = $count{$name} // 0;
			push @bad, "$n <$name> (the baseline has $active_count{$variant}{$name})"
			    if $n != $active_count{$variant}{$name};
		}
	}
	my $raw_scripts = () = $html =~ /<script\b/gi;
	push @bad, "$raw_scripts <script in the raw page (the baseline has " . ($scripts{$kind} // 0) . ")"
	    if $raw_scripts > ($scripts{$kind} // 0);
	for my $pl (grep { /</ } @$grp) {
		push @bad, "a payload unescaped: $pl" if index($html, $pl) >= 0;
	}
	# JSON-LD: valid JSON, and the element ends where it should.
	if ($html =~ m{<script type="application/ld\+json">(.*?)</script>}s) {
		my $json = $1;
		my $ok = eval { JSON::PP->new->decode($json); 1 };
		push @bad, 'JSON-LD that does not parse' unless $ok;
		push @bad, 'a "</script" in the JSON-LD' if $json =~ m{</script}i;
	}
	$checked++;
	if (@bad) {
		$failed++;
		my %u;
		fail("$label ($kind): " . join('; ', grep { !$u{$_}++ } @bad));
	}
}
cmp_ok($checked, '>=', 10 * @groups, "$checked pages checked");
is($failed, 0, 'no page carries markup, handlers or URLs from a payload');

# The baselines are not empty, so that the comparison means something.
ok($pairs{article}{'article|class'} && $pairs{article}{'form|action'}, 'the article baseline has the page\'s markup');
is($scripts{article}, 1, 'the article baseline has its one JSON-LD script');
ok($active_count{'edit form'}{input} > 0, 'the form baseline has inputs');
diag(sprintf('%d groups in %.1f s', scalar @groups, time - $t0)) if $ENV{GAZETTE_SHOW};

$g->stop;
done_testing();

#!/usr/bin/env perl
# Readers' comments (issue 4): hostile input.  Each payload, as name and
# as comment, is either refused (4xx, nothing stored) or stored exactly
# as typed and shown as inert text: the page, parsed as HTML, gains no
# element or attribute beyond an ordinary comment's, no script, no event
# handler, no javascript: link; and the database's other rows are intact.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;
use File::Temp qw(tempfile);

plan(skip_all => 'xmllint is not installed (Debian: libxml2-utils)') unless -x '/usr/bin/xmllint';

my $g = GazetteTest->new(samples => 1, env => {
	GAZETTE_COMMENT_MODERATION => 'open',
	GAZETTE_COMMENT_MIN_SECONDS => 0,
	GAZETTE_COMMENT_RATE_MINUTE => 0,
	GAZETTE_COMMENT_RATE_HOUR => 0,
});
my $art = $g->sql("SELECT id, slug FROM articles WHERE headline LIKE 'Court%'")->[0];
my $path = "/articles/$art->{slug}";
my $token = $g->form_token($path);

# XPath over an HTML page, with libxml2's HTML parser.
sub xpath {
	my ($html, $expr) = @_;
	my ($fh, $file) = tempfile(UNLINK => 1);
	binmode($fh);
	print $fh $html;
	close($fh);
	# HTML5 elements are "invalid" to libxml2's HTML 4 parser: it keeps
	# them all the same, so its complaints are not wanted here.
	my $pid = open(my $out, '-|') // die "fork: $!";
	if ($pid == 0) {
		open(STDERR, '>', '/dev/null');
		exec('/usr/bin/xmllint', '--html', '--xpath', $expr, $file) or die;
	}
	local $/;
	my $v = <$out> // '';
	close($out);
	$v =~ s/\n\z//;
	return $v;
}

my %allowed_el = map { $_ => 1 } qw(article p span a time div br);
my $allowed_attr = join ' or ', map { "name()='$_'" } qw(class id href datetime rel);
sub snapshot {
	my ($html) = @_;
	return {
		elements => xpath($html, 'count(//*)'),
		attributes => xpath($html, 'count(//@*)'),
		scripts => xpath($html, 'count(//script[not(@type="application/ld+json")]|//svg|//img|//iframe|//object|//embed|//style|//math)'),
		handlers => xpath($html, 'count(//@*[starts-with(name(), "on")])'),
		js_links => xpath($html, 'count(//@href[starts-with(translate(normalize-space(.), "JAVSCRIPT", "javscript"), "javascript")]|//@src)'),
	};
}

my $last = $g->sql_value("SELECT max(id) FROM comments") // 0;
my $other_rows = "SELECT (SELECT count(*) FROM articles) || '/' || (SELECT count(*) FROM tags) || '/' || (SELECT " . $g->list_sql("id || ':' || length(body) || ':' || status") . " FROM comments WHERE id <= $last) || '/' || (SELECT count(*) FROM settings)";
# An ordinary comment first, so that the page's "No comments yet" does
# not count in the comparisons below.
is($g->post_bytes("$path/comments", { token => $token, name => 'Plain', body => 'Plain text, see https://example.org/.' })->{status}, 303, 'an ordinary comment');
my $before_rows = $g->sql_value($other_rows);
my $base = snapshot($g->get($path)->{content});
is($base->{scripts}, 0, 'the page has no script, image or frame to begin with');
is($base->{handlers}, 0, 'and no event handler');

my @payloads = (
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'"><svg onload=alert(1)>',
	"'><iframe src=javascript:alert(1)>",
	'javascript:alert(document.cookie)',
	'[click](javascript:alert(1))',
	'http://example.org/"onmouseover="alert(1)',
	'https://example.org/<script>alert(1)</script>',
	'https://example.org/?q=1&amp;x="><b>',
	"'); DROP TABLE comments;--",
	"Robert'); DELETE FROM articles; --",
	'{{SITE_TITLE}} {{BODY_HTML:none}} {{>COMMENT_FORM}}',
	'<!-- comment --> <![CDATA[ x ]]> &lt;already&gt; &amp;',
	'<style>body{display:none}</style><math><mi xlink:href="javascript:alert(1)">x</mi></math>',
	"\xe2\x80\xae\xe2\x80\x8b<scr\xe2\x80\x8bipt>",
);
my $i = 0;
for my $p (@payloads) {
	$i++;
	my $name = "Name $i " . substr($p, 0, 60);
	my $res = $g->post_bytes("$path/comments", { token => $token, name => $name, body => "Payload $i: $p" });
	is($res->{status}, 303, "payload $i is accepted as text");
	my ($cid) = ($res->{headers}{location} // '') =~ /#comment-(\d+)$/ or next;
	my $row = $g->sql("SELECT author, body FROM comments WHERE id = $cid")->[0];
	my $stored = $row->{body};
	utf8::encode($stored);
	is($stored, "Payload $i: $p", "payload $i is stored exactly as typed");
	my $html = $g->get($path)->{content};
	my $snap = snapshot($html);
	is($snap->{scripts}, 0, "payload $i: no script, image, frame or style element on the page");
	is($snap->{handlers}, 0, "payload $i: no event-handler attribute");
	is($snap->{js_links}, 0, "payload $i: no javascript: link and no src attribute");
	my $scope = "//article[\@id='comment-$cid']";
	is(xpath($html, "count($scope)"), 1, "payload $i: one comment element");
	is(xpath($html, "count($scope//*[not(self::p or self::header or self::h3 or self::span or self::a or self::time or self::div or self::br)])"), 0, "payload $i: only the comment's own elements inside it");
	is(xpath($html, "count($scope//\@*[not($allowed_attr)])"), 0, "payload $i: only the comment's own attributes inside it");
	# Everything the page gained is inside the new comment.
	my $gained_el = xpath($html, "count($scope/descendant-or-self::*)");
	my $gained_at = xpath($html, "count($scope/descendant-or-self::*/\@*)");
	is($snap->{elements} - $base->{elements}, $gained_el, "payload $i: no element appeared outside the comment");
	is($snap->{attributes} - $base->{attributes}, $gained_at, "payload $i: no attribute appeared outside the comment");
	my $text = xpath($html, "string($scope//div[\@class='comment-body'])");
	$text =~ s/\s+/ /g;
	$text =~ s/^ | $//g;
	(my $want = "Payload $i: $p") =~ s/\s+/ /g;
	is($text, $want, "payload $i: shown as the same text");
	my $author = xpath($html, "string($scope//h3[\@class='comment-author'])");
	is($author, $name =~ s/\s+/ /gr =~ s/ $//r, "payload $i: the name is shown as text");
	for my $a (@{ [xpath($html, "$scope//a/\@href")] }) {
		unlike($a, qr/javascript:/i, "payload $i: links are http(s) only");
	}
	$base = $snap;
}

# Refused outright: overlong UTF-8 and NUL bytes, in either field.
my $n = $g->sql_value("SELECT count(*) FROM comments");
for my $case ([ 'overlong < (%C0%BC) in the comment', 'body', "\xc0\xbcscript\xc0\xbe" ],
    [ 'overlong < in the name', 'name', "\xc0\xbc" ],
    [ 'a 5-byte sequence', 'body', "\xf8\x88\x80\x80\x80" ],
    [ 'a UTF-16 surrogate', 'body', "\xed\xa0\x80" ]) {
	my %f = (token => $token, name => 'N', body => 'B', $case->[1] => $case->[2]);
	my $res = $g->post_bytes("$path/comments", \%f);
	is($res->{status}, 422, "$case->[0]: 422");
	is(xpath($res->{content}, 'count(//script[not(@type="application/ld+json")])'), 0, "$case->[0]: the page shows it inertly");
}
for my $raw ("name=N&body=a%00b", "name=N%00&body=b", "name%00=N&body=b") {
	my $res = $g->request('POST', "$path/comments", { headers => { 'Content-Type' => 'application/x-www-form-urlencoded', Origin => $g->url('') },
	    content => "token=$token&$raw" });
	is($res->{status}, 400, "NUL byte ($raw): 400");
}
is($g->sql_value("SELECT count(*) FROM comments"), $n, 'none of them stored');

is($g->sql_value($other_rows), $before_rows, 'articles, tags, earlier comments and settings are untouched');
is($g->sql_value(GazetteTest::pg()
    ? "SELECT count(*) FROM information_schema.tables WHERE table_name = 'comments'"
    : "SELECT count(*) FROM sqlite_master WHERE name = 'comments'"), 1, 'the comments table is still there');
is($g->get('/')->{status}, 200, 'the front page still answers');
unlike($g->app_log, qr/sqlite:|postgresql:|controller returned/, 'no store errors in the log');
done_testing();

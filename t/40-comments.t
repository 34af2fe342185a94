#!/usr/bin/env perl
# Readers' comments (issue 4), moderation open: a comment posted through
# nginx appears at its anchor and counts; every invalid post is refused
# with the right status and message, the reader's text kept and nothing
# stored; the same-site check, the form token, closed articles, robots'
# posts, duplicates and oversized bodies.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;

my $g = GazetteTest->new(samples => 1, env => {
	GAZETTE_COMMENT_MODERATION => 'open',
	GAZETTE_COMMENT_MIN_SECONDS => 0,
	GAZETTE_COMMENT_RATE_MINUTE => 0,
	GAZETTE_COMMENT_RATE_HOUR => 0,
});

my $art = $g->sql("SELECT id, slug, comment_count FROM articles WHERE headline LIKE 'Council%'")->[0];
my ($id, $slug) = ($art->{id}, $art->{slug});
my $path = "/articles/$slug";
my $post_path = "$path/comments";
sub ncomments { $g->sql_value("SELECT count(*) FROM comments") }

# The article page: a link to the comment page, no form, no cookie,
# cacheable and the same for everyone.
my $res = $g->get($path);
is($res->{status}, 200, 'article page answers 200');
like($res->{content}, qr{<p class="write-comment"><a href="\Q$post_path\E#comment-form">Write a comment</a></p>}, 'it links the comment page');
unlike($res->{content}, qr{<form class="stacked comment-form"|name="token"}, 'and carries no form, nor a token');
ok(!exists $res->{headers}{'set-cookie'}, 'the article page sets no cookie');
like($res->{headers}{'cache-control'}, qr/^public/, 'and is cacheable');

# The comment page: the form, made for this request.
$res = $g->get($post_path);
is($res->{status}, 200, 'the comment page answers 200');
like($res->{content}, qr{<h1>On <a href="\Q$path\E">Council[^<]*</a></h1>}, 'it names the article, with a link back');
like($res->{content}, qr{<form class="stacked comment-form" id="comment-form" action="\Q$post_path\E" method="post">}, 'it has the comment form');
like($res->{content}, qr{<input type="text" id="comment-name" name="name"}, 'with a name field');
like($res->{content}, qr{<textarea id="comment-body" name="body"}, 'and a comment field');
like($res->{content}, qr{<label for="comment-name">}, 'fields have labels');
like($res->{content}, qr{<div class="hp" aria-hidden="true">\s*<label for="comment-website">[^<]*</label>\s*<input type="text" id="comment-website" name="website" value="" tabindex="-1" autocomplete="off">}, 'the honeypot is hidden from people and screen readers');
like($res->{content}, qr{<meta name="robots" content="noindex">}, 'not for search engines');
like($res->{headers}{'cache-control'}, qr/no-store/, 'never cached');
ok(!exists $res->{headers}{'set-cookie'}, 'and sets no cookie');
my $token = $g->form_token($path);
like($token, qr/^\d+\.[A-Za-z0-9_-]{43}$/, 'a signed form token');

# A comment posted appears at its anchor, and the counts follow.
my $before = $art->{comment_count};
$res = $g->post_bytes($post_path, { token => $token, name => 'Mira Holt', body => "First paragraph,\r\nsame paragraph.\r\n\r\nSecond: see https://example.org/ferry?x=1&y=2." });
is($res->{status}, 303, 'a comment: 303');
my ($cid) = ($res->{headers}{location} // '') =~ m{^\Q$path\E\?comment=(\d+)#comment-\1$};
ok($cid, 'to the comment\'s anchor on the article') or diag($res->{headers}{location});
my $cookie = $res->{headers}{'set-cookie'} // '';
like($cookie, qr/^gazette_author=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax$/, 'the POST sets the returning-author cookie (HttpOnly, SameSite=Lax, no Secure on http)');
like($res->{headers}{'cache-control'}, qr/no-store/, 'the POST answer is not cached');
my $row = $g->sql("SELECT author, body, status, reason, created_at FROM comments WHERE id = $cid")->[0];
is($row->{status}, 'approved', 'stored approved (moderation open)');
is($row->{author}, 'Mira Holt', 'with its author');
is($row->{body}, "First paragraph,\r\nsame paragraph.\r\n\r\nSecond: see https://example.org/ferry?x=1&y=2.", 'and its text as typed');
my ($tok_plain) = $cookie =~ /^gazette_author=([^;]+)/;
my $hashes = $g->sql('SELECT ' . $g->hex_sql('ip_hash') . ' AS ip, ' . $g->hex_sql('author_token') . " AS au FROM comments WHERE id = $cid")->[0];
like($hashes->{ip}, qr/^[0-9A-F]{64}$/, 'the address is kept as a 32-byte hash');
unlike(join(' ', values %$row), qr/127\.0\.0\.1/, 'and not in clear anywhere in the row');
like($hashes->{au}, qr/^[0-9A-F]{64}$/, 'the author token is kept hashed');
isnt(lc $hashes->{au}, lc unpack('H*', $tok_plain), 'not as sent');
is($g->sql_value("SELECT comment_count FROM articles WHERE id = $id"), $before + 1, 'the article\'s count went up');
$res = $g->get($path);
like($res->{content}, qr{<article class="comment" id="comment-$cid">.*?<h3 class="comment-author">Mira Holt</h3>.*?<a href="#comment-$cid"><time datetime="[^"]+">}s, 'the comment shows with author and a linked time');
like($res->{content}, qr{<p>First paragraph,<br>\s*same paragraph\.</p>\s*<p>Second: see <a href="https://example\.org/ferry\?x=1&amp;y=2" rel="nofollow ugc noopener">https://example\.org/ferry\?x=1&amp;y=2</a>\.</p>}, 'paragraphs, line breaks and a nofollow link');
like($res->{content}, qr{<h2>Comments <span class="count">@{[$before + 1]}</span></h2>}, 'the page counts it');
my $front = $g->get('/');
like($front->{content}, qr{href="\Q$path\E#comments">@{[$before + 1]} comments</a>}, 'so does the front page');

# The cookie does not make the article page personal.
$res = $g->get($path, { Cookie => "gazette_author=$tok_plain" });
ok(!exists $res->{headers}{'set-cookie'}, 'a returning author gets no cookie on the article page');
like($res->{headers}{'cache-control'}, qr/^public/, 'and the same cacheable page');

# Validation: each refusal is the comment page again, with a message
# beside the form and the text kept; nothing is stored.
my $long_name = 'n' x 81;
my $long_body = ('Я' x 5001);
my @bad = (
	[ 'empty name', { name => '', body => 'Keep <me>' }, 422, qr/Please give a name/, 'Keep &lt;me&gt;' ],
	[ 'missing name', { body => 'Keep this' }, 422, qr/Please give a name/, 'Keep this' ],
	[ 'blank name', { name => "   ", body => 'Blank name' }, 422, qr/Please give a name/, 'Blank name' ],
	[ 'no-break-space name', { name => "\xc2\xa0", body => 'Nbsp' }, 422, qr/Please give a name/, 'Nbsp' ],
	[ 'empty comment', { name => 'Ann', body => '' }, 422, qr/Please write a comment/, undef ],
	[ 'blank comment', { name => 'Ann', body => " \r\n\t \r\n" }, 422, qr/Please write a comment/, undef ],
	[ 'name over 80 characters', { name => $long_name, body => 'Long name' }, 422, qr/longer than 80 characters/, 'Long name' ],
	[ 'comment over 5000 characters', { name => 'Ann', body => $long_body }, 422, qr/5001 characters long; at most 5000/, undef ],
	[ 'invalid UTF-8', { name => 'Ann', body => "bad \xff\xfe bytes" }, 422, qr/not valid text \(UTF-8\)/, "bad \xef\xbf\xbd\xef\xbf\xbd bytes" ],
	[ 'overlong UTF-8 (%C0%BC)', { name => 'Ann', body => "x \xc0\xbcscript" }, 422, qr/not valid text \(UTF-8\)/, "x \xef\xbf\xbd\xef\xbf\xbdscript" ],
	[ 'a control character', { name => 'Ann', body => "bell \x07 here" }, 422, qr/control characters/, "bell \xef\xbf\xbd here" ],
	[ 'an escape sequence', { name => 'Ann', body => "\x1b[31mred" }, 422, qr/control characters/, "\xef\xbf\xbd[31mred" ],
	[ 'a C1 control', { name => 'Ann', body => "next\xc2\x85line" }, 422, qr/control characters/, "next\xef\xbf\xbdline" ],
	[ 'a line break in the name', { name => "Ann\r\nSet-Cookie: x=1", body => 'Header?' }, 422, qr/one line/, 'Header?' ],
);
for my $case (@bad) {
	my ($what, $form, $status, $msg, $kept) = @$case;
	my $n = ncomments();
	$res = $g->post_bytes($post_path, { token => $token, %$form });
	is($res->{status}, $status, "$what: $status");
	like($res->{content}, qr{<p class="form-error" id="comment-error" role="alert">[^<]*$msg}, "$what: the message is beside the form");
	like($res->{content}, qr{<h1>On <a href="\Q$path\E">}, "$what: on the comment page");
	if (defined $kept) {
		like($res->{content}, qr{<textarea id="comment-body" name="body" rows="6" required[^>]*>\Q$kept\E</textarea>}, "$what: the comment is kept");
	}
	if (defined $form->{name} && $form->{name} =~ /^\w+$/) {
		like($res->{content}, qr{name="name" value="\Q$form->{name}\E"}, "$what: the name is kept");
	}
	is(ncomments(), $n, "$what: nothing stored");
	like($res->{headers}{'cache-control'}, qr/no-store/, "$what: not cached");
}
$res = $g->post_bytes($post_path, { token => $token, name => 'Ann', body => $long_body });
like($res->{content}, qr{aria-invalid="true" aria-describedby="comment-error">\Q$long_body\E</textarea>}, 'the over-long comment comes back whole, its field marked invalid');
$res = $g->post_bytes($post_path, { token => $token, name => 'Ann', body => 'Я' x 5000 });
is($res->{status}, 303, '5000 Cyrillic characters (60 KB percent-encoded) are taken');
$res = $g->post_bytes($post_path, { token => $token, name => 'Я' x 80, body => 'Eighty' });
is($res->{status}, 303, 'an 80-character name is taken');

# A NUL byte cannot be decoded from the form at all: 400, nothing stored.
my $n = ncomments();
$res = $g->request('POST', $post_path, { headers => { 'Content-Type' => 'application/x-www-form-urlencoded', Origin => $g->url('') },
    content => "token=$token&name=Ann&body=nul%00byte" });
is($res->{status}, 400, 'a NUL byte (%00): 400');
is(ncomments(), $n, 'nothing stored');

# Same site only: Origin, or Referer without it.
my %form = (token => $token, name => 'Cross', body => 'From elsewhere');
for my $h ({ Origin => 'http://evil.example' }, { Origin => 'null' },
    { Origin => $g->url('') . '.evil.example' }, { Origin => 'https://127.0.0.1:' . $g->port }) {
	$res = $g->post_bytes($post_path, \%form, $h);
	is($res->{status}, 403, "Origin $h->{Origin}: 403");
}
like($res->{content}, qr/only be sent from this site/, 'with a message saying why');
sub raw_post {
	my ($headers, $body) = @_;
	return $g->request('POST', $post_path, { headers => { 'Content-Type' => 'application/x-www-form-urlencoded', %$headers }, content => $body });
}
my $body = $g->{http}->www_form_urlencode(\%form);
is(raw_post({}, $body)->{status}, 403, 'neither Origin nor Referer: 403');
is(raw_post({ Referer => 'http://evil.example/articles/x' }, $body)->{status}, 403, 'a foreign Referer: 403');
is(raw_post({ Referer => $g->url('') . '.evil/' }, $body)->{status}, 403, 'a look-alike Referer: 403');
is(ncomments(), $n, 'none of them stored anything');
$res = raw_post({ Referer => $g->url($path) }, $body);
is($res->{status}, 303, 'this site\'s Referer without Origin: accepted');
is(ncomments(), $n + 1, 'and stored');

# The form token: missing, forged, for another article, from the future.
my $other = $g->sql_value("SELECT id FROM articles WHERE id != $id LIMIT 1");
my $now = time;
$n = ncomments();
my @tokens = (
	[ 'no token', undef ],
	[ 'an empty token', '' ],
	[ 'a forged token', "$now." . ('A' x 43) ],
	[ 'a token with its time changed', ($token =~ s/^(\d+)/$1 - 100/er) ],
	[ 'another article\'s token', $g->sign_form_token($other, $now - 10) ],
	[ 'a token from the future', $g->sign_form_token($id, $now + 3600) ],
	[ 'junk', "<script>alert(1)</script>" ],
);
for my $case (@tokens) {
	my %f = (name => 'Tok', body => "Token case $case->[0]");
	$f{token} = $case->[1] if defined $case->[1];
	$res = $g->post_bytes($post_path, \%f);
	is($res->{status}, 403, "$case->[0]: 403");
}
is(ncomments(), $n, 'no token case stored anything');
$res = $g->post_bytes($post_path, { token => $g->sign_form_token($id, $now - 30), name => 'Tok', body => 'A token signed with the key' });
is($res->{status}, 303, 'a token signed with the site\'s key is accepted (the test signs like the app)');

# An expired form: the page again, text kept, with a token that works.
$n = ncomments();
$res = $g->post_bytes($post_path, { token => $g->sign_form_token($id, $now - 21600 - 120), name => 'Slow', body => 'Written over lunch' });
is($res->{status}, 403, 'a form older than --comment-max-age: 403');
like($res->{content}, qr/open too long.*kept below/s, 'saying the text is kept');
like($res->{content}, qr{name="name" value="Slow"}, 'the name is kept');
like($res->{content}, qr{>Written over lunch</textarea>}, 'the comment is kept');
is(ncomments(), $n, 'nothing stored');
my ($fresh) = $res->{content} =~ /name="token" value="([^"]+)"/;
$res = $g->post_bytes($post_path, { token => $fresh, name => 'Slow', body => 'Written over lunch' });
is($res->{status}, 303, 'sent again from that page: accepted');

# Missing, unpublished, closed and hidden articles: nothing stored.
$n = ncomments();
my $fut = $g->sql("SELECT id, slug FROM articles WHERE id NOT IN ($id, $other) LIMIT 2");
$res = $g->post_bytes('/articles/no-such-article/comments', { token => $token, name => 'A', body => 'B' });
is($res->{status}, 404, 'an unknown article: 404');
$g->sql_write("UPDATE articles SET status = 'draft' WHERE id = $fut->[0]{id}");
$res = $g->post_bytes("/articles/$fut->[0]{slug}/comments", { token => $g->sign_form_token($fut->[0]{id}, $now - 10), name => 'A', body => 'B' });
is($res->{status}, 404, 'a draft: 404');
$g->sql_write("UPDATE articles SET published_at = " . ($now + 86400) . " WHERE id = $fut->[1]{id}");
$res = $g->post_bytes("/articles/$fut->[1]{slug}/comments", { token => $g->sign_form_token($fut->[1]{id}, $now - 10), name => 'A', body => 'B' });
is($res->{status}, 404, 'an article not yet due: 404');
$g->sql_write("UPDATE articles SET comments = 'closed' WHERE id = $id");
$res = $g->get($path);
unlike($res->{content}, qr/Write a comment/, 'closed comments: no link to the form');
like($res->{content}, qr/Comments are closed for this article/, 'but a notice');
like($res->{content}, qr/id="comment-$cid"/, 'and the comments still shown');
$res = $g->get($post_path);
is($res->{status}, 403, 'closed comments: the comment page answers 403');
like($res->{content}, qr/Comments are closed for this article/, 'saying why');
unlike($res->{content}, qr/name="token"/, 'with no form');
$res = $g->post_bytes($post_path, { token => $token, name => 'A', body => 'Closed' });
is($res->{status}, 403, 'posting to closed comments: 403');
$g->sql_write("UPDATE articles SET comments = 'hidden' WHERE id = $id");
$res = $g->get($path);
unlike($res->{content}, qr/id="comments"/, 'hidden comments: no comment section at all');
is($g->get("$post_path?hidden=1")->{status}, 404, 'and no comment page (404)');
$res = $g->post_bytes($post_path, { token => $token, name => 'A', body => 'Hidden' });
is($res->{status}, 403, 'posting to hidden comments: 403');
is(ncomments(), $n, 'nothing stored on any of them');
$g->sql_write("UPDATE articles SET comments = 'open' WHERE id = $id");

# Closing by age (--comment-close-days, 30 here): the page expires from
# caches at that moment, and after it the form is gone.
my $pub = $now - 30 * 86400 + 20;
$g->sql_write("UPDATE articles SET published_at = $pub WHERE id = $id");
$res = $g->get($path);
like($res->{content}, qr/Write a comment/, 'twenty seconds before closing: the link to the form is there');
my ($age) = ($res->{headers}{'cache-control'} // '') =~ /max-age=(\d+)/;
ok(defined $age && $age <= 20 && $age >= 1, "caches keep the page only until then (max-age=" . ($age // 'none') . ')');
my $etag_open = $res->{headers}{etag};
$g->sql_write("UPDATE articles SET published_at = " . ($now - 30 * 86400 - 5) . " WHERE id = $id");
$res = $g->get($path);
unlike($res->{content}, qr/Write a comment/, 'after the close: no link to the form');
is($g->get("$post_path?late=1")->{status}, 403, 'and the comment page refuses (403)');
like($res->{content}, qr/Comments are closed/, 'the notice instead');
isnt($res->{headers}{etag}, $etag_open, 'and another entity tag');
$n = ncomments();
$res = $g->post_bytes($post_path, { token => $token, name => 'Late', body => 'Too late' });
is($res->{status}, 403, 'posting after the close: 403');
is(ncomments(), $n, 'nothing stored');
$g->sql_write("UPDATE articles SET published_at = " . ($now - 60) . " WHERE id = $id");

# Robots: a filled honeypot gets the same kind of answer, is stored as
# rejected, and never shown or counted.
my $count = $g->sql_value("SELECT comment_count FROM articles WHERE id = $id");
$res = $g->post_bytes($post_path, { token => $token, name => 'Buy', body => 'Cheap watches', website => 'http://spam.example' });
is($res->{status}, 303, 'a filled honeypot: 303 all the same');
my ($spam) = ($res->{headers}{location} // '') =~ m{^\Q$path\E\?comment=(\d+)#comment-\1$};
ok($spam, 'to an anchor, like a real comment');
$row = $g->sql("SELECT status, reason FROM comments WHERE id = " . ($spam // 0))->[0];
is($row->{status}, 'rejected', 'stored as rejected');
like($row->{reason}, qr/honeypot/, 'with the reason');
unlike($g->get($path)->{content}, qr/Cheap watches/, 'never shown');
is($g->sql_value("SELECT comment_count FROM articles WHERE id = $id"), $count, 'nor counted');

# Duplicates: a double-click stores one comment and answers alike.
$n = ncomments();
my $r1 = $g->post_bytes($post_path, { token => $token, name => 'Twice', body => 'Clicked twice' });
my $r2 = $g->post_bytes($post_path, { token => $token, name => 'Twice', body => 'Clicked twice' });
is($r1->{status}, 303, 'first of a double post: 303');
is($r2->{status}, 303, 'second: 303');
is($r2->{headers}{location}, $r1->{headers}{location}, 'to the same comment');
is(ncomments(), $n + 1, 'stored once');
$res = $g->post_bytes($post_path, { token => $token, name => 'Twice ', body => 'Clicked twice' });
is($res->{headers}{location}, $r1->{headers}{location}, 'the name folded the same way is the same author');
$res = $g->post_bytes($post_path, { token => $token, name => 'Other', body => 'Clicked twice' });
isnt($res->{headers}{location}, $r1->{headers}{location}, 'another author with the same text is a new comment');
is(ncomments(), $n + 2, 'stored');

# Oversized bodies: 413 from nginx, and from the app's own limit.
$n = ncomments();
$res = $g->post_bytes($post_path, { token => $token, name => 'Big', body => 'x' x (64 * 1024) });
is($res->{status}, 413, 'a body over 64 KiB through nginx: 413');
SKIP: {
	my $st = $g->fcgi_status({ REQUEST_METHOD => 'POST', REQUEST_URI => $post_path,
	    CONTENT_TYPE => 'application/x-www-form-urlencoded', CONTENT_LENGTH => 64 * 1024 + 1,
	    HTTP_ORIGIN => $g->url('') }, 'body=' . ('x' x (64 * 1024 - 4)));
	skip('cgi-fcgi is not installed', 2) unless defined $st;
	is($st, 413, 'a body over 64 KiB straight to the app: 413');
	$st = $g->fcgi_status({ REQUEST_METHOD => 'POST', REQUEST_URI => $post_path,
	    CONTENT_TYPE => 'application/x-www-form-urlencoded', CONTENT_LENGTH => 12,
	    HTTP_ORIGIN => $g->url('') }, 'token=abcdef');
	is($st, 403, 'the same path with a small body reaches the controller (403: bad token)');
}
is(ncomments(), $n, 'nothing stored');

# The "awaits moderation" notice is a page of its own (the page cache
# keys on the whole address).
$res = $g->get("$path?comment=pending");
like($res->{content}, qr{<p class="notice" id="comment-pending" role="status">[^<]*awaits moderation}, '?comment=pending shows the notice');
unlike($g->get($path)->{content}, qr/awaits moderation/, 'the plain page does not');

# Other methods on the comments path.
$res = $g->request('PUT', $post_path);
is($res->{status}, 405, 'PUT on the comments path: 405');
is($res->{headers}{allow}, 'GET, HEAD, POST', 'Allow: GET, HEAD, POST');

# A long thread: comments show 100 a page, and a new comment's 303 goes
# to the page that holds it.
{
	my $now = time;
	$g->sql_write(join '; ', map {
		"INSERT INTO comments (article_id, author, body, status, created_at) VALUES ($id, 'Reader $_', 'Thread comment number $_.', 'approved', $now)"
	} 1 .. 120);
	my $ids = $g->sql("SELECT id FROM comments WHERE article_id = $id AND status = 'approved' ORDER BY id");
	my $first = $g->get($path)->{content};
	my @shown = $first =~ /<article class="comment" id="comment-(\d+)">/g;
	is(scalar @shown, 100, 'the first page shows 100 comments');
	is($shown[0], $ids->[0]{id}, 'from the oldest');
	like($first, qr{href="\Q$path\E\?comments_after=$shown[-1]#comments">Later comments}, 'with a link to the later ones');
	unlike($first, qr/From the first comment/, 'and none back');

	$res = $g->post_bytes($post_path, { token => $g->form_token($path), name => 'Late Reader', body => 'Posted at the end of a long thread.' });
	is($res->{status}, 303, 'a comment on the long thread: 303');
	my ($after, $new) = ($res->{headers}{location} // '') =~ m{^\Q$path\E\?comments_after=(\d+)&comment=(\d+)#comment-\2$};
	ok($new, 'to a later page of the thread, at the comment') or diag($res->{headers}{location});
	is($after, $ids->[-1]{id}, 'the page that starts after the comment before it');
	my $page = $g->get("$path?comments_after=$after")->{content};
	like($page, qr{<article class="comment" id="comment-$new">.*Posted at the end of a long thread}s, 'that page shows the new comment');
	like($page, qr{<a href="\Q$path\E#comments">&larr; From the first comment</a>}, 'with a link back to the first comment');
	unlike($first = $g->get($path)->{content}, qr{id="comment-$new"}, 'the first page does not hold it');
	my $later = $g->get("$path?comments_after=$shown[-1]")->{content};
	my @rest = $later =~ /<article class="comment" id="comment-(\d+)">/g;
	is_deeply(\@rest, [ (map { $_->{id} } @$ids[100 .. $#$ids]), $new ], 'the later page holds the rest, the new comment last');
	is($g->get("$path?comments_after=x1")->{status}, 400, 'a malformed comment page: 400');
}

unlike($g->app_log, qr/(?:sqlite|postgresql):|controller returned/, 'no store errors in the log');

# Addresses are kept only hashed: nginx's access log has none either.
my @access = split /\n/, GazetteTest::slurp($g->dir . '/nginx-access.log');
ok(@access > 10, 'nginx logged the requests');
is(scalar(grep { !/^\d{4}-\d\d-\d\dT[\d:]+[+-]\d\d:\d\d "/ } @access), 0, 'every line starts with the time and the request, no address');
unlike(join("\n", map { s/"[^"]*"//gr } @access), qr/\b127\.0\.0\.1\b/, 'the client address appears nowhere outside the quoted request, referrer and agent');
done_testing();

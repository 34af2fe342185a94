#!/usr/bin/env perl
# The route matrix (issue 7), built from the router's own table
# (`gazette routes`), so that a route added tomorrow is checked too:
#
#   - every POST route is either an editor's (session and CSRF token)
#     or an anonymous form (same-site check): none is unprotected;
#   - every state-changing editor route refuses, with 403 and no change
#     at all: no session; a session without a token; a forged token; the
#     token of another editor's session; a token in the query string;
#   - the anonymous comment route refuses a missing, forged, expired or
#     another article's form token and a foreign or missing Origin, with
#     403 and no change; the login form refuses a foreign Origin;
#   - every editor page asked for with GET or HEAD and no session answers
#     303 to /login?next=<the page>;
#   - every route, for every role (contributor, editor, admin) and for
#     anonymous readers: a role below the route's (the table's ROLE
#     column) is refused with 403 and changes nothing, a role at or
#     above it is let through (a contributor on their own draft);
#   - and, so that the refusals mean something, the same requests with
#     a valid session and token are not refused.
# "No change" is a hash of every content table (GazetteTest::fingerprint)
# and of the sessions (without their last-seen time).
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

# The table, from the binary.
my ($rc, $out) = $g->cli('routes');
is($rc, 0, 'gazette routes runs');
my @routes = map { my @f = split /\t/; { method => $f[0], pattern => $f[1], flags => $f[2],
    cache => $f[3], max_body => $f[4], role => $f[5] } } grep { /\S/ } split(/\n/, $out);
my %rank = (anyone => 0, contributor => 1, editor => 2, admin => 3);
for my $r (@routes) {
	ok(defined $r->{role} && exists $rank{$r->{role}}, "$r->{method} $r->{pattern} names its role ($r->{role})");
	is($r->{flags} =~ /E/ ? 1 : 0, $rank{$r->{role}} > 0 ? 1 : 0, "$r->{method} $r->{pattern}: E exactly when a role is needed");
}
cmp_ok(scalar @routes, '>=', 30, scalar(@routes) . ' routes in the table');
unlike($g->cli_ok('help'), qr/^\s*routes\b/m, 'the subcommand is not advertised');

# Every POST is protected one way or the other.
for my $r (grep { $_->{method} eq 'POST' } @routes) {
	ok($r->{flags} =~ /C/ || $r->{flags} =~ /P/, "POST $r->{pattern} needs a CSRF token or a same-site form ($r->{flags})");
	ok($r->{flags} !~ /C/ || $r->{flags} =~ /E/, "POST $r->{pattern}: a CSRF token implies a session") ;
}
# Editor and admin pages are never cached for everyone.
for my $r (grep { $_->{flags} =~ /[EAC]/ } @routes) {
	is($r->{cache}, 'none', "$r->{method} $r->{pattern} is not cacheable");
}

# The people and things the parameters stand for.
my $admin = $g->login('boss', role => 'admin');
my $ed = $g->login('jane');
my $other = $g->login('kim');
my $contrib = $g->login('cora', role => 'contributor');
my $own = do {
	my $res = $contrib->post('/admin/articles/new', { headline => 'Cora\'s draft', body => 'Her text.', action => 'save' });
	is($res->{status}, 303, 'a contributor saves a draft of her own');
	$g->sql_value("SELECT max(id) FROM articles WHERE headline = 'Cora''s draft'");
};
my $art = $g->sql("SELECT id, slug FROM articles WHERE status = 'published' AND comments = 'open' ORDER BY id LIMIT 1")->[0];
my $art2 = $g->sql("SELECT id, slug FROM articles WHERE status = 'published' AND id <> $art->{id} ORDER BY id LIMIT 1")->[0];
my $res = $g->post("/articles/$art->{slug}/comments", { token => $g->sign_form_token($art->{id}, time - 60),
    name => 'Ann', body => 'A first comment.', website => '' });
is($res->{status}, 303, 'a comment to moderate');
my $cid = $g->sql_value('SELECT max(id) FROM comments');
my $rev = $g->sql_value("SELECT max(number) FROM revisions WHERE article_id = $art->{id}");
my $tags = $g->sql('SELECT id, name FROM tags ORDER BY id LIMIT 2');
ok($rev && @$tags == 2, 'a revision and two tags to act on');
my $tag_slug = $g->sql_value("SELECT slug FROM tags WHERE id = $tags->[0]{id}");
# An account to manage, another session of jane's to end, and a
# one-time link for the password page.
my $kim_id = $g->sql_value("SELECT id FROM users WHERE name = 'kim'");
my $ed2 = $g->login('jane');
my $sess2 = $g->sql_value("SELECT max(id) FROM sessions");
my $link = do {
	my $res = $admin->post('/admin/users', { name => 'newbie', display => 'New Bie', role => 'contributor' });
	is($res->{status}, 200, 'an invitation link for the password page');
	($res->{content} =~ m{/password\?token=([A-Za-z0-9_-]{43})})[0];
};
ok($link, 'the link is shown');
# A photograph in the library.
my $jpg = "$g->{dir}/matrix.jpg";
system('vips', 'gaussnoise', $jpg, 64, 48) == 0 or die "vips failed";
$res = $ed->upload('/admin/media', [ alt => 'Noise' ], [ [ 'file', 'm.jpg', GazetteTest::slurp($jpg), 'image/jpeg' ] ]);
is($res->{status}, 303, 'an image to act on');
my $mid = $g->sql_value('SELECT max(id) FROM media');

# A route's pattern with its parameters filled in.
sub fill {
	my ($pattern, $id) = @_;
	my $p = $pattern;
	$id //= $art->{id};
	$p =~ s{/articles/:slug}{/articles/$art->{slug}}g;
	$p =~ s{/articles/:id}{/articles/$id}g;
	$p =~ s{/revisions/:id}{/revisions/$rev}g;
	$p =~ s{/tags/:id}{/tags/$tags->[0]{id}}g;
	$p =~ s{/media/:id}{/media/$mid}g;
	$p =~ s{/tags/:slug}{/tags/$tag_slug}g;
	$p =~ s{/archive/:year/:month}{'/archive/' . strftime_ym()}ge;
	$p =~ s{/sitemap-:id\.xml}{/sitemap-1.xml}g;
	$p =~ s{/users/:id}{/users/$kim_id}g;
	$p =~ s{/sessions/:id}{/sessions/$sess2}g;
	$p =~ s{^/password$}{/password?token=$link};
	die "route matrix: no value for a parameter of $pattern (add one to fill())\n" if $p =~ /:/;
	return $p;
}
sub strftime_ym { my @t = gmtime; sprintf('%04d/%02d', $t[5] + 1900, $t[4] + 1) }

# What a valid request to each state-changing route carries, for the
# positive control (the refusals carry the same fields).
my %form = (
	'/logout' => {},
	'/admin/articles/new' => { headline => 'Matrix article', body => 'Text.', action => 'save' },
	'/admin/articles/:id/edit' => { headline => 'Matrix edit', body => 'Text.', slug => $art->{slug},
	    action => 'save', change => 'typo' },
	'/admin/articles/:id/delete' => {},
	'/admin/articles/:id/comments' => { mode => 'closed' },
	'/admin/articles/:id/revisions/:id/restore' => {},
	'/admin/tags/:id/rename' => { name => 'Matrix tag' },
	'/admin/tags/:id/merge' => { into => $tags->[1]{name} },
	'/admin/tags/:id/delete' => {},
	'/admin/comments' => { action => 'reject', 'id[]' => $cid },
	'/admin/settings' => { title => 'Matrix', tagline => '', moderation => 'open', close_days => 30 },
	'/admin/articles/:id/return' => { note => 'Matrix note.' },
	'/admin/users' => { name => 'matrixuser', display => 'Matrix User', role => 'contributor' },
	'/admin/users/:id/role' => { role => 'editor' },
	'/admin/users/:id/disable' => {},
	'/admin/users/:id/enable' => {},
	'/admin/users/:id/reset' => {},
	'/account/profile' => { display => 'Jane Matrix', bio => 'A bio.' },
	# The same password again, so that later logins still work.
	'/account/password' => { current => $g->{passwords}{jane}, password => $g->{passwords}{jane},
	    again => $g->{passwords}{jane} },
	'/account/sessions/:id/end' => {},
	'/account/2fa' => { secret => 'A' x 32, code => '000000' },
	'/account/2fa/off' => { password => 'not this one' },
	'/admin/users/:id/2fa-reset' => {},
	'/admin/users/2fa' => { require => '0' },
	'/account/sessions/end-all' => {},
	'/admin/media' => { alt => 'Matrix', caption => 'A caption' },
	'/admin/articles/:id/lead' => { media => 0 },
	'/admin/media/:id' => { alt => 'Matrix alt', caption => 'Matrix', credit => '' },
	'/admin/media/:id/delete' => {},
);

sub state {
	return $g->fingerprint . ':' . join('|', map { join(',', map { $_ // '' } @$_{qw(id h user_id csrf created_at expires_at)}) }
	    @{ $g->sql('SELECT id, ' . $g->hex_sql('token_hash') . ' AS h, user_id, csrf, created_at, expires_at FROM sessions ORDER BY id') });
}

my $before = state();
my @csrf_routes = grep { $_->{flags} =~ /C/ } @routes;
cmp_ok(scalar @csrf_routes, '>=', 10, scalar(@csrf_routes) . ' state-changing editor routes');
for my $r (@csrf_routes) {
	my $path = fill($r->{pattern});
	my $f = $form{$r->{pattern}};
	ok($f, "a form is known for $r->{pattern}") or next;
	# An upload route takes multipart bodies only: the same fields so.
	my $send = sub {
		my ($p, $pairs, $h) = @_;
		return $g->post($p, $pairs, $h) unless $r->{flags} =~ /U/;
		my ($ct, $body) = GazetteTest::multipart($pairs, []);
		return $g->{http}->request('POST', $g->url($p), { headers => { 'Content-Type' => $ct,
		    Origin => $g->{base}, %{ $h || {} } }, content => $body });
	};
	my $as_ed = { Cookie => $ed->cookie };
	my %cases = (
		'no session' => [ sub { $send->($path, [ %$f, csrf => $ed->csrf ]) } ],
		'no token' => [ sub { $send->($path, [ %$f ], $as_ed) } ],
		'a forged token' => [ sub { $send->($path, [ %$f, csrf => 'A' x 43 ], $as_ed) } ],
		'an empty token' => [ sub { $send->($path, [ %$f, csrf => '' ], $as_ed) } ],
		'another session\'s token' => [ sub { $send->($path, [ %$f, csrf => $other->csrf ], $as_ed) } ],
		'the token in the query' => [ sub { $send->("$path?csrf=" . $ed->csrf, [ %$f ], $as_ed) } ],
		'a forged session' => [ sub { $send->($path, [ %$f, csrf => $ed->csrf ], { Cookie => 'gazette_session=' . ('A' x 43) }) } ],
	);
	for my $case (sort keys %cases) {
		my $res = $cases{$case}[0]->();
		is($res->{status}, 403, "POST $r->{pattern} with $case: 403");
	}
	is(state(), $before, "POST $r->{pattern}: nothing changed");
}

# Editor pages without a session go to the login form, with the way back.
for my $r (grep { $_->{method} eq 'GET' && $_->{flags} =~ /E/ } @routes) {
	my $path = fill($r->{pattern});
	for my $m (qw(GET HEAD)) {
		my $res = $g->request($m, "$path?x=1");
		is($res->{status}, 303, "$m $r->{pattern} without a session: 303");
		my $next = $path =~ s{([^A-Za-z0-9\-._~])}{sprintf('%%%02X', ord $1)}ger . '%3Fx%3D1';
		is($res->{headers}{location}, "/login?next=$next", "to /login?next=<the page>");
	}
}
# Every GET route for every role: below the route's role 403, at or
# above it 200 (a contributor asks for her own draft's pages).
my %who = (contributor => $contrib, editor => $ed, admin => $admin);
for my $r (grep { $_->{method} eq 'GET' } @routes) {
	for my $role (qw(contributor editor admin)) {
		my $path = fill($r->{pattern}, $role eq 'contributor' ? $own : undef);
		next if $path =~ m{^/login};	# a session is sent on its way (303)
		my $want = $rank{$role} >= $rank{$r->{role}} ? 200 : 403;
		is($who{$role}->get($path)->{status}, $want, "GET $r->{pattern} as $role: $want");
	}
	is($g->get(fill($r->{pattern}))->{status}, 200, "GET $r->{pattern} anonymously: 200") if $r->{role} eq 'anyone' && $r->{pattern} ne '/login';
}
# A POST-only editor route asked for with GET: 405 rather than a login.
for my $r (grep { $_->{method} eq 'POST' && $_->{flags} =~ /E/ } @routes) {
	my $path = fill($r->{pattern});
	next if grep { $_->{method} eq 'GET' && fill($_->{pattern}) eq $path } @routes;
	is($g->get($path)->{status}, 405, "GET $r->{pattern} (POST only): 405");
}
is(state(), $before, 'the editor pages changed nothing');

# Every state-changing route refuses a role below its own, with a valid
# session and token, and changes nothing.
for my $r (@csrf_routes) {
	for my $role (qw(contributor editor)) {
		next if $rank{$role} >= $rank{$r->{role}};
		my $path = fill($r->{pattern}, $role eq 'contributor' ? $own : undef);
		my $res = $who{$role}->post($path, $form{$r->{pattern}});
		is($res->{status}, 403, "POST $r->{pattern} as $role: 403");
	}
}
is(state(), $before, 'the refused roles changed nothing');

# The anonymous forms.
my $cpath = "/articles/$art->{slug}/comments";
my %comment = (name => 'Bea', body => 'A comment that must not be stored.', website => '');
my $tok = $g->sign_form_token($art->{id}, time - 60);
my @refused = (
	['no form token', { %comment }, {}],
	['an empty form token', { %comment, token => '' }, {}],
	['a forged form token', { %comment, token => (time - 60) . '.' . ('A' x 43) }, {}],
	['a token signed with another key', { %comment, token => (time - 60) . '.' . substr($tok, -43, 42) . 'B' }, {}],
	['another article\'s form token', { %comment, token => $g->sign_form_token($art2->{id}, time - 60) }, {}],
	['a token from the future', { %comment, token => $g->sign_form_token($art->{id}, time + 3600) }, {}],
	['a foreign Origin', { %comment, token => $tok }, { Origin => 'http://evil.example' }],
	['a lookalike Origin', { %comment, token => $tok }, { Origin => $g->url('') . '.evil.example' }],
	['Origin null', { %comment, token => $tok }, { Origin => 'null' }],
);
for my $c (@refused) {
	my ($what, $form, $h) = @$c;
	my $res = $g->post($cpath, $form, $h);
	is($res->{status}, 403, "a comment with $what: 403");
}
my $res2 = $g->request('POST', $cpath, { headers => { 'Content-Type' => 'application/x-www-form-urlencoded' },
    content => $g->{http}->www_form_urlencode({ %comment, token => $tok }) });
is($res2->{status}, 403, 'a comment with neither Origin nor Referer: 403');
$res2 = $g->request('POST', $cpath, { headers => { 'Content-Type' => 'application/x-www-form-urlencoded',
    Referer => 'http://evil.example/' }, content => $g->{http}->www_form_urlencode({ %comment, token => $tok }) });
is($res2->{status}, 403, 'a comment with a foreign Referer and no Origin: 403');
for my $r (grep { $_->{flags} =~ /P/ } @routes) {
	my $res = $g->post(fill($r->{pattern}), { name => 'jane', password => 'x', %comment, token => $tok },
	    { Origin => 'https://evil.example' });
	is($res->{status}, 403, "POST $r->{pattern} from a foreign Origin: 403");
}
is(state(), $before, 'the refused anonymous forms changed nothing');

# The positive controls: with a session and its token (or a good form),
# no route refuses; these change things, so they come last.
$res = $g->post($cpath, { %comment, token => $tok });
is($res->{status}, 303, 'a good comment is taken (303)');
my %contrib_form = ('/admin/articles/:id/edit' => { headline => 'Cora edit', body => 'Text.', action => 'save' },
    '/account/password' => { map { ($_ => $g->{passwords}{cora}) } qw(current password again) });
for my $r (grep { $_->{role} eq 'contributor' } @csrf_routes) {
	# Signing out everywhere ends every session of the account: another one.
	my $who = $r->{pattern} eq '/logout' ? $g->login('cora') : $r->{pattern} =~ m{/end-all$} ?
	    $g->login('dora', role => 'contributor') : $contrib;
	my $res = $who->post(fill($r->{pattern}, $own), $contrib_form{$r->{pattern}} // $form{$r->{pattern}});
	ok($res->{status} != 403 && $res->{status} < 500, "POST $r->{pattern} as a contributor on her draft is not refused ($res->{status})");
}
my @order = sort { ($a->{pattern} =~ /delete|logout/) <=> ($b->{pattern} =~ /delete|logout/) } @csrf_routes;
for my $r (@order) {
	my $who = $r->{pattern} eq '/logout' ? $g->login('jane') : $r->{pattern} =~ m{/end-all$} ? $g->login('lee')
	    : $r->{role} eq 'admin' ? $admin : $ed;
	my $res = $r->{flags} =~ /U/ ?
	    $who->upload(fill($r->{pattern}), [ %{ $form{$r->{pattern}} } ], []) :
	    $who->post(fill($r->{pattern}), $form{$r->{pattern}});
	ok($res->{status} != 403 && $res->{status} < 500, "POST $r->{pattern} with a session and its token is not refused ($res->{status})");
}
isnt(state(), $before, 'and those did change things');

$g->stop;
done_testing();

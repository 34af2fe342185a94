#!/usr/bin/env perl
# Readers' comments (issue 4) under concurrency: 8 clients post 10
# comments each at once (moderation open, limits lifted).  Every comment
# answered 303 is in the database exactly once, at the anchor it was
# sent to, and every row is one that was answered 303.  Then 6 clients
# post the very same comment at the same moment: one row, one answer.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use HTTP::Tiny;
use POSIX ();
use Test::More;

my $g = GazetteTest->new(samples => 1, env => {
	GAZETTE_COMMENT_MODERATION => 'open',
	GAZETTE_COMMENT_MIN_SECONDS => 0,
	GAZETTE_COMMENT_RATE_MINUTE => 0,
	GAZETTE_COMMENT_RATE_HOUR => 0,
	GAZETTE_THREADS => 4,
});
my $art = $g->sql("SELECT id, slug, comment_count FROM articles WHERE headline LIKE 'Old Halloran%'")->[0];
my $path = "/articles/$art->{slug}";
my $token = $g->form_token($path);
my $dir = $g->dir;
my $first_new = ($g->sql_value("SELECT max(id) FROM comments") // 0) + 1;

# Run code in n children released together; each writes its lines to
# a file.  Children leave with _exit, so that the test's instance is
# not stopped by their copies of it.
sub run_clients {
	my ($n, $tag, $code) = @_;
	pipe(my $gate_r, my $gate_w) or die;
	my @pids;
	for my $c (1 .. $n) {
		my $pid = fork() // die "fork: $!";
		if ($pid == 0) {
			close($gate_w);
			my $buf;
			sysread($gate_r, $buf, 1);	# returns at EOF: the start
			my $http = HTTP::Tiny->new(max_redirect => 0, timeout => 30);
			open(my $out, '>', "$dir/$tag-$c.out") or POSIX::_exit(2);
			print $out $code->($http, $c);
			close($out);
			POSIX::_exit(0);
		}
		push @pids, $pid;
	}
	close($gate_r);
	close($gate_w);
	waitpid($_, 0) for @pids;
	return map { GazetteTest::slurp("$dir/$tag-$_.out") } 1 .. $n;
}

sub post {
	my ($http, $body) = @_;
	my $res = $http->request('POST', $g->url("$path/comments"), {
	    headers => { 'Content-Type' => 'application/x-www-form-urlencoded', Origin => $g->url('') },
	    content => $http->www_form_urlencode({ token => $token, name => 'Load', body => $body }) });
	return "$res->{status} " . ($res->{headers}{location} // '-') . " $body\n";
}

my @out = run_clients(8, 'many', sub {
	my ($http, $c) = @_;
	return join '', map { post($http, "client $c post $_") } 1 .. 10;
});
my @lines = map { split /\n/ } @out;
is(scalar @lines, 80, 'all 80 posts were answered');
my %answered;
my $other = 0;
for (@lines) {
	my ($status, $loc, $body) = /^(\d+) (\S+) (.*)$/ or next;
	if ($status == 303 && $loc =~ /#comment-(\d+)$/) {
		$answered{$body} = $1;
	} else {
		$other++;
		diag("not 303: $_");
	}
}
is($other, 0, 'every post was answered 303');
my $rows = $g->sql("SELECT id, body, status FROM comments WHERE id >= $first_new AND author = 'Load'");
my %stored;
$stored{ $_->{body} }++ for @$rows;
is(scalar @$rows, scalar keys %answered, 'as many rows as 303 answers');
is(scalar(grep { $stored{$_} != 1 } keys %stored), 0, 'no comment stored twice');
is(scalar(grep { !exists $answered{$_} } keys %stored), 0, 'every row was answered 303');
is(scalar(grep { ($stored{$_} // 0) != 1 } keys %answered), 0, 'every 303 is in the database');
my %id_of = map { ($_->{body} => $_->{id}) } @$rows;
is(scalar(grep { $answered{$_} != ($id_of{$_} // 0) } keys %answered), 0, 'each at the anchor its poster was sent to');
is(scalar(grep { $_->{status} ne 'approved' } @$rows), 0, 'all approved');
is($g->sql_value("SELECT comment_count FROM articles WHERE id = $art->{id}"),
    $g->sql_value("SELECT count(*) FROM comments WHERE article_id = $art->{id} AND status = 'approved'"),
    'the article\'s count matches its approved comments');

# The same comment from 6 clients at once (a double click, many times).
@out = run_clients(6, 'same', sub { post($_[0], 'Exactly the same words') });
my %locs;
for (@out) {
	my ($status, $loc) = /^(\d+) (\S+)/ or next;
	$locs{"$status $loc"}++;
}
is(scalar keys %locs, 1, 'all six got the same answer') or diag(explain \%locs);
like((keys %locs)[0] // '', qr/^303 .*#comment-\d+$/, 'a 303 to the comment');
is($g->sql_value("SELECT count(*) FROM comments WHERE body = 'Exactly the same words'"), 1, 'stored once');

unlike($g->app_log, qr/(?:sqlite|postgresql):|controller returned/, 'no store errors (no SQLITE_BUSY) in the log');
done_testing();

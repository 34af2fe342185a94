#!/usr/bin/env perl
# Crash safety (issue 7): while three readers post comments and an
# editor saves articles, the app is killed with SIGKILL again and again
# (at least 20 times) and restarted.  After each restart the database
# passes PRAGMA integrity_check; at the end every write that was
# acknowledged with a 2xx or 3xx is there exactly once.  The promise
# rests on synchronous=FULL (the default, GAZETTE_SYNC=1): a commit is
# on disk, WAL included, before the answer goes out.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use HTTP::Tiny;
use POSIX ();
use Test::More;
use Time::HiRes qw(sleep time);

my $KILLS = $ENV{GAZETTE_CRASH_KILLS} || 24;
my $g = GazetteTest->new(samples => 1, env => {
	GAZETTE_COMMENT_MODERATION => 'open',
	GAZETTE_COMMENT_MIN_SECONDS => 0,
	GAZETTE_COMMENT_RATE_MINUTE => 0,
	GAZETTE_COMMENT_RATE_HOUR => 0,
	GAZETTE_SYNC => 1,
});
my $dir = $g->dir;
my $ed = $g->login('jane');
my $csrf = $ed->csrf;
my $art = $g->sql("SELECT id, slug FROM articles WHERE status = 'published' AND comments = 'open' ORDER BY id LIMIT 1")->[0];
my $res = $ed->post('/admin/articles/new', { headline => 'Crash edit 0', body => 'Edited again and again.', action => 'save' });
my ($draft) = ($res->{headers}{location} // '') =~ m{/admin/articles/(\d+)/edit} or BAIL_OUT('no draft to edit');
my $draft_slug = $g->sql_value("SELECT slug FROM articles WHERE id = $draft");

# The clients: child processes that write until told to stop, and
# append every acknowledged write to their file (one line each, flushed
# before the next request).
my $stop = "$dir/stop";
sub client {
	my ($name, $work) = @_;
	my $pid = fork() // die "fork: $!";
	return $pid if $pid;
	$g->{http} = HTTP::Tiny->new(max_redirect => 0, timeout => 10);
	open(my $log, '>>', "$dir/acks-$name") or POSIX::_exit(1);
	$log->autoflush(1);
	my $n = 0;
	until (-e $stop) {
		$n++;
		my $line = eval { $work->($n) };
		if (defined $line) {
			print $log "$line\n";
		} else {
			sleep(0.01);	# the app is down: nginx said 502
		}
	}
	close($log);
	POSIX::_exit(0);
}

my @kids;
for my $c (1 .. 3) {
	push @kids, client("comments$c", sub {
		my ($n) = @_;
		my $body = "Crash comment $c-$n.";
		my $res = $g->post("/articles/$art->{slug}/comments", {
		    token => $g->sign_form_token($art->{id}, int(time) - 60),
		    name => "Reader $c", body => $body, website => '' });
		return undef unless $res->{status} =~ /^[23]/;
		my ($id) = ($res->{headers}{location} // '') =~ /#comment-(\d+)$/;
		die "acknowledged without an id: $res->{headers}{location}\n" unless $id;
		return "comment $id $body";
	});
}
push @kids, client('editor', sub {
	my ($n) = @_;
	my $headline = "Crash article $n";
	my $res = $ed->post('/admin/articles/new', { headline => $headline, body => "Saved $n.", action => 'save' });
	return undef unless $res->{status} =~ /^[23]/;
	my ($id) = ($res->{headers}{location} // '') =~ m{/admin/articles/(\d+)/edit} or die "no id\n";
	# And the same draft, saved again with a higher number.
	my $res2 = $ed->post("/admin/articles/$draft/edit", { headline => "Crash edit $n",
	    body => 'Edited again and again.', slug => $draft_slug, action => 'save' });
	return "article $id $headline" . ($res2->{status} =~ /^[23]/ ? "\nedit $n" : '');
});

# Lines acknowledged so far, by all clients.
sub acks {
	my @lines;
	for my $f (glob("$dir/acks-*")) {
		push @lines, grep { /\S/ } split(/\n/, GazetteTest::slurp($f));
	}
	return @lines;
}

my $t0 = time;
my $kills = 0;
my @integrity;
while ($kills < $KILLS) {
	# Let some writes be acknowledged in this life of the app, then
	# a little more, then kill it mid-flight.
	my $seen = scalar(acks());
	my $wait = time;
	sleep(0.02) while scalar(acks()) < $seen + 3 && time - $wait < 10;
	sleep(rand(0.15));
	$g->restart_app('KILL');
	$kills++;
	# SQLite checks its file; PostgreSQL (its server was not killed)
	# keeps its own pages, and what can break is the store's
	# transactions: the article's count against its comments.
	my $ic = $g->sql_value(GazetteTest::pg()
	    ? "SELECT CASE WHEN comment_count = (SELECT count(*) FROM comments"
	      . " WHERE article_id = $art->{id} AND status = 'approved')"
	      . " THEN 'ok' ELSE 'comment_count differs' END FROM articles WHERE id = $art->{id}"
	    : 'PRAGMA integrity_check');
	push @integrity, $ic unless ($ic // '') eq 'ok';
	last if time - $t0 > 50;
}
open(my $s, '>', $stop) or die;
close($s);
waitpid($_, 0) for @kids;
my $elapsed = time - $t0;
cmp_ok($kills, '>=', 20, sprintf('the app was killed %d times in %.1f s', $kills, $elapsed));
is_deeply(\@integrity, [], 'the integrity check said ok after every restart');

# Every acknowledged write is there, exactly once.
my @acks = acks();
my @comments = grep { /^comment / } @acks;
my @articles = grep { /^article / } @acks;
my @edits = map { /^edit (\d+)$/ ? $1 : () } @acks;
cmp_ok(scalar @comments, '>=', $kills, scalar(@comments) . ' comments acknowledged');
cmp_ok(scalar @articles, '>=', 5, scalar(@articles) . ' article saves acknowledged');

my %stored = map { $_->{id} => $_ } @{ $g->sql('SELECT id, body FROM comments') };
my %times;
$times{$_->{body}} = $_->{n} for @{ $g->sql("SELECT body, count(*) AS n FROM comments WHERE body LIKE 'Crash comment %' GROUP BY body") };
my @lost;
for (@comments) {
	my ($id, $body) = /^comment (\d+) (.*)$/;
	push @lost, "comment $id ($body)" unless $stored{$id} && $stored{$id}{body} eq $body && ($times{$body} // 0) == 1;
}
my %heads = map { $_->{id} => $_ } @{ $g->sql("SELECT id, headline FROM articles") };
my %hcount;
$hcount{$_->{headline}} = $_->{n} for @{ $g->sql("SELECT headline, count(*) AS n FROM articles GROUP BY headline") };
my %revs = map { $_->{article_id} => $_->{n} } @{ $g->sql('SELECT article_id, count(*) AS n FROM revisions GROUP BY article_id') };
for (@articles) {
	my ($id, $h) = /^article (\d+) (.*)$/;
	push @lost, "article $id ($h)" unless $heads{$id} && $heads{$id}{headline} eq $h && $hcount{$h} == 1 && $revs{$id};
}
is_deeply(\@lost, [], 'every acknowledged comment and article is stored exactly once');
my ($last_edit) = sort { $b <=> $a } @edits;
my ($stored_edit) = $heads{$draft}{headline} =~ /^Crash edit (\d+)$/;
ok(!@edits || $stored_edit >= $last_edit, "the draft holds its last acknowledged save or a later one ($stored_edit >= " . ($last_edit // '-') . ')');

# Counts kept by the store agree with the rows, and keys hold.
is($g->sql_value("SELECT comment_count FROM articles WHERE id = $art->{id}"),
    $g->sql_value("SELECT count(*) FROM comments WHERE article_id = $art->{id} AND status = 'approved'"),
    'the article\'s comment count matches its comments');
is($g->sql_value(GazetteTest::pg()
    ? 'SELECT count(*) FROM comments c LEFT JOIN articles a ON a.id = c.article_id WHERE a.id IS NULL'
    : 'SELECT count(*) FROM pragma_foreign_key_check'), 0, 'no broken foreign key');
my ($rc, $out) = $g->cli('check');
is($rc, 0, 'gazette check is happy') or diag($out);
is($g->get("/articles/$art->{slug}")->{status}, 200, 'and the site answers');

$g->stop;
done_testing();

#!/usr/bin/env perl
# A lost database connection on PostgreSQL: every backend of the app is
# terminated (as a failover or a server restart does to it).  The app
# keeps running; a request that meets a dead connection answers 503
# with Retry-After (never a half-done write), and the next one connects
# again: pages and comments work with no restart.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;

plan skip_all => 'losing PostgreSQL connections needs the private cluster '
    . 'that make test-pg starts (GAZETTE_TEST_PG is not set); SQLite has '
    . 'no connection to lose'
    unless GazetteTest::pg();

my $g = GazetteTest->new(samples => 1, env => {
	GAZETTE_COMMENT_MODERATION => 'open',
	GAZETTE_COMMENT_MIN_SECONDS => 0,
	GAZETTE_COMMENT_RATE_MINUTE => 0,
	GAZETTE_COMMENT_RATE_HOUR => 0,
});
my $pid = $g->app_pid;
my $art = $g->sql("SELECT id, slug FROM articles WHERE status = 'published'"
    . " AND comments = 'open' ORDER BY id LIMIT 1")->[0];
my $db = $g->{pg_db};

# Run SQL on the cluster's maintenance database (the instance's own may
# be closed to connections).
sub admin {
	my ($sql) = @_;
	open(my $fh, '-|', GazetteTest::psql_cmd('postgres', '-c', $sql))
	    or die "psql: $!";
	my @out = <$fh>;
	close($fh) or die "psql: $sql failed";
}

# Terminate every connection to the instance's database.
sub cut {
	admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
	    . " WHERE datname = '$db' AND pid <> pg_backend_pid()");
}

# (The form's token is made before the database goes away: it needs a
# key from there.)
my $token = $g->sign_form_token($art->{id}, int(time) - 60);
sub comment {
	my ($body) = @_;
	return $g->post("/articles/$art->{slug}/comments", {
	    token => $token,
	    name => 'Reader', body => $body, website => '' });
}

# A connection lost for a moment: the next statement connects again.
for my $round (1 .. 3) {
	is($g->get("/search?q=harbour&r=$round")->{status}, 200, "round $round: the app serves");
	cut();
	my %seen;
	for my $i (1 .. 6) {
		my $res = $g->get("/search?q=harbour&r=$round-$i");
		$seen{$res->{status}}++;
	}
	is_deeply([sort keys %seen], [200], "round $round: after the cut it serves on")
	    or diag(explain(\%seen));
}

# The database out of reach for a while (as during a failover): the
# connections cut and no new one allowed.
admin("ALTER DATABASE $db WITH ALLOW_CONNECTIONS false");
cut();
for my $i (1 .. 3) {
	my $res = $g->get("/search?q=harbour&down=$i");
	is($res->{status}, 503, "database unreachable: a search answers 503 ($i)");
	is($res->{headers}{'retry-after'}, '2', 'with Retry-After: 2');
}
my $res = comment('Posted while the database was away.');
is($res->{status}, 503, 'a comment posted meanwhile answers 503');
is($res->{headers}{'retry-after'}, '2', 'with Retry-After: 2');
admin("ALTER DATABASE $db WITH ALLOW_CONNECTIONS true");
is($g->get('/search?q=harbour&back=1')->{status}, 200,
    'the database back: the next request is served');
is($g->sql_value("SELECT count(*) FROM comments WHERE body = 'Posted while the database was away.'"),
    0, 'the comment answered 503 was not stored');
$res = comment('Posted again once it was back.');
is($res->{status}, 303, 'posting again works');
is($g->sql_value("SELECT count(*) FROM comments WHERE body = 'Posted again once it was back.'"),
    1, 'and that one is stored');

is($g->app_pid, $pid, 'the same app process throughout');
my ($rc, $out) = $g->cli('check');
is($rc, 0, 'gazette check passes') or diag($out);
unlike($g->app_log, qr/AddressSanitizer|runtime error/, 'no sanitizer report');
like($g->app_log, qr/connected again/, 'the log says the app connected again');

$g->stop;
done_testing;

#!/usr/bin/env perl
# The cluster's failure test (make test-cluster runs it from the client
# namespace, with the cluster scripts/cluster made; see the README, More
# than one machine).  Writers post comments to both app servers (each
# through its own cache node) while readers load pages through the front
# nginx; meanwhile the primary database node dies (SIGKILL of every
# process in its namespace: Patroni and PostgreSQL together), then one
# app server, then one cache node, which comes back and must have been
# purged of the page changed while it was down.  Counted: acknowledged
# comments lost (0) or stored twice (0), the longest time with no write
# succeeding, readers' answers other than 200 (0), and, for one hot
# page, the requests that reached an app server against the readers'.
#
# With the database part alone (GAZETTE_CLUSTER_APPS=0: no app servers),
# the writers are psql INSERTs through the same multi-host connection
# string, and there are no readers.
use strict;
use warnings;
use HTTP::Tiny;
use POSIX ();
use Test::More;
use Time::HiRes qw(time sleep);
our $killed_at;

my $dir = $ENV{GAZETTE_CLUSTER_DIR}
    or plan skip_all => 'runs in the cluster made by make test-cluster (scripts/cluster test)';
my $top = $ENV{GAZETTE_TOP} // '.';
my $cluster = "$top/scripts/cluster";
my %env;
open(my $ef, '<', "$dir/env") or die "$dir/env: $!";
while (<$ef>) { chomp; $env{$1} = $2 if /^(\w+)=(.*)$/ }
close($ef);
$ENV{PGPASSFILE} = $env{CLUSTER_PGPASSFILE} if $env{CLUSTER_PGPASSFILE};
my $apps = -e "$dir/app1/gazette.pid";
my $SECONDS = $ENV{GAZETTE_CLUSTER_SECONDS} // 80;	# the run's length
my $WRITERS = 4;
my $READERS = 3;
my $out = "$dir/test";
mkdir $out;

sub cluster {
	my @cmd = ($cluster, @_);
	my $res = qx{@cmd 2>&1};
	chomp $res;
	return ($? >> 8, $res);
}
sub sql {
	my ($q) = @_;
	open(my $fh, '-|', '/usr/lib/postgresql/15/bin/psql', '-X', '-q', '-A', '-t',
	    '-v', 'ON_ERROR_STOP=1', $env{CLUSTER_CONNINFO}, '-c', $q) or die "psql: $!";
	my @rows = <$fh>;
	close($fh);
	die "psql failed: $q\n" if $?;
	chomp @rows;
	return @rows;
}
sub slurp { open(my $f, '<', $_[0]) or return ''; local $/; my $s = <$f>; return $s }
sub leader { my ($rc, $l) = cluster('leader'); return $rc ? undef : $l }

my $t0 = time;
my $Origin = $env{CLUSTER_BASE};
my @node = ($env{CLUSTER_APP1}, $env{CLUSTER_APP2});
my $front = $env{CLUSTER_FRONT};

# ---- What the writers write to ----------------------------------------

my (@articles, $hot, $changed, %f);
if ($apps) {
	my @slugs = sql("SELECT slug FROM articles WHERE status = 'published' ORDER BY id");
	cmp_ok(scalar @slugs, '>=', 4, 'the sample articles are in the database');
	# Writers comment on the first articles; the hot page is another one,
	# which no writer touches (every write purges the front page).
	@articles = @slugs[0 .. 1];
	$hot = "/articles/$slugs[2]";
	$changed = "/articles/$slugs[3]";
} else {
	sql('CREATE TABLE IF NOT EXISTS probe (id bigserial PRIMARY KEY, k text NOT NULL, at timestamptz DEFAULT now())');
}

# A comment form's token for each article, from a node (any will do:
# the key is in the database, shared by both app servers).
my %token;
if ($apps) {
	my $http = HTTP::Tiny->new(timeout => 10);
	for my $slug (@articles, ($changed =~ m{([^/]+)$})[0]) {
		my $res = $http->get("$node[0]/articles/$slug/comments");
		($token{$slug}) = ($res->{content} // '') =~ /<input type="hidden" name="token" value="([^"]+)">/;
		ok($token{$slug}, "a comment form for $slug") or diag("$res->{status} $res->{content}");
	}
}

# One comment, retried (the same text: the app stores a repeat once) on
# the other node until it is acknowledged (303) or the deadline.
# Returns the final answer's line.
sub post_comment {
	my ($http, $first, $slug, $body, $deadline) = @_;
	my $i = $first;
	my $last = '';
	while (time < $deadline) {
		my $sent = time;
		my $res = $http->request('POST', "$node[$i]/articles/$slug/comments", {
		    headers => { 'Content-Type' => 'application/x-www-form-urlencoded', Origin => $Origin },
		    content => $http->www_form_urlencode({ token => $token{$slug}, name => 'Cluster', body => $body }) });
		if ($res->{status} == 303 && ($res->{headers}{location} // '') =~ /#comment-(\d+)$/) {
			return sprintf("ack %.3f %s %d %.3f %s\n", time, $1, $i + 1, $sent, $body);
		}
		$last = "$res->{status}";
		# 503 says when to try again; anything else: the other node.
		my $ra = $res->{headers}{'retry-after'};
		$i = 1 - $i unless $res->{status} == 503;
		sleep($res->{status} == 503 && $ra && $ra =~ /^\d+$/ ? ($ra > 1 ? 1 : $ra) : 0.2);
	}
	return sprintf("fail %.3f %s %s\n", time, $last, $body);
}

sub insert_row {
	my ($key, $deadline) = @_;
	while (time < $deadline) {
		my $sent = time;
		my $q = "INSERT INTO probe (k) SELECT '$key' WHERE NOT EXISTS (SELECT 1 FROM probe WHERE k = '$key') ; SELECT '$key'";
		my $got = qx{/usr/lib/postgresql/15/bin/psql -X -q -A -t "$env{CLUSTER_CONNINFO}" -c "$q" 2>/dev/null};
		chomp $got;
		return sprintf("ack %.3f 0 0 %.3f %s\n", time, $sent, $key) if $? == 0 && $got eq $key;
		sleep(0.2);
	}
	return sprintf("fail %.3f - %s\n", time, $key);
}

# ---- The clients --------------------------------------------------------

my $start = time + 1;
my $end = $start + $SECONDS;
my @kids;
for my $c (1 .. $WRITERS) {
	my $pid = fork() // die "fork: $!";
	if ($pid == 0) {
		open(my $fh, '>', "$out/writer-$c") or POSIX::_exit(2);
		$fh->autoflush(1);
		my $http = HTTP::Tiny->new(max_redirect => 0, timeout => 15, keep_alive => 1);
		sleep($start - time);
		my $n = 0;
		while (time < $end) {
			$n++;
			my $body = "cluster writer $c comment $n";
			if ($apps) {
				my $slug = $articles[$n % @articles];
				print $fh post_comment($http, $c % 2, $slug, $body, $end + 30);
			} else {
				print $fh insert_row("w$c-$n", $end + 30);
			}
		}
		close($fh);
		POSIX::_exit(0);
	}
	push @kids, $pid;
}
if ($apps) {
	for my $c (1 .. $READERS) {
		my $pid = fork() // die "fork: $!";
		if ($pid == 0) {
			open(my $fh, '>', "$out/reader-$c") or POSIX::_exit(2);
			my $http = HTTP::Tiny->new(max_redirect => 0, timeout => 15, keep_alive => 1);
			my @paths = ($hot, $hot, $hot, '/', $changed, "/articles/$articles[0]");
			sleep($start - time);
			my $i = 0;
			while (time < $end) {
				my $p = $paths[$i++ % @paths];
				my $res = $http->get("$front$p");
				printf $fh "%.3f %d %s %s\n", time, $res->{status}, $p,
				    $res->{headers}{'x-front-cache'} // '-';
				sleep(0.01);
			}
			close($fh);
			POSIX::_exit(0);
		}
		push @kids, $pid;
	}
}

# ---- The events -----------------------------------------------------------

my %ev;
sub at { my ($s) = @_; my $w = $start + $s - time; sleep($w) if $w > 0 }
sub note_event { my ($what) = @_; $ev{$what} = time - $start; diag(sprintf('%5.1f s: %s', $ev{$what}, $what)) }

at(10);
my $old = leader() // '';
ok($old, "a primary before: $old");
my ($rc, $msg) = cluster('kill', $dir, $old);
$killed_at = time;	# a write sent after this met no primary
is($rc, 0, "the primary's machine dies: every process of $old killed at once");
note_event("$old killed");
my $new;
for (1 .. 600) {
	my $l = leader();
	if ($l && $l ne $old) { $new = $l; last }
	sleep(0.1);
}
ok($new, 'Patroni promoted a standby: ' . ($new // 'none'));
note_event("$new is the primary") if $new;

if ($apps) {
	at(32);
	($rc) = cluster('kill-app', $dir, 1);
	is($rc, 0, 'app server 1 killed (SIGKILL)');
	note_event('app server 1 killed');
	at(42);
	($rc, $msg) = cluster('start-app', $dir, 1);
	is($rc, 0, 'app server 1 started again') or diag($msg);
	note_event('app server 1 back');

	# Cache node 2 dies; a page changes meanwhile; it comes back.
	at(50);
	($rc) = cluster('kill-cache', $dir, 2);
	is($rc, 0, 'cache node 2 killed (SIGKILL of its nginx)');
	note_event('cache node 2 killed');
	my $http = HTTP::Tiny->new(max_redirect => 0, timeout => 15);
	my ($cslug) = $changed =~ m{([^/]+)$};
	my $mark = "Changed while cache node 2 was down " . int(time);
	my $line = post_comment($http, 0, $cslug, $mark, time + 20);
	like($line, qr/^ack/, 'a comment on another page while node 2 is down');
	note_event('page changed');
	my $n2 = $node[1] =~ s{^http://([^:/]+).*}{$1}r;
	my $waiting_sql = "SELECT count(*) FROM purge_outbox o JOIN purge_nodes n ON o.id > n.acked WHERE n.node LIKE '%$n2:8081%'";
	my ($waiting) = sql($waiting_sql);
	cmp_ok($waiting, '>', 0, "node 2's purges wait in the outbox ($waiting)");
	# (Writers go on writing: what must reach node 2 is what waited
	# when it returned.)
	at(58);
	my ($upto) = sql('SELECT max(id) FROM purge_outbox');
	my $acked_sql = "SELECT acked FROM purge_nodes WHERE node LIKE '%$n2:8081%'";
	($rc, $msg) = cluster('start-cache', $dir, 2);
	is($rc, 0, 'cache node 2 started again') or diag($msg);
	note_event('cache node 2 back');
	my $t = time;
	sleep(0.2) while (sql($acked_sql))[0] < $upto && time - $t < 10;
	cmp_ok((sql($acked_sql))[0], '>=', $upto, sprintf("node 2's waiting purges reached it (%.1f s after its return)", time - $t));
	$f{purged_after} = time - $t;
	# With app server 2 down, node 2 can only answer from what it holds:
	# never the page from before the change.
	($rc) = cluster('kill-app', $dir, 2);
	sleep(2.1);
	my $res = $http->get("$node[1]$changed");
	ok($res->{status} != 200 || $res->{content} =~ /\Q$mark\E/,
	    "app 2 down: node 2 does not serve the page from before the change ($res->{status} " . ($res->{headers}{'x-cache'} // '-') . ')');
	($rc, $msg) = cluster('start-app', $dir, 2);
	is($rc, 0, 'app server 2 started again') or diag($msg);
	note_event('app server 2 killed and started again');
}

# The dead machine comes back: its Patroni starts again, and the old
# primary rejoins as a standby of the new one (pg_rewind).
at(66);
($rc, $msg) = cluster('start-db', $dir, $old);
is($rc, 0, "$old started again") or diag($msg);
note_event("$old started again");

# ---- The count ----------------------------------------------------------

waitpid($_, 0) for @kids;
my $rest = "http://$env{CLUSTER_NET}." . (10 + substr($old, 2)) . ':8008/replica';
my $t = time;
sleep(0.5) until HTTP::Tiny->new(timeout => 2)->get($rest)->{status} == 200 || time - $t > 40;
is(HTTP::Tiny->new(timeout => 2)->get($rest)->{status}, 200, "$old is a standby again");
note_event("$old is a standby");
my (%acked, @ack_times, $failed, $resumed);
for my $c (1 .. $WRITERS) {
	for (split /\n/, slurp("$out/writer-$c")) {
		if (/^ack (\S+) (\d+) (\d+) (\S+) (.*)$/) {
			$acked{$5} = $2;
			push @ack_times, $1;
			# The first write sent after the primary died and
			# acknowledged: when writes worked again.
			$resumed = $1 if $4 >= $killed_at && (!defined $resumed || $1 < $resumed);
		} elsif (/^fail/) {
			$failed++;
		}
	}
}
my @stored = $apps
    ? sql("SELECT body FROM comments WHERE author = 'Cluster' AND body LIKE 'cluster writer %'")
    : sql('SELECT k FROM probe');
my %count;
$count{$_}++ for @stored;
my @lost = grep { !$count{$_} } keys %acked;
my @dup = grep { $count{$_} > 1 } keys %count;
@ack_times = sort { $a <=> $b } @ack_times;
my ($gap, $gap_at) = (0, 0);
for my $i (1 .. $#ack_times) {
	my $d = $ack_times[$i] - $ack_times[$i - 1];
	($gap, $gap_at) = ($d, $ack_times[$i - 1] - $start) if $d > $gap;
}
$f{acked} = scalar keys %acked;
$f{lost} = scalar @lost;
$f{duplicated} = scalar @dup;
$f{unanswered} = $failed // 0;
$f{rate} = $f{acked} / $SECONDS;
diag(sprintf('writes: %d acknowledged (%.0f/s), %d given up; lost %d, stored twice %d',
    $f{acked}, $f{rate}, $f{unanswered}, $f{lost}, $f{duplicated}));
my $outage = defined $resumed ? $resumed - $killed_at : -1;
diag(sprintf('writes stopped %.1f s: from the primary\'s death (%.1f s) to the first write sent after it acknowledged',
    $outage, $killed_at - $start));
diag(sprintf('longest time between two acknowledgements: %.1f s (from %.1f s)', $gap, $gap_at));
cmp_ok($f{acked}, '>', $apps ? 100 : 20, 'writes were acknowledged');
is($f{lost}, 0, 'no acknowledged write lost (checked on the new primary)') or diag("lost: @lost[0 .. ($#lost > 9 ? 9 : $#lost)]");
is($f{duplicated}, 0, 'no write stored twice') or diag("twice: @dup[0 .. ($#dup > 9 ? 9 : $#dup)]");
ok($outage >= 0 && $outage < 30, 'writes resumed within 30 s of the primary\'s death');

if ($apps) {
	my ($reads, @bad, %bad_by, $hot_reads) = (0);
	for my $c (1 .. $READERS) {
		for (split /\n/, slurp("$out/reader-$c")) {
			my ($t, $st, $p, $fc) = split / /;
			$reads++;
			$hot_reads++ if $p eq $hot;
			if ($st != 200) { push @bad, $_; $bad_by{"$st $p"}++ }
		}
	}
	diag(sprintf('readers: %d answers through the front (%.0f/s), %d not 200', $reads, $reads / $SECONDS, scalar @bad));
	diag("  $_: $bad_by{$_}") for sort keys %bad_by;
	is(scalar @bad, 0, 'every reader got 200') or diag(join "\n", @bad[0 .. ($#bad > 9 ? 9 : $#bad)]);

	# The hot page: the requests that reached an app server (the cache
	# nodes' origin logs: an upstream address) against the readers'.
	my $origin = 0;
	for my $i (1, 2) {
		for (split /\n/, slurp("$dir/app$i/origin.log")) {
			my ($t, $st, $cs, $up, $m, $uri) = /^(\S+) (\d+) (\S+) (\S+) "(\S+) (\S+)"/ or next;
			next unless $uri eq $hot && $t >= $start && $t <= $end;
			$origin++ if $up ne '-';
		}
	}
	my ($crate, $orate) = ($hot_reads / $SECONDS, $origin / $SECONDS);
	diag(sprintf('hot page %s: readers %.1f requests/s, app servers %.2f requests/s', $hot, $crate, $orate));
	cmp_ok($orate, '<=', 6, 'the app servers see a few requests a second of the hot page, whatever the readers ask');
	cmp_ok($crate, '>', 3 * $orate, 'the readers ask for it many times more');
	$f{reads} = $reads; $f{bad} = scalar @bad; $f{hot_client} = $crate; $f{hot_origin} = $orate;
}
$f{gap} = $gap;
$f{outage} = $outage;
$f{failover} = $ev{"$new is the primary"} && $ev{"$old killed"} ? $ev{"$new is the primary"} - $ev{"$old killed"} : -1;
diag(sprintf('promotion seen %.1f s after the kill', $f{failover}));
open(my $fj, '>', "$dir/figures") or die;
print $fj map { "$_ $f{$_}\n" } sort keys %f;
close($fj);
done_testing();

package GazetteTest;

# GazetteTest: start the real app behind the real nginx (the project's
# own config) on free loopback ports, in a temporary directory, and talk
# to it.  Every process started here is stopped when the object goes
# away, even if the test dies.
#
#   use lib 't/lib';
#   use GazetteTest;
#   my $g = GazetteTest->new(samples => 1);      # migrate, import samples
#   my $res = $g->get('/');                      # HTTP::Tiny response
#   my $rows = $g->sql('SELECT count(*) AS n FROM articles');
#
# Options: env => { GAZETTE_* => ... } for the app, samples => 1 to load
# samples/*.txt, import => [files].  nginx runs as `make run` runs it,
# with its microcache on and the app purging it after every write;
# microcache => 0 turns the cache off, for a test that says why.
# cache_nodes => N starts N - 1 more nginx caches in front of the same
# app, each with its own port and cache, all purged by the app (see
# node_get, stop_node, start_node).  nginx_user => 'www-data' runs
# nginx's workers as that user (as Debian's nginx does; the folder is
# then opened to them), app => sub { my ($g) = @_; return @command } to
# start the app with a command of the test's own (e.g.
# systemd-socket-activate ... gazette serve) instead of `gazette serve`,
# cgi => 1 (or GAZETTE_CGI=1 in the environment) to run the app as a
# CGI program under Debian's fcgiwrap instead: the socket is then
# fcgiwrap's, which starts the app for every request, its settings in
# a configuration file made from env.
#
# PostgreSQL (make test-pg): when GAZETTE_TEST_PG holds the libpq
# conninfo of a private cluster (scripts/pg-cluster), each instance gets
# a fresh database of its own there, made here and dropped when the
# instance goes away, and GAZETTE_DB names it (the conninfo with its
# dbname) instead of a SQLite file.  sql(), sql_value(), sql_write() and
# fingerprint() then run through psql; GazetteTest::pg() says which
# backend runs, for the few checks that differ.

use strict;
use warnings;
use Cwd qw(abs_path);
use File::Temp qw(tempdir);
use HTTP::Tiny;
use IO::Socket::INET;
use IO::Select;
use JSON::PP;
use POSIX qw(:sys_wait_h);
use Test::More;
use Time::HiRes qw(sleep time);

our $TOP = abs_path(__FILE__) =~ s{/t/lib/GazetteTest\.pm$}{}r;
our $BIN = abs_path($ENV{GAZETTE_BIN} || "$TOP/build/gazette");
our $PG = $ENV{GAZETTE_TEST_PG} // '';

# 1 when the suite runs on PostgreSQL (GAZETTE_TEST_PG set).
sub pg { $PG ne '' }

# The conninfo of database $name in the test cluster.
sub pg_conninfo {
	my ($name) = @_;
	return ($PG =~ s/(^|\s)dbname=\S*//r) . " dbname=$name";
}

# psql on the test cluster's database $name (postgres: the maintenance
# one), quiet, unaligned, stopping at the first error.
sub psql_cmd {
	my ($name, @args) = @_;
	return ('psql', '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1',
	    '-d', pg_conninfo($name // 'postgres'), @args);
}

# A fresh, empty database in the test cluster; returns its name.
my $pg_databases = 0;
sub pg_create_database {
	my $name = sprintf('gazette_test_%d_%d_%04x', $$, ++$pg_databases,
	    int(rand(65536)));
	system(psql_cmd('postgres', '-c', "CREATE DATABASE $name")) == 0
	    or die "cannot create the database $name in $PG";
	return $name;
}

sub pg_drop_database {
	my ($name) = @_;
	system(psql_cmd('postgres', '-c',
	    "DROP DATABASE IF EXISTS $name WITH (FORCE)")) == 0
	    or warn "cannot drop the database $name\n";
}

sub free_port {
	my $s = IO::Socket::INET->new(Listen => 1, LocalAddr => '127.0.0.1',
	    LocalPort => 0, Proto => 'tcp') or die "no free port: $!";
	my $port = $s->sockport;
	close($s);
	return $port;
}

sub new {
	my ($class, %opt) = @_;
	$opt{cgi} //= $ENV{GAZETTE_CGI};
	my $self = bless { opt => \%opt, pids => {} }, $class;
	$self->{dir} = tempdir('gazette-test-XXXXXX', TMPDIR => 1,
	    CLEANUP => !$ENV{GAZETTE_KEEP});
	$self->{port} = free_port();
	$self->{sock} = "$self->{dir}/app.sock";
	if (pg()) {
		$self->{pg_db} = pg_create_database();
		$self->{pg_owner} = $$;
		$self->{db} = pg_conninfo($self->{pg_db});
	} else {
		$self->{db} = "$self->{dir}/gazette.db";
	}
	$self->{base} = "http://127.0.0.1:$self->{port}";
	$self->{env} = {
		GAZETTE_DB => $self->{db},
		GAZETTE_SOCKET => $self->{sock},
		GAZETTE_BASE_URL => $self->{base},
		GAZETTE_TEMPLATES => "$TOP/templates",
		GAZETTE_STATIC => "$TOP/static",
		GAZETTE_MEDIA => "$self->{dir}/media",
		GAZETTE_THREADS => 2,
		# sql_write() changes the database behind the app's back:
		# have the app look for such writes on every request.
		GAZETTE_RECHECK_MS => 0,
		# The app purges nginx's cache after each write, as make run
		# has it do.
		GAZETTE_PURGE => "unix:$self->{dir}/nginx-purge.sock",
		%{ $opt{env} || {} },
	};
	for my $i (2 .. ($opt{cache_nodes} // 1)) {
		my $node = { dir => "$self->{dir}/node$i", port => free_port() };
		mkdir($node->{dir}) or die "mkdir: $!";
		$self->{nodes}[$i] = $node;
		$self->{env}{GAZETTE_PURGE} .= ",unix:$node->{dir}/nginx-purge.sock";
	}
	$self->{http} = HTTP::Tiny->new(max_redirect => 0, timeout => 30,
	    agent => 'gazette-test');
	$self->cli_ok('migrate');
	# The samples as make run loads them: spread over the past hours.
	$self->cli_ok('import', '--spread', 3600, sort glob("$TOP/samples/*.txt")) if $opt{samples};
	$self->cli_ok('import', @{ $opt{import} }) if $opt{import} && @{ $opt{import} };
	$self->start;
	return $self;
}

sub url { my ($self, $path) = @_; return $self->{base} . ($path // '/') }
sub dir { $_[0]{dir} }
sub db { $_[0]{db} }
sub port { $_[0]{port} }

# Run build/gazette with the instance's settings.  Returns (exit status,
# stdout, stderr).  Input, if given, goes to its standard input.
sub cli {
	my ($self, @args) = @_;
	my $input = ref $args[-1] eq 'SCALAR' ? ${ pop @args } : undef;
	my ($out, $err) = ("$self->{dir}/cli.out", "$self->{dir}/cli.err");
	my $pid = fork() // die "fork: $!";
	if ($pid == 0) {
		%ENV = (%ENV, %{ $self->{env} });
		open(STDOUT, '>', $out) or die;
		open(STDERR, '>', $err) or die;
		if (defined $input) {
			open(my $in, '>:raw', "$self->{dir}/cli.in") or die;
			print $in $input;
			close($in);
			open(STDIN, '<', "$self->{dir}/cli.in") or die;
		} else {
			open(STDIN, '<', '/dev/null') or die;
		}
		exec($BIN, @args) or die "exec $BIN: $!";
	}
	waitpid($pid, 0);
	my $rc = $? >> 8;
	my $errtext = slurp($err);
	# Sanitizer builds: a report fails the test even when the command
	# was expected to fail (ASan's exit status 1 is import's too).
	if ($errtext =~ /(ERROR: AddressSanitizer|runtime error:|ERROR: LeakSanitizer)/) {
		fail("sanitizer report from gazette @args");
		diag($errtext =~ s/^(.{0,4000}).*/$1/sr);
	}
	return ($rc, slurp($out), $errtext);
}

sub cli_ok {
	my ($self, @args) = @_;
	my ($rc, $out, $err) = $self->cli(@args);
	die "gazette @args failed ($rc): $err" if $rc != 0;
	return $out;
}

sub slurp {
	my ($path) = @_;
	open(my $fh, '<:raw', $path) or return '';
	local $/;
	return scalar <$fh>;
}

sub spawn {
	my ($self, $name, $log, @cmd) = @_;
	my $pid = fork() // die "fork: $!";
	if ($pid == 0) {
		# fcgiwrap's workers are processes of their own: in a group
		# of theirs, stop_app() stops them all.
		POSIX::setpgid(0, 0) if $self->{opt}{cgi} && $name eq 'app';
		%ENV = (%ENV, %{ $self->{env} });
		open(STDIN, '<', '/dev/null');
		open(STDOUT, '>>', $log) or die;
		open(STDERR, '>>', $log) or die;
		exec(@cmd) or die "exec $cmd[0]: $!";
	}
	$self->{pids}{$name} = $pid;
}

# Start (or restart) the app, and nginx if it is not running.
sub start {
	my ($self) = @_;
	local $ENV{GAZETTE_NGINX_CACHE} =
	    ($self->{opt}{microcache} // 1) ? 'on' : 'off';
	local $ENV{GAZETTE_NGINX_RATE} = $self->{opt}{nginx_rate} // 'off';
	# Nginx sends HSTS for an https site.
	local $ENV{GAZETTE_BASE_URL} = $self->{env}{GAZETTE_BASE_URL};
	# nginx serves the app's photographs folder.
	local $ENV{GAZETTE_MEDIA} = $self->{env}{GAZETTE_MEDIA};
	local $ENV{GAZETTE_NGINX_USER} = $self->{opt}{nginx_user} // '';
	local $ENV{GAZETTE_NGINX_CGI} = $self->{opt}{cgi} ? $BIN : '';
	local $ENV{GAZETTE_NGINX_CGI_CONFIG} = "$self->{dir}/cgi.conf";
	chmod(0755, $self->{dir}) if $self->{opt}{nginx_user};
	$self->start_app;
	unless ($self->{pids}{nginx}) {
		system("$TOP/scripts/nginx-conf", $self->{dir}, $self->{port},
		    $self->{sock}) == 0 or die "nginx-conf failed";
		$self->spawn('nginx', "$self->{dir}/nginx.log", 'nginx', '-p',
		    $self->{dir}, '-c', "$self->{dir}/nginx.conf");
	}
	$self->wait_ready;
	$self->start_node($_) for grep { $self->{nodes}[$_] } 2 .. $#{ $self->{nodes} || [] };
}

# The extra caches (cache_nodes => N): node i's URL for path, a GET
# through it, and stopping and starting its nginx (its cache stays on
# disk, as a restarted machine's would).
sub node_url {
	my ($self, $i, $path) = @_;
	return $i == 1 ? $self->url($path) :
	    "http://127.0.0.1:$self->{nodes}[$i]{port}" . ($path // '/');
}

sub node_get {
	my ($self, $i, $path) = @_;
	return $self->{http}->get($self->node_url($i, $path));
}

sub start_node {
	my ($self, $i) = @_;
	my $node = $self->{nodes}[$i];
	return if $self->{pids}{"nginx$i"};
	local $ENV{GAZETTE_NGINX_CACHE} = 'on';
	local $ENV{GAZETTE_NGINX_RATE} = 'off';
	local $ENV{GAZETTE_BASE_URL} = $self->{env}{GAZETTE_BASE_URL};
	local $ENV{GAZETTE_MEDIA} = $self->{env}{GAZETTE_MEDIA};
	# The site's name is the base URL's host, whatever the port.
	local $ENV{GAZETTE_SERVER_NAME} = '127.0.0.1';
	system("$TOP/scripts/nginx-conf", $node->{dir}, $node->{port},
	    $self->{sock}) == 0 or die "nginx-conf failed";
	$self->spawn("nginx$i", "$node->{dir}/nginx.log", 'nginx', '-p',
	    $node->{dir}, '-c', "$node->{dir}/nginx.conf");
	my $t = time;
	until (-S "$node->{dir}/nginx-purge.sock" && $self->node_get($i, '/robots-ready-check')->{status} == 404) {
		die "node $i did not start:\n" . slurp("$node->{dir}/nginx.log") if time - $t > 20;
		sleep(0.05);
	}
}

sub stop_node {
	my ($self, $i) = @_;
	my $pid = delete $self->{pids}{"nginx$i"} or return;
	kill('QUIT', $pid);
	waitpid($pid, 0);
	# nginx leaves its unix sockets behind when it quits.
	unlink("$self->{nodes}[$i]{dir}/nginx-purge.sock");
}

# 1 if the app runs as a CGI program (see cgi above).
sub cgi { $_[0]{opt}{cgi} }

sub start_app {
	my ($self) = @_;
	unlink($self->{sock});
	my @cmd = $self->{opt}{app} ? $self->{opt}{app}->($self) : ($BIN, 'serve');
	if ($self->{opt}{cgi}) {
		open(my $fh, '>', "$self->{dir}/cgi.conf") or die;
		print $fh "$_=$self->{env}{$_}\n" for sort keys %{ $self->{env} };
		close($fh);
		# One fcgiwrap process, which starts and reaps the app for each
		# request (with -c N its N workers would outlive it).
		@cmd = ('/usr/sbin/fcgiwrap', '-c', 1, '-s', "unix:$self->{sock}");
	}
	$self->spawn('app', "$self->{dir}/app.log", @cmd);
	my $t = time;
	until (-S $self->{sock}) {
		die "the app did not start:\n" . slurp("$self->{dir}/app.log")
		    if time - $t > 20 || waitpid($self->{pids}{app}, WNOHANG) > 0;
		sleep(0.02);
	}
}

sub wait_ready {
	my ($self) = @_;
	my $t = time;
	while (time - $t < 20) {
		my $res = $self->{http}->get($self->url('/robots-ready-check'));
		return if $res->{status} == 404 || $res->{status} == 200;
		sleep(0.05);
	}
	die "nginx did not answer:\n" . slurp("$self->{dir}/nginx.log");
}

# Stop the app: TERM (clean) or KILL.  Returns its exit status.
sub stop_app {
	my ($self, $sig) = @_;
	my $pid = delete $self->{pids}{app} or return;
	kill($sig // 'TERM', $pid);
	waitpid($pid, 0);
	my $status = $?;
	kill('TERM', -$pid) if $self->{opt}{cgi};
	return $status;
}

sub restart_app {
	my ($self, $sig) = @_;
	$self->stop_app($sig);
	$self->start_app;
}

sub app_log { slurp("$_[0]{dir}/app.log") }

sub stop {
	my ($self) = @_;
	return if $self->{stopped}++;
	my $status = $self->stop_app('TERM');
	for my $name (grep { /^nginx/ } keys %{ $self->{pids} }) {
		my $pid = delete $self->{pids}{$name};
		kill('QUIT', $pid);
		waitpid($pid, 0);
	}
	# The test's PostgreSQL database goes with it (not from a forked
	# child, and not with GAZETTE_KEEP).
	if ($self->{pg_db} && $self->{pg_owner} == $$ && !$ENV{GAZETTE_KEEP}) {
		pg_drop_database($_) for $self->{pg_db}, @{ $self->{pg_more} || [] };
	}
	# Sanitizer builds: any report in the app's log fails the test.
	my $log = $self->app_log;
	if ($log =~ /(ERROR: AddressSanitizer|runtime error:|ERROR: LeakSanitizer)/) {
		fail("sanitizer report in the app's log");
		diag($log =~ s/^(.{0,4000}).*/$1/sr);
	}
	return $status;
}

sub DESTROY { $_[0]->stop }

# HTTP.  Every call returns HTTP::Tiny's response hash.
sub get {
	my ($self, $path, $headers) = @_;
	return $self->{http}->get($self->url($path), { headers => $headers || {} });
}

sub head {
	my ($self, $path, $headers) = @_;
	return $self->{http}->head($self->url($path), { headers => $headers || {} });
}

sub request {
	my ($self, $method, $path, $args) = @_;
	return $self->{http}->request($method, $self->url($path), $args || {});
}

# POST a form, with an Origin of this site unless headers say otherwise.
sub post {
	my ($self, $path, $form, $headers) = @_;
	my @pairs = ref $form eq 'HASH' ? map { ($_, $form->{$_}) } sort keys %$form : @$form;
	my $body = $self->{http}->www_form_urlencode(\@pairs);
	return $self->{http}->request('POST', $self->url($path), {
	    headers => { 'Content-Type' => 'application/x-www-form-urlencoded',
	        Origin => $self->{base}, %{ $headers || {} } },
	    content => $body });
}

# POST a form whose values are byte strings sent exactly as given
# (HTTP::Tiny's encoder would encode them as UTF-8 once more): for
# tests of malformed UTF-8 and of non-ASCII text written in a test
# without `use utf8`.
sub post_bytes {
	my ($self, $path, $form, $headers) = @_;
	my @pairs = ref $form eq 'HASH' ? map { ($_, $form->{$_}) } sort keys %$form : @$form;
	my @enc;
	while (my ($k, $v) = splice(@pairs, 0, 2)) {
		push @enc, join('=', map { my $s = $_ // ''; utf8::downgrade($s);
		    $s =~ s/([^A-Za-z0-9\-._~ ])/sprintf('%%%02X', ord $1)/ge; $s =~ tr/ /+/; $s } $k, $v);
	}
	return $self->{http}->request('POST', $self->url($path), {
	    headers => { 'Content-Type' => 'application/x-www-form-urlencoded',
	        Origin => $self->{base}, %{ $headers || {} } },
	    content => join('&', @enc) });
}

# Rows of a query on the instance's database, as hashes.
#
# On PostgreSQL the query runs through psql: one query (SELECT, WITH,
# VALUES, or a statement with RETURNING) gives its rows as on SQLite,
# through json_agg; other statements, or several separated by ';', run
# as they are and give [].  (A column without an alias is named by
# PostgreSQL's rules: count(*) is "count".)
sub sql {
	my ($self, $query, @bind) = @_;
	die "sql(): bind values are not supported; use literals from the test"
	    if @bind;
	return $self->pg_sql($query) if $self->{pg_db};
	open(my $fh, '-|', 'sqlite3', '-json', '-cmd', '.timeout 5000', $self->{db}, $query)
	    or die "sqlite3: $!";
	local $/;
	my $json = <$fh>;
	close($fh);
	return [] unless defined $json && $json =~ /\S/;
	return JSON::PP->new->utf8->decode($json);
}

sub pg_sql {
	my ($self, $query) = @_;
	my $q = $query =~ s/;\s*\z//r;
	my $rows = 0;
	if ($q !~ /;/) {
		if ($q =~ /^\s*(SELECT|WITH|VALUES)\b/i && $q !~ /\)\s*(INSERT|UPDATE|DELETE)\b/i) {
			$q = "SELECT coalesce(json_agg(q), '[]') FROM ($q) q";
			$rows = 1;
		} elsif ($q =~ /\bRETURNING\b/i) {
			$q = "WITH q AS ($q) SELECT coalesce(json_agg(q), '[]') FROM q";
			$rows = 1;
		}
	}
	open(my $fh, '-|', psql_cmd($self->{pg_db}, '-c', $q))
	    or die "psql: $!";
	local $/;
	my $json = <$fh>;
	close($fh);
	return [] unless $rows && $? == 0 && defined $json && $json =~ /\S/;
	return JSON::PP->new->utf8->decode($json);
}

# Run SQL of the test's own (a file's worth: several statements, psql's
# meta-commands on PostgreSQL) on the instance's database, through
# sqlite3 or psql.  Returns the tool's exit status (0: it all ran).
sub sql_script {
	my ($self, $sql) = @_;
	my @cmd = $self->{pg_db} ? psql_cmd($self->{pg_db}, '-f', '-')
	    : ('sqlite3', '-bail', '-cmd', '.timeout 5000', $self->{db});
	open(my $fh, '|-', @cmd) or die "$cmd[0]: $!";
	print $fh $sql;
	close($fh);
	return $? >> 8;
}

# The few places where a test's SQL differs between the backends.
# hex_sql(EXPR): a blob as upper-case hex, as SQLite's hex() gives it.
sub hex_sql {
	my ($self, $expr) = @_;
	return $self->{pg_db} ? "upper(encode($expr, 'hex'))" : "hex($expr)";
}

# list_sql(EXPR[, SEP]): the values of EXPR in a group joined with
# SEP (','), in the order the rows come.
sub list_sql {
	my ($self, $expr, $sep) = @_;
	$sep //= ',';
	return $self->{pg_db} ? "string_agg(($expr)::text, '$sep')"
	    : "group_concat($expr, '$sep')";
}

# match_sql(WORDS): the condition on articles_fts that finds WORDS.
sub match_sql {
	my ($self, $words) = @_;
	return $self->{pg_db} ? "search @@ plainto_tsquery('news', '$words')"
	    : "articles_fts MATCH '$words'";
}

# Another database beside the instance's, for a test that fills more
# than one: a file in its folder, or a fresh database in the test
# cluster, dropped with the instance.  Returns what GAZETTE_DB takes.
sub new_db {
	my ($self, $name) = @_;
	return "$self->{dir}/$name.db" unless $self->{pg_db};
	my $db = pg_create_database();
	push @{ $self->{pg_more} }, $db;
	return pg_conninfo($db);
}

# The text that sqlite3 or psql prints for SQL (statements separated by
# ';') run on a database named as GAZETTE_DB names it.  Dies on error.
sub db_text {
	my ($db, $sql) = @_;
	my @cmd = $db =~ /^postgres(ql)?:|=/
	    ? ('psql', '-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', $db, '-c', $sql)
	    : ('sqlite3', '-bail', $db, $sql);
	open(my $fh, '-|', @cmd) or die "$cmd[0]: $!";
	binmode($fh);
	local $/;
	my $text = <$fh> // '';
	close($fh);
	die "$cmd[0] failed ($?)" if $?;
	return $text;
}

# fts_key(): the search index's column that holds the article's id.
sub fts_key { $_[0]{pg_db} ? 'id' : 'rowid' }

# Everything the database holds, as bytes: the SQLite file and its
# write-ahead log, or a pg_dump of the PostgreSQL database (for tests
# that look for what must never be stored).
sub db_bytes {
	my ($self) = @_;
	return slurp($self->{db}) . slurp("$self->{db}-wal") unless $self->{pg_db};
	open(my $fh, '-|', 'pg_dump', '-d', $self->{db}) or die "pg_dump: $!";
	binmode($fh);
	local $/;
	my $dump = <$fh> // '';
	close($fh);
	die "pg_dump failed ($?)" if $?;
	return $dump;
}

# Change the database behind the app's back (tests only): the statement
# runs in a transaction that also moves the store's generation, as the
# app's own writes do, so that validators and caches notice.
#
# Like a write from another process (the command line), it puts its
# purges in the outbox, and the app's purge thread sends them within
# half a second; sql_write() waits for that.  Not knowing what the
# statement changed, it names every article, tag and author.  Pages that no
# purge names (a search, an older listing page) may still be served from
# nginx's microcache for up to two seconds: wait_expired() waits that.
sub sql_write {
	my ($self, $stmt) = @_;
	my $now = int(time);
	my $begin = $self->{pg_db} ? 'BEGIN' : 'BEGIN IMMEDIATE';
	my $r = $self->sql("$begin; $stmt; "
	    . "INSERT INTO purge_outbox (kind, slug, ref, at, created_at) "
	    . "SELECT 'article', slug, id, published_at, $now FROM articles "
	    . "UNION ALL SELECT 'article', slug, article_id, NULL, $now FROM article_slugs "
	    . "UNION ALL SELECT 'tag', slug, id, NULL, $now FROM tags "
	    . "UNION ALL SELECT 'tag', slug, tag_id, NULL, $now FROM tag_slugs "
	    . "UNION ALL SELECT 'author', slug, id, NULL, $now FROM users WHERE slug IS NOT NULL "
	    . "UNION ALL SELECT 'site', '', NULL, NULL, $now; "
	    . "UPDATE meta SET generation = generation + 1, changed_at = $now WHERE id = 1; COMMIT;");
	# A CGI site has no serving process to send another process's
	# purges: nginx's copies expire instead.
	if ($self->{opt}{cgi}) {
		$self->wait_expired;
	} else {
		$self->wait_purged;
	}
	return $r;
}

# Wait (up to 5 s) until every cache node has acknowledged every purge.
sub wait_purged {
	my ($self) = @_;
	my $t = time;
	while (time - $t < 5) {
		return 1 unless $self->sql_value('SELECT count(*) FROM purge_outbox o, purge_nodes n WHERE o.id > n.acked');
		sleep(0.05);
	}
	return 0;
}

# Wait until every copy in nginx's microcache made before now has
# expired: a copy lives one to two seconds.
sub wait_expired { sleep(2.1) }

# $g->check_write(T, NAME, WRITE, [PATH, IS_NEW, 'now' | 'bounded'] ...): run
# WRITE (which returns the writer's answer) while a reader watches the
# paths; then every answer to a request started after the writer's
# answer ('now') or T seconds later ('bounded') must be the new
# version.  The
# reader must have seen the old version before the write, unless a
# fourth element says it may not have.
sub check_write {
	my ($g, $T, $name, $write, @checks) = @_;
	my $bounded = grep { $_->[2] eq 'bounded' } @checks;
	my $stop = "$g->{dir}/watch.stop";
	unlink($stop);
	my $done = $g->watch(30, { stop => $stop, pause => 0.01 }, map { [ $_->[0], $_->[1] ] } @checks);
	sleep(0.6);
	my $t0 = time;
	my $answer = $write->();
	my $t1 = time;
	sleep($bounded ? $T + 0.5 : 1.0);
	open(my $fh, ">", $stop) or die "$stop: $!";
	close($fh);
	my $rows = $done->();
	for my $c (@checks) {
		my ($path, undef, $kind, $maybe_new_before) = @$c;
		my @mine = grep { $_->{path} eq $path } @$rows;
		my $limit = $kind eq 'now' ? $t1 : $t1 + $T;
		ok((grep { $_->{t} + 0.2 < $t0 && !$_->{new} } @mine),
		    "$name: $path: the reader had the old version before")
		    unless $maybe_new_before;
		my @late = grep { $_->{t} > $limit && !$_->{new} } @mine;
		is(scalar @late, 0, "$name: $path: no old version " . ($kind eq 'now' ?
		    'once the writer was answered' : "later than $T s after the write"))
		    or diag(sprintf("%d of %d answers old, the last %.2f s after the write (%s)",
		    scalar @late, scalar @mine, $late[-1]{t} - $t1, $late[-1]{cache}));
		ok((grep { $_->{t} > $limit && $_->{new} } @mine), "$name: $path: the new version shown");
	}
	return $answer;
}

# A reader in the background: a process that asks for each path of
# @checks in turn, over and over, for $secs seconds, through nginx (the
# first node, or node => I), and notes for each answer when the request
# started, its status, and what $check->($res) says of it (1: the new
# version).  Returns a sub that waits for the reader and gives the
# answers as hashes { t, path, status, new, cache }.  Options, in a hash
# first: node => I, pause => SECONDS between rounds, stop => FILE (the
# reader stops when FILE exists).
#
#   my $done = $g->watch(4, ['/', sub { $_[0]{content} =~ /Headline/ }]);
sub watch {
	my ($self, $secs, @checks) = @_;
	my %o = ref $checks[0] eq 'HASH' ? %{ shift @checks } : ();
	my $file = "$self->{dir}/watch." . ++$self->{watches};
	my $pid = fork() // die "fork: $!";
	if ($pid == 0) {
		my $http = HTTP::Tiny->new(max_redirect => 0, timeout => 10,
		    agent => 'gazette-test-reader');
		open(my $out, '>', $file) or POSIX::_exit(1);
		my $end = time + $secs;
		while (time < $end && !($o{stop} && -e $o{stop})) {
			for my $c (@checks) {
				my $t = time;
				my $res = $http->get($self->node_url($o{node} // 1, $c->[0]));
				printf $out "%.4f\t%s\t%d\t%d\t%s\n", $t, $c->[0],
				    $res->{status}, $c->[1]->($res) ? 1 : 0,
				    $res->{headers}{'x-cache'} // '-';
			}
			sleep($o{pause}) if $o{pause};
		}
		close($out);
		POSIX::_exit(0);
	}
	return sub {
		waitpid($pid, 0);
		open(my $in, '<', $file) or die "$file: $!";
		my @rows;
		while (<$in>) {
			chomp;
			my %r;
			@r{qw(t path status new cache)} = split /\t/;
			push @rows, \%r;
		}
		return \@rows;
	};
}

# The one value of a one-row, one-column query.
sub sql_value {
	my ($self, $query) = @_;
	my $rows = $self->sql($query);
	return undef unless @$rows;
	my ($v) = values %{ $rows->[0] };
	return $v;
}

# Comments.

# The comment form's token on the page at path (undef if no form).  An
# article's address stands for its comment page (GET <article>/comments),
# where the form is, made with a fresh token for each request.
sub form_token {
	my ($self, $path) = @_;
	$path =~ s{^(/articles/[^/?#]+)(?:[?#].*)?$}{$1/comments};
	my $res = $self->get($path);
	my ($tok) = $res->{content} =~ /<input type="hidden" name="token" value="([^"]+)">/;
	return $tok;
}

# A comment-form token for article id, signed as the app signs them
# (HMAC-SHA-512-256 with the key in the settings table) for time t:
# lets a test post a form of any age without waiting.
sub sign_form_token {
	my ($self, $id, $t) = @_;
	require Digest::SHA;
	require MIME::Base64;
	# The key is made once, at the app's first start: read it once.
	my $hex = $self->{form_key} //= $self->sql_value("SELECT value FROM settings WHERE key = 'comment_form_key'")
	    or die "no comment_form_key: has the app started?";
	my $mac = substr(Digest::SHA::hmac_sha512("comment:$id:$t", pack('H*', $hex)), 0, 32);
	return "$t." . MIME::Base64::encode_base64url($mac);
}

# Send a raw FastCGI request to the app's socket with cgi-fcgi (no
# nginx in between), for limits nginx would enforce first.  Returns the
# response's status, or undef if cgi-fcgi is missing.
sub fcgi_status {
	my ($self, $env, $body) = @_;
	return undef unless -x '/usr/bin/cgi-fcgi';
	my $in = "$self->{dir}/fcgi.in";
	open(my $fh, '>:raw', $in) or die;
	print $fh $body // '';
	close($fh);
	my $pid = open(my $out, '-|') // die "fork: $!";
	if ($pid == 0) {
		%ENV = (PATH => $ENV{PATH}, SERVER_PROTOCOL => 'HTTP/1.1',
		    REMOTE_ADDR => '127.0.0.1', %$env);
		open(STDIN, '<', $in) or die;
		exec('/usr/bin/cgi-fcgi', '-bind', '-connect', $self->{sock}) or die;
	}
	local $/;
	my $resp = <$out>;
	close($out);
	return $resp =~ /^Status: (\d+)/m ? $1 : 0;
}

# Hardening.  fcgi_request() is fcgi_status() with the whole
# answer: (status, headers as a hash of lower-case names, body), or ()
# if cgi-fcgi is missing.  $env is the complete FastCGI environment
# besides PATH, SERVER_PROTOCOL and REMOTE_ADDR; values are bytes.
sub fcgi_request {
	my ($self, $env, $body) = @_;
	return () unless -x '/usr/bin/cgi-fcgi';
	my $in = "$self->{dir}/fcgi.in";
	open(my $fh, '>:raw', $in) or die;
	print $fh $body // '';
	close($fh);
	my $pid = open(my $out, '-|') // die "fork: $!";
	if ($pid == 0) {
		%ENV = (PATH => $ENV{PATH}, SERVER_PROTOCOL => 'HTTP/1.1',
		    REMOTE_ADDR => '127.0.0.1', %$env);
		open(STDIN, '<', $in) or die;
		exec('/usr/bin/cgi-fcgi', '-bind', '-connect', $self->{sock}) or die;
	}
	binmode($out);
	local $/;
	my $resp = <$out> // '';
	close($out);
	my ($head, $rest) = split(/\r?\n\r?\n/, $resp, 2);
	my %h;
	for (split(/\r?\n/, $head // '')) {
		my ($k, $v) = /^([^:]+):\s*(.*)$/ or next;
		$h{lc $k} = exists $h{lc $k} ? "$h{lc $k}, $v" : $v;
	}
	my ($status) = ($h{status} // '') =~ /^(\d+)/;
	return ($status // 0, \%h, $rest // '');
}

# Send bytes to nginx over a plain socket, as a client HTTP::Tiny would
# refuse to be (bad methods, no Host, raw bytes), and read the answer
# until nginx closes or the timeout passes.  Returns (status, headers,
# body, raw): status is 0 when nginx closed without answering.
# half_close => 1 shuts the sending side after the bytes (a client
# that sends less than it announced, then stops).
sub raw_request {
	my ($self, $bytes, %opt) = @_;
	my $s = IO::Socket::INET->new(PeerAddr => '127.0.0.1',
	    PeerPort => $self->{port}, Proto => 'tcp', Timeout => 5)
	    or die "connect: $!";
	binmode($s);
	$s->autoflush(1);
	# A large request may be refused before it has all been sent.
	local $SIG{PIPE} = 'IGNORE';
	syswrite($s, $bytes);
	shutdown($s, 1) if $opt{half_close};
	my $resp = '';
	my $deadline = time + ($opt{timeout} // 10);
	my $sel = IO::Select->new($s);
	while (time < $deadline) {
		last unless $sel->can_read($deadline - time);
		my $n = sysread($s, my $chunk, 65536);
		last unless $n;
		$resp .= $chunk;
		# A whole answer with a Content-Length is enough: nginx may
		# linger after an early refusal, waiting for the body.
		if ($resp =~ /^(.*?\r\n)\r\n/s) {
			my $hlen = length($1) + 2;
			my ($cl) = $1 =~ /\r\nContent-Length: *(\d+)\r\n/i;
			last if defined $cl && length($resp) >= $hlen + $cl;
		}
	}
	close($s);
	my ($head, $body) = split(/\r\n\r\n/, $resp, 2);
	my ($status) = ($head // '') =~ m{^HTTP/\d\.\d (\d{3})};
	my %h;
	for (split(/\r\n/, $head // '')) {
		my ($k, $v) = /^([^:]+):\s*(.*)$/ or next;
		$h{lc $k} = exists $h{lc $k} ? "$h{lc $k}, $v" : $v;
	}
	return ($status // 0, \%h, $body // '', $resp);
}

# A hash of everything readers and editors write (not sessions, nor
# the throttle, which requests legitimately touch): two equal
# fingerprints mean that nothing was changed in between.
our @CONTENT_TABLES = qw(users account_tokens articles article_slugs tags tag_slugs
    article_tags comments revisions corrections settings media
    article_media);
sub fingerprint {
	my ($self, @tables) = @_;
	@tables = @CONTENT_TABLES unless @tables;
	require Digest::SHA;
	my $sql = join(' ', map { "SELECT '$_', * FROM $_ ORDER BY 2;" } @tables);
	my @cmd = $self->{pg_db} ? psql_cmd($self->{pg_db}, '-c', $sql)
	    : ('sqlite3', '-cmd', '.timeout 5000', $self->{db}, $sql);
	open(my $fh, '-|', @cmd) or die "$cmd[0]: $!";
	binmode($fh);
	local $/;
	my $dump = <$fh> // '';
	close($fh);
	die "$cmd[0] failed ($?)" if $?;
	return Digest::SHA::sha256_hex($dump);
}

# The process id of the running app (undef if stopped).
sub app_pid { $_[0]{pids}{app} }

# XML checks with xmllint (Debian's
# libxml2-utils, in scripts/deps).  xml_errors() returns xmllint's
# complaint about $xml, or '' when it is well-formed; xpath() the value
# of an XPath expression over it (use string(), count() and
# local-name() for namespaced documents), or '' when nothing matches.
sub xml_file {
	my ($self, $xml) = @_;
	my $f = "$self->{dir}/check.xml";
	open(my $fh, '>:raw', $f) or die "$f: $!";
	print $fh $xml;
	close($fh);
	return $f;
}

sub xml_errors {
	my ($self, $xml) = @_;
	my $f = $self->xml_file($xml);
	open(my $p, '-|', 'sh', '-c', 'xmllint --noout --nonet "$1" 2>&1', 'sh', $f)
	    or die "xmllint: $!";
	local $/;
	my $out = <$p> // '';
	close($p);
	return $? == 0 ? '' : ($out || 'xmllint failed');
}

sub xpath {
	my ($self, $xml, $expr) = @_;
	my $f = $self->xml_file($xml);
	open(my $p, '-|', 'sh', '-c', 'xmllint --nonet --xpath "$1" "$2" 2>/dev/null', 'sh', $expr, $f)
	    or die "xmllint: $!";
	local $/;
	my $out = <$p> // '';
	close($p);
	$out =~ s/\n\z//;	# xmllint ends the value with a newline
	return $out;
}

# Write a wire-copy file into the instance's folder; returns its path.
# $tags is the comma-separated tag line.
sub wire_file {
	my ($self, $name, $headline, $body, $tags) = @_;
	my $f = "$self->{dir}/$name.txt";
	open(my $fh, '>:raw', $f) or die "$f: $!";
	print $fh "$headline\n\n$body\n\n  $tags\n";
	close($fh);
	return $f;
}

# The seed wire article, or undef where ../shared/seed is absent.
sub seed_file {
	my $f = "$TOP/../shared/seed/wire-article.txt";
	return -r $f ? $f : undef;
}

# Editors.  An account made through the CLI, and a browser-like
# session that keeps its cookie and adds the CSRF token to every POST:
#
#   my $pw = $g->add_user('jane', role => 'editor', display => 'Jane Doe');
#   my $ed = $g->login('jane');               # makes the account if needed
#   my $res = $ed->get('/admin');
#   $res = $ed->post('/admin/articles/new', { headline => ..., action => 'save' });
#   $res = $ed->post_raw($path, \@pairs);     # no token added
sub add_user {
	my ($self, $name, %opt) = @_;
	my $pw = $opt{password} // "pw-$name-" . int(rand(1e9));
	my @args = ('user', 'add', $name, '--role', $opt{role} // 'editor');
	push @args, '--display', $opt{display} if defined $opt{display};
	my ($rc, $out, $err) = $self->cli(@args, \"$pw\n");
	die "user add $name failed ($rc): $err" if $rc;
	$self->{passwords}{$name} = $pw;
	return $pw;
}

sub login {
	my ($self, $name, %opt) = @_;
	my $pw = $opt{password} // $self->{passwords}{$name} // $self->add_user($name, %opt);
	my $res = $self->post('/login', { name => $name, password => $pw });
	die "login as $name failed: $res->{status}\n" unless $res->{status} == 303;
	my ($cookie) = ($res->{headers}{'set-cookie'} // '') =~ /^((?:__Host-)?gazette_session=[^;]+)/
	    or die "login as $name set no session cookie\n";
	return GazetteTest::Editor->new($self, $cookie);
}

# A multipart/form-data body of fields (name => value pairs, values sent
# as the bytes given) and files ([name, filename, bytes, type]), as a
# browser sends a form with enctype="multipart/form-data".  Returns the
# Content-Type and the body.
sub multipart {
	my ($fields, $files) = @_;
	my $b = 'gazette' . int(rand(1e12));
	my $body = '';
	my @f = @{ $fields || [] };
	while (my ($k, $v) = splice(@f, 0, 2)) {
		$body .= "--$b\r\nContent-Disposition: form-data; name=\"$k\"\r\n\r\n$v\r\n";
	}
	for my $file (@{ $files || [] }) {
		my ($name, $fname, $bytes, $type) = @$file;
		$body .= "--$b\r\nContent-Disposition: form-data; name=\"$name\"; filename=\"$fname\"\r\n"
		    . "Content-Type: " . ($type // 'application/octet-stream') . "\r\n\r\n$bytes\r\n";
	}
	$body .= "--$b--\r\n";
	return ("multipart/form-data; boundary=$b", $body);
}

package GazetteTest::Editor;

sub new {
	my ($class, $g, $cookie) = @_;
	return bless { g => $g, cookie => $cookie }, $class;
}

sub cookie { $_[0]{cookie} }

sub get {
	my ($self, $path, $headers) = @_;
	return $self->{g}->get($path, { Cookie => $self->{cookie}, %{ $headers || {} } });
}

# The session's CSRF token, read once from the editor bar of /admin.
sub csrf {
	my ($self) = @_;
	return $self->{csrf} //= do {
		my $res = $self->get('/admin');
		$res->{content} =~ /name="csrf" value="([^"]+)"/
		    or die "no CSRF token on /admin ($res->{status})\n";
		$1;
	};
}

sub post_raw {
	my ($self, $path, $form, $headers) = @_;
	return $self->{g}->post($path, $form, { Cookie => $self->{cookie}, %{ $headers || {} } });
}

sub post {
	my ($self, $path, $form, $headers) = @_;
	my @pairs = ref $form eq 'HASH' ? map { ($_, $form->{$_}) } sort keys %$form : @$form;
	return $self->post_raw($path, [ csrf => $self->csrf, @pairs ], $headers);
}

# Upload: a multipart form with the CSRF token (unless csrf => undef is
# among the fields) and files ([name, filename, bytes, type]).
sub upload {
	my ($self, $path, $fields, $files) = @_;
	my @f = @{ $fields || [] };
	unshift(@f, csrf => $self->csrf) unless grep { $_ eq 'csrf' } @f[grep { !($_ % 2) } 0 .. $#f];
	my ($ctype, $body) = GazetteTest::multipart(\@f, $files);
	return $self->{g}{http}->request('POST', $self->{g}->url($path), {
	    headers => { 'Content-Type' => $ctype, Origin => $self->{g}{base},
	        Cookie => $self->{cookie} },
	    content => $body });
}

package GazetteTest;

1;

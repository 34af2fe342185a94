#!/usr/bin/env perl
# The two schemas in step: a database freshly made by `gazette migrate`
# on SQLite (sql/) and on PostgreSQL (sql/pg/) has the tables, columns
# (with their kind of type and whether they may be NULL), indexes (with
# their columns, order, uniqueness and whether partial) and triggers
# that t/data/schema.list lists, read from each database's own catalog;
# nothing missing, nothing more.  A line of the list ending in [sqlite]
# or [pg] holds on that backend only (where the two differ by design:
# SQLite's FTS5 table is PostgreSQL's table with a tsvector, and the
# like; sql/pg/001-init.sql says why).
#
# SQLite's side runs in every suite; PostgreSQL's runs under make
# test-pg (GAZETTE_TEST_PG), and skips, saying so, in make test.

use strict;
use warnings;
use lib 't/lib';
use File::Temp qw(tempdir);
use GazetteTest;
use Test::More;

my $dir = tempdir('gazette-schema-XXXXXX', TMPDIR => 1, CLEANUP => !$ENV{GAZETTE_KEEP});

# The list: for each backend, the set of its lines.
my %want = (sqlite => {}, pg => {});
open(my $fh, '<', "$GazetteTest::TOP/t/data/schema.list") or die "schema.list: $!";
while (my $line = <$fh>) {
	chomp $line;
	next if $line =~ /^\s*(#|$)/;
	my ($what, $only) = $line =~ /^(.*?)\s*(?:\[(sqlite|pg)\])?\s*$/;
	$want{$_}{$what} = 1 for $only ? ($only) : qw(sqlite pg);
}
close($fh);
ok(keys %{ $want{sqlite} } > 100, 'the list has the schema in it');

# The schema as lines like the list's, from a database's catalog.
sub type_kind {
	my ($t) = @_;
	$t = lc($t // '');
	return $t =~ /^(integer|bigint|smallint)$/ ? 'int'
	    : $t =~ /^(text|bytea|blob|tsvector)$/ ? { bytea => 'blob' }->{$t} // $t
	    : $t eq '' ? 'any' : "?$t";
}

sub lines_of {
	my ($tables, $columns, $indexes, $triggers) = @_;
	my %got;
	$got{"table $_"} = 1 for @$tables;
	for my $c (@$columns) {
		my ($t, $col, $type, $notnull) = @$c;
		$got{"$t.$col " . type_kind($type) . ($notnull ? ' not null' : '')} = 1;
	}
	for my $i (@$indexes) {
		my ($name, $t, $cols, $unique, $partial) = @$i;
		$got{"index $name on $t (" . join(', ', @$cols) . ')'
		    . ($unique ? ' unique' : '') . ($partial ? ' partial' : '')} = 1;
	}
	$got{"trigger $_->[0] on $_->[1]"} = 1 for @$triggers;
	return \%got;
}

sub compare {
	my ($backend, $got) = @_;
	my $want = $want{$backend};
	my @missing = grep { !$got->{$_} } sort keys %$want;
	my @extra = grep { !$want->{$_} } sort keys %$got;
	ok(!@missing, "$backend: everything listed is there")
	    or diag("missing on $backend:\n" . join("\n", map { "  $_" } @missing));
	ok(!@extra, "$backend: nothing unlisted is there")
	    or diag("not in t/data/schema.list ($backend):\n" . join("\n", map { "  $_" } @extra));
}

# Rows of a query, as arrays, from sqlite3 or psql (fields split on |).
sub rows {
	my (@cmd) = @_;
	open(my $out, '-|', @cmd) or die "$cmd[0]: $!";
	my @rows = map { chomp; [ split /\|/, $_, -1 ] } <$out>;
	close($out);
	die "$cmd[0] failed ($?)" if $?;
	return @rows;
}

# A command-line run of the program with GAZETTE_DB set.
sub migrate {
	my ($db) = @_;
	local $ENV{GAZETTE_DB} = $db;
	my $out = `'$GazetteTest::BIN' migrate 2>&1`;
	return ($? >> 8, $out);
}

{
	my $db = "$dir/schema.db";
	my ($rc, $out) = migrate($db);
	is($rc, 0, 'sqlite: gazette migrate makes a database') or diag($out);
	my @q = ('sqlite3', '-bail', $db);
	# Tables and virtual tables, not SQLite's own nor FTS5's shadows.
	my @tables = map { $_->[0] } rows(@q, "SELECT name FROM pragma_table_list "
	    . "WHERE schema = 'main' AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite_%'");
	my (@columns, @indexes);
	for my $t (@tables) {
		# A primary key's columns never hold NULL here (whatever
		# SQLite would allow in a TEXT one).
		push @columns, map { [ $t, $_->[0], $_->[1], $_->[2] || $_->[3] ] }
		    rows(@q, "SELECT name, type, \"notnull\", pk FROM pragma_table_info('$t')");
		# Indexes made by CREATE INDEX (not those behind UNIQUE and
		# PRIMARY KEY constraints).
		for my $i (rows(@q, "SELECT name, \"unique\", partial FROM pragma_index_list('$t') WHERE origin = 'c'")) {
			my @cols = map { ($_->[0] eq '' ? '?' : $_->[0]) . ($_->[1] ? ' desc' : '') }
			    rows(@q, "SELECT coalesce(name, ''), \"desc\" FROM pragma_index_xinfo('$i->[0]') WHERE key ORDER BY seqno");
			push @indexes, [ $i->[0], $t, \@cols, $i->[1], $i->[2] ];
		}
	}
	my @triggers = rows(@q, "SELECT name, tbl_name FROM sqlite_schema WHERE type = 'trigger'");
	compare('sqlite', lines_of(\@tables, \@columns, \@indexes, \@triggers));
}

SKIP: {
	skip('PostgreSQL is not running in this suite (make test-pg runs this part)', 4)
	    unless GazetteTest::pg();
	my $name = GazetteTest::pg_create_database();
	my $db = GazetteTest::pg_conninfo($name);
	my ($rc, $out) = migrate($db);
	is($rc, 0, 'pg: gazette migrate makes the schema') or diag($out);
	my @q = (GazetteTest::psql_cmd($name), '-F', '|', '-c');
	my @tables = map { $_->[0] } rows(@q, "SELECT table_name FROM information_schema.tables "
	    . "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'");
	my @columns = rows(@q, "SELECT table_name, column_name, data_type, is_nullable = 'NO' "
	    . "FROM information_schema.columns WHERE table_schema = current_schema()");
	$_->[3] = $_->[3] eq 't' for @columns;
	# Indexes made by CREATE INDEX (not those behind constraints),
	# each key column (or expression) with its order.
	my @indexes = map { [ $_->[0], $_->[1], [ split /\t/, $_->[2] ], $_->[3] eq 't', $_->[4] eq 't' ] }
	    rows(@q, "SELECT i.relname, t.relname, array_to_string(ARRAY("
	    . " SELECT pg_get_indexdef(x.indexrelid, k, true)"
	    . "  || CASE WHEN x.indoption[k - 1] & 1 = 1 THEN ' desc' ELSE '' END"
	    . " FROM generate_series(1, x.indnkeyatts) k ORDER BY k), E'\\t'),"
	    . " x.indisunique, x.indpred IS NOT NULL"
	    . " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid"
	    . " JOIN pg_class t ON t.oid = x.indrelid"
	    . " WHERE t.relnamespace = current_schema()::regnamespace"
	    . " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)");
	my @triggers = rows(@q, "SELECT g.tgname, c.relname FROM pg_trigger g"
	    . " JOIN pg_class c ON c.oid = g.tgrelid"
	    . " WHERE NOT g.tgisinternal AND c.relnamespace = current_schema()::regnamespace");
	compare('pg', lines_of(\@tables, \@columns, \@indexes, \@triggers));
	# The version recorded is the program's, the same number as SQLite's.
	my ($v) = rows(@q, 'SELECT max(version) FROM schema_migrations');
	my ($lite) = rows('sqlite3', "$dir/schema.db", 'PRAGMA user_version');
	is($v->[0], $lite->[0], "pg: schema version $v->[0], as on SQLite");
	GazetteTest::pg_drop_database($name);
}

done_testing();

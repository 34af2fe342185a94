#!/usr/bin/env perl
# --mmap-mib (GAZETTE_MMAP_MIB): off by default, the app reads the SQLite
# file with read calls and never maps it; set, the app serves the same
# pages with the file mapped into its memory (seen in /proc/PID/maps).
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;

plan skip_all => 'a SQLite setting (the suite runs on PostgreSQL)' if GazetteTest::pg();

# Whether the app process has its database file mapped, after pages.
sub mapped {
	my ($g) = @_;
	my $pid = $g->{pids}{app} or die 'no app';
	open(my $fh, '<', "/proc/$pid/maps") or die "/proc/$pid/maps: $!";
	my $maps = do { local $/; <$fh> };
	return $maps =~ m{/gazette\.db$}m ? 1 : 0;
}

for my $mib (0, 64) {
	my $g = GazetteTest->new(samples => 1, env => $mib ? { GAZETTE_MMAP_MIB => $mib } : {});
	my $row = $g->sql("SELECT slug, headline FROM articles WHERE status = 'published' ORDER BY id LIMIT 1")->[0];
	my $res = $g->get("/articles/$row->{slug}");
	is($res->{status}, 200, "mmap $mib MiB: an article is served");
	like($res->{content}, qr{<h1[^>]*>\Q$row->{headline}\E</h1>}, 'with its headline');
	$g->get('/search?q=harbour');
	is(mapped($g), $mib ? 1 : 0, $mib ? 'the database file is mapped' : 'by default, not mapped');
	$g->stop;
}
done_testing();

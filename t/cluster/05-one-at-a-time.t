#!/usr/bin/env perl
# One cluster at a time on a machine (make test-cluster, first): while
# this one runs, holding its lock, another start is refused before it
# touches anything, and this cluster's namespaces are all still there.
# (Namespaces found while the lock is free are another matter: a run
# cut short left them, and the next start removes them.)
use strict;
use warnings;
use Test::More;

my $dir = $ENV{GAZETTE_CLUSTER_DIR}
    or plan skip_all => 'runs in the cluster made by make test-cluster (scripts/cluster test)';
my $cluster = ($ENV{GAZETTE_TOP} // '.') . '/scripts/cluster';
my $pfx = $ENV{GAZETTE_CLUSTER_NAME} // 'gzc';
sub ours { return sort grep { /^\Q$pfx\E-/ } map { (split)[0] // () } qx{ip netns list} }

my @before = ours();
ok(@before >= 8, 'the running cluster\'s namespaces are listed (' . scalar(@before) . ')');
# (up, run and test all start with the same check; up without its
# folder argument would build nothing after it.)
my $out = qx{$cluster up 2>&1};
isnt($? >> 8, 0, 'scripts/cluster up while it runs: refused');
like($out, qr/another cluster \(\Q$pfx\E\) runs/, 'saying another cluster runs');
is_deeply([ours()], \@before, 'and every namespace of the running one is left as it was');
done_testing();

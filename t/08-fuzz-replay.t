#!/usr/bin/env perl
# Replays every seed (t/fuzz/corpus/NAME/) and every input that once
# failed (t/fuzz/crashers/NAME/) through each fuzz harness, built with
# the normal compiler as build/replay/NAME (build/san/replay/NAME under
# SAN=1, with the sanitizers).  The wire and markdown harnesses also get
# samples/*.txt.  A crash, a failed check of the harness or a sanitizer
# report fails the test.  `make fuzz` is the long run that finds them.
use strict;
use warnings;
use Cwd qw(abs_path);
use File::Basename qw(dirname);
use Test::More;

my $top = abs_path(dirname(__FILE__) . '/..');
my $build = $ENV{GAZETTE_BUILD} || 'build';
$build = "$top/$build" unless $build =~ m{^/};

my @names = sort map { m{/(\w+)\.c$} ? $1 : () } glob("$top/t/fuzz/*.c");
@names = grep { $_ ne 'driver' } @names;
ok(@names >= 6, 'there are fuzz harnesses: ' . join(' ', @names));

for my $name (@names) {
	my $bin = "$build/replay/$name";
	my @dirs = ("$top/t/fuzz/corpus/$name", "$top/t/fuzz/crashers/$name");
	my @files = grep { -f } map { glob("$_/*") } @dirs;
	ok(-d $dirs[0] && @files > 0, "$name has seeds in t/fuzz/corpus/$name");
	push @dirs, "$top/samples" if $name eq 'wire' || $name eq 'markdown';
	my $want = grep { -f } map { glob("$_/*") } @dirs;
	unless (-x $bin) {
		fail("$name: $bin is built (make replay)");
		next;
	}
	my $out = `'$bin' @{[ map { "'$_'" } @dirs ]} 2>&1`;
	my $status = $?;
	my ($n) = $out =~ /^replayed (\d+) inputs$/m;
	ok($status == 0 && defined $n && $n == $want,
	    "$name: all $want inputs replay cleanly") or
	    diag(substr($out, -4000));
	unlike($out, qr/ERROR: (Address|Leak)Sanitizer|runtime error:|check failed/,
	    "$name: no sanitizer report or failed check");
}
done_testing();

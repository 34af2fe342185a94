#!/usr/bin/perl
# scripts/check-layers: the source tree holds its layers, and the check
# sees a forbidden include, direct or through another folder's header.
use strict;
use warnings;
use File::Path qw(make_path);
use File::Temp qw(tempdir);
use FindBin;
use Test::More;

my $top = "$FindBin::Bin/..";
my $check = "$top/scripts/check-layers";

my $out = `$check $top/src 2>&1`;
is($?, 0, 'src/ holds its layers') or diag($out);
like($out, qr/the layers hold/, 'and says so');

# A small tree of our own, wrong in the ways the layers forbid.
sub tree {
	my (%files) = @_;
	my $d = tempdir(CLEANUP => 1);
	for my $f (keys %files) {
		(my $dir = "$d/$f") =~ s{/[^/]+$}{};
		make_path($dir);
		open my $fh, '>', "$d/$f" or die "$d/$f: $!";
		print $fh $files{$f};
		close $fh;
	}
	return $d;
}

my $d = tree(
	'http/server.c' => qq{#include "../ctl/ctl.h"\n},
	'ctl/ctl.h' => qq{#include "../http/http.h"\n},
	'http/http.h' => '',
);
$out = `$check $d 2>&1`;
isnt($?, 0, 'http including ctl fails the check');
like($out, qr{http/server\.c \(http\) must not use ctl}, 'and names it');

$d = tree(
	'cli/routes.c' => qq{#include "../ctl/ctl.h"\n},
	'ctl/ctl.h' => qq{#include "../http/http.h"\n},
	'http/http.h' => '',
);
$out = `$check $d 2>&1`;
like($out, qr{cli/routes\.c \(cli\) must not use http: .*ctl/ctl\.h -> http/http\.h},
    'cli reaching http through ctl/ctl.h fails, with the chain');

$d = tree(
	'view/fill_x.c' => qq{#include "../store/store.h"\n},
	'store/store.h' => qq{#include "../model.h"\n},
	'model.h' => '',
	'store/db.c' => qq{#include "../view/view.h"\n},
	'view/view.h' => '',
);
$out = `$check $d 2>&1`;
like($out, qr{view/fill_x\.c \(view\) must not use store}, 'a view including store.h fails');
like($out, qr{store/db\.c \(store\) must not use view}, 'the store including a view fails');
unlike($out, qr{must not use model}, 'the model header is everyone\'s');

$d = tree('newdir/x.c' => '');
$out = `$check $d 2>&1`;
isnt($?, 0, 'a folder with no place in the layers fails');
like($out, qr{unit 'newdir' has no place}, 'and is named');

done_testing();

#!/usr/bin/env perl
# Every template opens with the auto-escape pragma (the pragma covers
# only its own file: a partial without it would print values raw) and
# parses; every :none modifier is explained by a comment just before it.
use strict;
use warnings;
use Test::More;
use File::Temp qw(tempdir);

my @tpl = sort glob('templates/*.tpl');
ok(@tpl >= 8, 'templates found') or BAIL_OUT('no templates');
my $tool = '/usr/bin/ctemplate-make_tpl_varnames_h';
my $out = tempdir(CLEANUP => 1);
for my $f (@tpl) {
	open(my $fh, '<:raw', $f) or die "$f: $!";
	my $text = do { local $/; <$fh> };
	like($text, qr/\A\{\{%AUTOESCAPE context="(HTML|XML|JSON|JAVASCRIPT|CSS)"\}\}/,
	    "$f starts with the AUTOESCAPE pragma");
	# A :none must follow a comment ({{! ... }}) that says why.
	while ($text =~ /\{\{(\w+):none\}\}/g) {
		my $before = substr($text, 0, $-[0]);
		like($before, qr/\{\{![^}]*\}\}\s*\z/s, "$f: {{$1:none}} has a comment just before it");
	}
	SKIP: {
		skip('ctemplate-make_tpl_varnames_h is not installed', 1) unless -x $tool;
		my $msg = `$tool -q -f $out/x.h $f 2>&1`;
		is($?, 0, "$f parses") or diag($msg);
	}
}
done_testing();

#!/usr/bin/env perl
# The manual page, doc/gazette.1: mandoc -Tlint finds nothing wrong with
# it, and it documents every subcommand and every setting (flag and
# variable) that `gazette --help` lists, and no others.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;

my $man = "$GazetteTest::TOP/doc/gazette.1";
my $src = GazetteTest::slurp($man);
ok(length $src, 'doc/gazette.1 is there');

SKIP: {
	skip 'mandoc is not installed (scripts/deps installs it)', 2
	    unless -x '/usr/bin/mandoc';
	# Warnings and errors; not the style notes, which include
	# "referenced manual not found" for pages (systemd(1), nginx(8))
	# that the machine running the test may not have installed.
	my $out = `mandoc -Tlint -Wwarning '$man' 2>&1`;
	is($?, 0, 'mandoc -Tlint -Wwarning: no warning or error');
	is(join("\n", grep { !/mandoc\.db/ } split(/\n/, $out)), '', 'and says nothing') or diag($out);
}

my $help = `$GazetteTest::BIN --help`;
is($?, 0, 'gazette --help');

# Settings: "  --name   GAZETTE_NAME   default" in --help; ".It Fl -name
# ..., Ev GAZETTE_NAME" in the page's SETTINGS list.
my %help_set;
for (split(/\n/, $help)) {
	$help_set{$1} = $2 if /^  --(\S+) +(GAZETTE_\S+)/;
}
my ($settings) = $src =~ /^\.Sh SETTINGS\n(.*?)^\.Sh /ms;
my %man_set;
for (split(/\n/, $settings // '')) {
	$man_set{$1} = $2 if /^\.It Fl -(\S+) .*\bEv (GAZETTE_\w+)/;
}
cmp_ok(scalar keys %help_set, '>', 20, 'help lists the settings');
is_deeply([sort keys %man_set], [sort keys %help_set], 'the page lists the same settings as --help')
    or diag(explain({ only_in_help => [grep { !$man_set{$_} } sort keys %help_set],
        only_in_page => [grep { !$help_set{$_} } sort keys %man_set] }));
for my $f (sort keys %help_set) {
	is($man_set{$f} // '', $help_set{$f}, "--$f: the page names the variable $help_set{$f}");
}

# Subcommands: "  name ..." lines under "Commands:" in --help; ".It Cm
# name" in the page's COMMANDS list.
my ($cmds) = $help =~ /^Commands:\n(.*?)\n\n/ms;
my %help_cmd = map { /^  ([a-z]+)\b/ ? ($1 => 1) : () } split(/\n/, $cmds // '');
my ($page_cmds) = $src =~ /^\.Sh COMMANDS\n(.*?)^\.Sh /ms;
my %man_cmd = map { /^\.It Cm ([a-z]+)/ ? ($1 => 1) : () } split(/\n/, $page_cmds // '');
cmp_ok(scalar keys %help_cmd, '>', 5, 'help lists the commands');
is_deeply([sort keys %man_cmd], [sort keys %help_cmd], 'the page documents the same commands as --help');
# And every command appears in the synopsis.
for my $c (sort keys %help_cmd) {
	like($src, qr/^\.Sh SYNOPSIS\n.*^\.Cm \Q$c\E$/ms, "the synopsis shows $c");
}
# The sections a manual page of a program has.
for my $s ('NAME', 'SYNOPSIS', 'DESCRIPTION', 'ENVIRONMENT', 'FILES', 'EXIT STATUS', 'SEE ALSO') {
	like($src, qr/^\.Sh \Q$s\E$/m, "a section $s");
}

done_testing;

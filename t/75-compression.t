#!/usr/bin/env perl
# Pages are compressed once, by the app, in the coding each client takes
# (Brotli, else gzip), through nginx with its microcache on: the same
# page in every coding, one entity tag per coding, 304 for each, one
# Vary, never compressed twice; every coding of a page purged after a
# write; editors' pages compressed by nginx; static files sent as the
# .gz made at build time.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;
use IO::Uncompress::Gunzip qw(gunzip $GunzipError);
use File::Temp qw(tempfile);

my $g = GazetteTest->new(samples => 1);
my $ed = $g->login('jane', display => 'Jane Doe');
my $slug = $g->sql_value("SELECT slug FROM articles WHERE headline LIKE 'Council approves%'");
my $tag = 'harbour';
my $CHROMIUM = 'gzip, deflate, br';

sub decode {
	my ($res) = @_;
	my $enc = $res->{headers}{'content-encoding'} // '';
	my $body = $res->{content} // '';
	return $body if $enc eq '';
	if ($enc eq 'gzip') {
		my $out;
		gunzip(\$body => \$out) or return "gunzip failed: $GunzipError";
		return $out;
	}
	if ($enc eq 'br') {
		my ($fh, $file) = tempfile(UNLINK => 1);
		binmode($fh);
		print $fh $body;
		close($fh);
		open(my $in, '-|', 'brotli', '-d', '-c', $file) or return 'brotli failed';
		binmode($in);
		local $/;
		my $out = <$in>;
		close($in) or return 'brotli failed';
		return $out;
	}
	return "unknown coding $enc";
}

sub get_ae { my ($path, $ae, %h) = @_; return $g->get($path, { ($ae ne '' ? ('Accept-Encoding' => $ae) : ()), %h }) }

SKIP: {
	skip('brotli is not installed', 1) unless -x '/usr/bin/brotli';
	for my $path ('/', "/articles/$slug", "/tags/$tag", '/feed.atom', '/search?q=ferry', '/archive') {
		my $plain = get_ae($path, '');
		is($plain->{status}, 200, "$path: 200");
		ok(!exists $plain->{headers}{'content-encoding'}, "$path: no coding asked, none used");
		my %tags = ('' => $plain->{headers}{etag});
		for my $case ([$CHROMIUM, 'br'], ['gzip', 'gzip'], ['br;q=0, gzip', 'gzip'], ['gzip;q=0', ''],
		    ['x-gzip', 'gzip'], ['identity', '']) {
			my ($ae, $want) = @$case;
			my $res = get_ae($path, $ae);
			is($res->{headers}{'content-encoding'} // '', $want, "$path, Accept-Encoding '$ae': " . ($want || 'identity'));
			is(decode($res), $plain->{content}, '  the same page once decoded');
			is($res->{headers}{vary}, 'Accept-Encoding', '  one Vary: Accept-Encoding');
			$tags{$want} //= $res->{headers}{etag};
			is($res->{headers}{etag}, $tags{$want}, '  the coding\'s entity tag');
		}
		is(scalar(keys %{ { reverse %tags } }), 3, "$path: one entity tag per coding");
		cmp_ok(length(get_ae($path, $CHROMIUM)->{content}), '<', length($plain->{content}) / 2,
		    "$path: Brotli makes it less than half its size");
		# Conditional requests, per coding.
		my $br = get_ae($path, $CHROMIUM);
		my $res = get_ae($path, $CHROMIUM, 'If-None-Match' => $br->{headers}{etag});
		is($res->{status}, 304, "$path: the Brotli tag, asking for Brotli: 304");
		is($res->{headers}{vary}, 'Accept-Encoding', '  with the same Vary');
		is(get_ae($path, 'gzip', 'If-None-Match' => $br->{headers}{etag})->{status}, 200,
		    "$path: the Brotli tag, asking for gzip: the gzip page");
	}
	# HEAD: the headers of the coded page.
	my $res = $g->request('HEAD', "/articles/$slug", { headers => { 'Accept-Encoding' => $CHROMIUM } });
	is("$res->{status} " . ($res->{headers}{'content-encoding'} // ''), '200 br', 'HEAD: the Brotli page\'s headers');
	is($res->{content} // '', '', '  and no body');

	# A write purges every coding of the pages it names.
	get_ae("/articles/$slug", $_) for ($CHROMIUM, 'gzip', '', $CHROMIUM, 'gzip', '');
	is(get_ae("/articles/$slug", $_)->{headers}{'x-cache'}, 'HIT', "cached in '$_'") for ($CHROMIUM, 'gzip', '');
	my $id = $g->sql_value("SELECT id FROM articles WHERE slug = '$slug'");
	my $row = $g->sql("SELECT summary, byline, dateline, source, body_md FROM articles WHERE id = $id")->[0];
	is($ed->post("/admin/articles/$id/edit", { headline => 'Ferry route to Gull Point approved',
	    summary => $row->{summary}, byline => $row->{byline}, dateline => $row->{dateline},
	    source => $row->{source}, body => $row->{body_md}, tags => 'Harbour, Transport', slug => $slug,
	    change => 'typo', action => 'save' })->{status}, 303, 'an editor changes the headline');
	for my $ae ($CHROMIUM, 'gzip', '') {
		like(decode(get_ae("/articles/$slug", $ae)), qr/Ferry route to Gull Point approved/,
		    "the next request in '$ae' has it");
		like(decode(get_ae('/', $ae)), qr/Ferry route to Gull Point approved/, '  and the front page');
	}

	# The app's page cache keeps a page as Brotli only, and decodes it
	# for a client that takes no coding or takes gzip: whichever
	# coding asks first, every later one gets the same page.  A query
	# string takes these past nginx's cache, to the app's.
	for my $order ([ $CHROMIUM, '', 'gzip', '', $CHROMIUM ], [ '', $CHROMIUM, '', 'gzip' ],
	    [ 'gzip', '', $CHROMIUM, '' ]) {
		my $path = "/articles/$slug?order=" . join('-', map { $_ eq '' ? 'plain' : (split /,/)[0] } @$order);
		my $first;
		for my $ae (@$order) {
			my $res = get_ae($path, $ae);
			is($res->{status}, 200, "$path, '$ae': 200");
			$first //= decode($res);
			is(decode($res), $first, '  the same page as the first answer');
		}
		like($first, qr/<\/html>\s*\z/, "$path: a whole page");
	}
}

# Editors' pages are personal: nginx compresses them, once.
my $res = $ed->get('/admin', { 'Accept-Encoding' => 'gzip' });
is($res->{headers}{'content-encoding'}, 'gzip', 'an editor\'s page: gzip, by nginx');
like(decode($res), qr/Dashboard/, '  decodes to the page');
$res = $ed->get("/articles/$slug", { 'Accept-Encoding' => $CHROMIUM });
like($res->{headers}{'content-encoding'} // '', qr/^(gzip|br)$/, 'an article read by an editor: one coding');
like(decode($res), qr/Ferry route to Gull Point approved/, '  decodes to the page');

# Static files: the .gz made by make.
my ($css) = $g->get('/')->{content} =~ m{href="(/static/gazette\.css\?v=[0-9a-f]+)"};
$res = $g->get($css, { 'Accept-Encoding' => $CHROMIUM });
is($res->{headers}{'content-encoding'}, 'gzip', 'the stylesheet: gzip');
open(my $fh, '<:raw', "$GazetteTest::TOP/static/gazette.css.gz") or die;
my $gz = do { local $/; <$fh> };
is($res->{content}, $gz, '  the very file made at build time (gzip_static)');
is($g->get($css, { 'Accept-Encoding' => $CHROMIUM, 'If-None-Match' => $res->{headers}{etag} })->{headers}{vary},
    'Accept-Encoding', '  and its 304 carries Vary');
done_testing();

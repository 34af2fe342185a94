#!/usr/bin/env perl
# The audit log is written in the transaction of the change it records:
# a change never lands without its row, nor a row without its change.
# Failures are injected with triggers in the test's own database (the
# app's code and configuration are as in production): one refuses the
# audit row itself, another fails the write after its audit row went in.
use strict;
use warnings;
use lib 't/lib';
use GazetteTest;
use Test::More;

my $g = GazetteTest->new;
my $admin = $g->login('boss', role => 'admin');
my $ed = $g->login('jane');
$g->add_user('victim', role => 'contributor');
my $vid = $g->sql_value("SELECT id FROM users WHERE name = 'victim'");
sub audits { $g->sql_value("SELECT count(*) FROM audit_log WHERE action = '$_[0]' AND target = '$_[1]'") }

# fault(NAME, 'BEFORE INSERT ON table', CONDITION): a trigger that fails
# the statement when CONDITION (SQL that may name NEW) holds; unfault()
# drops it.  SQLite's is a RAISE(ABORT); PostgreSQL's a PL/pgSQL
# function that raises (a trigger's WHEN may not hold a subquery there,
# so the function tests the condition).
sub fault {
	my ($name, $when, $cond) = @_;
	my $sql = GazetteTest::pg()
	    ? "CREATE FUNCTION $name() RETURNS trigger LANGUAGE plpgsql AS \$\$"
	    . " BEGIN IF $cond THEN RAISE EXCEPTION 'injected'; END IF; RETURN NEW; END \$\$;"
	    . " CREATE TRIGGER $name $when FOR EACH ROW EXECUTE FUNCTION $name();"
	    : "CREATE TRIGGER $name $when WHEN $cond BEGIN SELECT RAISE(ABORT, 'injected'); END;";
	is($g->sql_script($sql), 0, "fault $name in place");
}
sub unfault {
	my ($name, $table) = @_;
	my $sql = GazetteTest::pg() ? "DROP TRIGGER $name ON $table; DROP FUNCTION $name();"
	    : "DROP TRIGGER $name;";
	is($g->sql_script($sql), 0, "fault $name removed");
}

# 1. The audit row cannot be written: the change does not land.
fault('no_role_audit', 'BEFORE INSERT ON audit_log', "NEW.action = 'user.role'");
my $res = $admin->post("/admin/users/$vid/role", { role => 'editor' });
is($res->{status}, 500, 'the audit row fails: 500');
is($g->sql_value("SELECT role FROM users WHERE id = $vid"), 'contributor', 'and the role did not change');
is(audits('user.role', 'victim'), 0, 'nor is there a row');
my ($rc) = $g->cli('user', 'role', 'victim', 'admin');
isnt($rc, 0, 'the command line fails the same way');
is($g->sql_value("SELECT role FROM users WHERE id = $vid"), 'contributor', 'and changes nothing');
unfault('no_role_audit', 'audit_log');
is($admin->post("/admin/users/$vid/role", { role => 'editor' })->{status}, 303, 'without the fault it works');
is($g->sql_value("SELECT role FROM users WHERE id = $vid"), 'editor', 'the role changed');
is(audits('user.role', 'victim'), 1, 'with its one row');

# 2. The write fails after its audit row went in: neither stays.
fault('fail_after_audit', 'BEFORE UPDATE ON meta',
    "EXISTS (SELECT 1 FROM audit_log WHERE action = 'user.disable' AND target = 'victim')");
$res = $admin->post("/admin/users/$vid/disable", {});
is($res->{status}, 500, 'a failure after the audit row: 500');
is($g->sql_value("SELECT disabled FROM users WHERE id = $vid"), 0, 'the account is not disabled');
is(audits('user.disable', 'victim'), 0, 'and the audit row went with it');
unfault('fail_after_audit', 'meta');

# 3. Publishing: no publication without its row.
fault('no_publish_audit', 'BEFORE INSERT ON audit_log', "NEW.action = 'article.publish'");
$res = $ed->post('/admin/articles/new', { headline => 'Never without a trace', body => 'Text.', action => 'publish' });
is($res->{status}, 500, 'a publication whose row fails: 500');
is($g->sql_value("SELECT count(*) FROM articles WHERE headline = 'Never without a trace'"), 0, 'nothing was stored');
is($g->get('/')->{content} =~ /Never without a trace/ ? 1 : 0, 0, 'readers see nothing');
unfault('no_publish_audit', 'audit_log');
$res = $ed->post('/admin/articles/new', { headline => 'Never without a trace', body => 'Text.', action => 'publish' });
my ($id) = ($res->{headers}{location} // '') =~ m{/admin/articles/(\d+)/edit};
ok($id, 'without the fault it is published');
is(audits('article.publish', "article $id"), 1, 'the new article is named by its number');

# 4. Signing in: no session without its row.
fault('no_login_audit', 'BEFORE INSERT ON audit_log', "NEW.action = 'login'");
my $sessions = $g->sql_value('SELECT count(*) FROM sessions');
$res = $g->post('/login', { name => 'jane', password => $g->{passwords}{jane} });
is($res->{status}, 500, 'a sign-in whose row fails: 500');
unlike($res->{headers}{'set-cookie'} // '', qr/gazette_session=[^;]/, 'and sets no session cookie');
is($g->sql_value('SELECT count(*) FROM sessions'), $sessions, 'no session was stored');
unfault('no_login_audit', 'audit_log');
is($g->post('/login', { name => 'jane', password => $g->{passwords}{jane} })->{status}, 303, 'then it works');
is($g->sql_value('SELECT count(*) FROM sessions'), $sessions + 1, 'one session more');

done_testing;

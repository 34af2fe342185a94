-- 010: the audit log: who did what to accounts, sign-ins, two-factor
-- settings, publications, takedowns and tag merges, and when.  Rows
-- are only ever added: the triggers refuse any change or deletion.
CREATE TABLE audit_log (
	id		INTEGER PRIMARY KEY,	-- newest last; pages go by id
	at		INTEGER NOT NULL,
	user_id		INTEGER REFERENCES users(id), -- who; NULL: the command line
	who		TEXT NOT NULL,		-- their login name then ('' : command line)
	action		TEXT NOT NULL,		-- "login", "user.role", "article.publish" ...
	target		TEXT NOT NULL DEFAULT '', -- the account, article or tag acted on
	detail		TEXT NOT NULL DEFAULT ''  -- a new role, a headline ...
);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'the audit log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
	SELECT RAISE(ABORT, 'the audit log is append-only');
END;

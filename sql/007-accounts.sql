-- 007: accounts managed in the browser.
--
-- A short bio, shown to the newsroom (and on author pages).
ALTER TABLE users ADD COLUMN bio TEXT NOT NULL DEFAULT ''; -- plain text, up to 1,000 characters

-- One-time links an admin passes on: an invitation (the account exists,
-- with no password yet: pw_hash '') or a password reset.  Only a hash
-- of the link's token is kept; a link is deleted when used, and a new
-- one for the same account replaces the old.
CREATE TABLE account_tokens (
	token_hash	BLOB PRIMARY KEY,	-- BLAKE2b of the link's token
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	kind		TEXT NOT NULL CHECK (kind IN ('invite', 'reset')),
	created_at	INTEGER NOT NULL,
	expires_at	INTEGER NOT NULL	-- 72 hours after created_at
);
CREATE INDEX account_tokens_user ON account_tokens(user_id);

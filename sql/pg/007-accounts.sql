-- 007 (PostgreSQL): accounts managed in the browser, as
-- sql/007-accounts.sql.
ALTER TABLE users ADD COLUMN bio text COLLATE "C" NOT NULL DEFAULT ''; -- plain text, up to 1,000 characters

-- One-time links an admin passes on: an invitation or a password
-- reset.  Only a hash of the link's token is kept.
CREATE TABLE account_tokens (
	token_hash	bytea PRIMARY KEY,	-- BLAKE2b of the link's token
	user_id		bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	kind		text COLLATE "C" NOT NULL CHECK (kind IN ('invite', 'reset')),
	created_at	bigint NOT NULL,
	expires_at	bigint NOT NULL		-- 72 hours after created_at
);
CREATE INDEX account_tokens_user ON account_tokens(user_id);

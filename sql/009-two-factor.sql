-- 009: two-factor sign-in (TOTP, RFC 6238).
--
-- The secret must stay readable to check codes, so it is stored as is
-- (base32); the recovery codes are stored as hashes only.
ALTER TABLE users ADD COLUMN totp_secret TEXT NOT NULL DEFAULT ''; -- base32; '': no second factor
ALTER TABLE users ADD COLUMN totp_step INTEGER NOT NULL DEFAULT 0; -- last time step used: no code twice

-- Ten single-use codes for a lost phone, made at enrolment.
CREATE TABLE recovery_codes (
	code_hash	BLOB PRIMARY KEY,	-- BLAKE2b of the code
	user_id		INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE
);
CREATE INDEX recovery_codes_user ON recovery_codes(user_id);

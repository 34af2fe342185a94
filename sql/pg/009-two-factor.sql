-- 009 (PostgreSQL): two-factor sign-in (TOTP, RFC 6238), as
-- sql/009-two-factor.sql.
ALTER TABLE users ADD COLUMN totp_secret text COLLATE "C" NOT NULL DEFAULT ''; -- base32; '': no second factor
ALTER TABLE users ADD COLUMN totp_step bigint NOT NULL DEFAULT 0; -- last time step used: no code twice

-- Ten single-use codes for a lost phone, made at enrolment.
CREATE TABLE recovery_codes (
	code_hash	bytea PRIMARY KEY,	-- BLAKE2b of the code
	user_id		bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE
);
CREATE INDEX recovery_codes_user ON recovery_codes(user_id);

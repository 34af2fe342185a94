/*
 * twofactor.c: two-factor sign-in: the TOTP secret once enrolled, the
 * time step last used (a code works once), and the recovery codes,
 * kept as hashes and deleted when used.  Nothing here changes a
 * reader's page: no purge outbox rows.
 */
#include "impl.h"

/* Replace the account's recovery codes, inside a transaction. */
static int
codes_put(struct store *s, long long user_id,
    const unsigned char (*hashes)[32], int n)
{
	struct dstmt	*st = stmt_get(s, ST_RECOVERY_DELETE_USER);
	int		 i;

	db_bind_int64(st, 1, user_id);
	if (STMT_EXEC(s, st) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		st = stmt_get(s, ST_RECOVERY_INSERT);
		db_bind_blob(st, 1, hashes[i], 32);
		db_bind_int64(st, 2, user_id);
		if (STMT_EXEC(s, st) < 0)
			return -1;
	}
	return 0;
}

int
store_totp_enable(struct store *s, long long user_id, const char *secret_b32,
    long long step, const unsigned char (*hashes)[32], int n)
{
	struct dstmt	*st;

	if (store_begin(s) < 0)
		return -1;
	st = stmt_get(s, ST_TOTP_ENABLE);
	db_bind_int64(st, 1, user_id);
	db_bind_int64(st, 2, step);
	bind_text(st, 3, secret_b32);
	if (STMT_EXEC(s, st) < 0)
		goto fail;
	if (db_changes(s->db) == 0) {
		store_rollback(s);
		return 0;
	}
	if (codes_put(s, user_id, hashes, n) < 0)
		goto fail;
	return store_commit(s) < 0 ? -1 : 1;
fail:
	store_rollback(s);
	return -1;
}

int
store_totp_step(struct store *s, long long user_id, long long step)
{
	struct dstmt	*st = stmt_get(s, ST_TOTP_STEP);

	db_bind_int64(st, 1, user_id);
	db_bind_int64(st, 2, step);
	if (STMT_EXEC(s, st) < 0)
		return -1;
	return db_changes(s->db) > 0;
}

int
store_recovery_use(struct store *s, long long user_id,
    const unsigned char hash[32])
{
	struct dstmt	*st = stmt_get(s, ST_RECOVERY_USE);

	db_bind_blob(st, 1, hash, 32);
	db_bind_int64(st, 2, user_id);
	if (STMT_EXEC(s, st) < 0)
		return -1;
	return db_changes(s->db) > 0;
}

int
store_recovery_count(struct store *s, long long user_id)
{
	struct dstmt	*st = stmt_get(s, ST_RECOVERY_COUNT);
	int		 rc, n = -1;

	db_bind_int64(st, 1, user_id);
	if ((rc = db_step(st)) == DB_ROW)
		n = db_column_int(st, 0);
	else
		STORE_ERR(s);
	stmt_done(st);
	return n;
}

int
store_recovery_replace(struct store *s, long long user_id,
    const unsigned char (*hashes)[32], int n)
{
	if (store_begin(s) < 0)
		return -1;
	if (codes_put(s, user_id, hashes, n) < 0) {
		store_rollback(s);
		return -1;
	}
	return store_commit(s);
}

int
store_totp_reset(struct store *s, long long user_id)
{
	struct dstmt	*st;
	int		 changed;

	if (store_begin(s) < 0)
		return -1;
	st = stmt_get(s, ST_TOTP_RESET);
	db_bind_int64(st, 1, user_id);
	if (STMT_EXEC(s, st) < 0)
		goto fail;
	changed = db_changes(s->db) > 0;
	if (codes_put(s, user_id, NULL, 0) < 0)
		goto fail;
	return store_commit(s) < 0 ? -1 : changed;
fail:
	store_rollback(s);
	return -1;
}

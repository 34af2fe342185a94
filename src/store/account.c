/*
 * account.c: accounts managed in the browser: invitations and password
 * resets by one-time link, profiles, an account's own password and
 * sessions.  Links are kept as hashes only (like sessions), and a link
 * is deleted in the transaction that uses it.  None of this changes a
 * reader's page (author pages read display names and bios through
 * their own writes), so the writes name nothing in the purge outbox.
 */
#include <string.h>

#include "../util/arena.h"
#include "impl.h"

static const char *const link_kinds[] = {
	[LINK_INVITE] = "invite",
	[LINK_RESET] = "reset",
};

int
store_user_by_id(struct store *s, struct arena *a, long long id,
    struct user *u)
{
	struct dstmt	*st = stmt_get(s, ST_USER_BY_ID);
	int		 rc;

	db_bind_int64(st, 1, id);
	if ((rc = db_step(st)) == DB_ROW)
		user_row_at(a, st, 0, u);
	else if (rc != DB_DONE)
		STORE_ERR(s);
	stmt_done(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}

/* Replace the account's links by one: inside a transaction. */
static int
link_put(struct store *s, long long user_id, enum account_link kind,
    const unsigned char *hash, size_t hashlen, int64_t now, int64_t expires)
{
	struct dstmt	*st = stmt_get(s, ST_ACCOUNT_TOKENS_DELETE_USER);

	db_bind_int64(st, 1, user_id);
	if (STMT_EXEC(s, st) < 0)
		return -1;
	st = stmt_get(s, ST_ACCOUNT_TOKEN_INSERT);
	db_bind_blob(st, 1, hash, (int)hashlen);
	db_bind_int64(st, 2, user_id);
	bind_text(st, 3, link_kinds[kind]);
	db_bind_int64(st, 4, now);
	db_bind_int64(st, 5, expires);
	return STMT_EXEC(s, st);
}

int
store_user_invite(struct store *s, const char *name, const char *display,
    enum role role, const unsigned char *hash, size_t hashlen, int64_t now,
    int64_t expires)
{
	struct dstmt	*st;
	long long	 id;
	int		 rc;

	if (store_begin(s) < 0)
		return -1;
	st = stmt_get(s, ST_USER_INSERT);
	bind_text(st, 1, name);
	bind_text(st, 2, display);
	bind_text(st, 3, role_name(role));
	bind_text(st, 4, "");		/* no password: cannot log in */
	db_bind_int64(st, 5, now);
	rc = db_step(st);
	id = rc == DB_ROW ? db_column_int64(st, 0) : 0;
	stmt_done(st);
	if (rc == DB_DONE) {	/* the name is taken */
		store_rollback(s);
		return 1;
	}
	if (rc != DB_ROW) {
		STORE_ERR(s);
		goto fail;
	}
	if (link_put(s, id, LINK_INVITE, hash, hashlen, now, expires) < 0)
		goto fail;
	return store_commit(s) < 0 ? -1 : 0;
fail:
	store_rollback(s);
	return -1;
}

int
store_user_link(struct store *s, long long user_id, enum account_link kind,
    const unsigned char *hash, size_t hashlen, int64_t now, int64_t expires)
{
	if (store_begin(s) < 0)
		return -1;
	if (link_put(s, user_id, kind, hash, hashlen, now, expires) < 0) {
		store_rollback(s);
		return -1;
	}
	return store_commit(s) < 0 ? -1 : 0;
}

int
store_user_by_link(struct store *s, struct arena *a, const unsigned char *hash,
    size_t hashlen, int64_t now, struct user *u, enum account_link *kind)
{
	struct dstmt	*st = stmt_get(s, ST_ACCOUNT_TOKEN_GET);
	int		 rc;

	db_bind_blob(st, 1, hash, (int)hashlen);
	db_bind_int64(st, 2, now);
	if ((rc = db_step(st)) == DB_ROW) {
		*kind = strcmp(db_column_text(st, 0),
		    "invite") == 0 ? LINK_INVITE : LINK_RESET;
		user_row_at(a, st, 2, u);
	} else if (rc != DB_DONE)
		STORE_ERR(s);
	stmt_done(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}

int
store_user_link_redeem(struct store *s, const unsigned char *hash,
    size_t hashlen, int64_t now, const char *pw_hash)
{
	struct dstmt	*st;
	long long	 id;
	int		 rc;

	if (store_begin(s) < 0)
		return -1;
	st = stmt_get(s, ST_ACCOUNT_TOKEN_TAKE);
	db_bind_blob(st, 1, hash, (int)hashlen);
	db_bind_int64(st, 2, now);
	rc = db_step(st);
	id = rc == DB_ROW ? db_column_int64(st, 0) : 0;
	/* Step to the end so that the DELETE ... RETURNING completes. */
	if (rc == DB_ROW)
		rc = db_step(st);
	stmt_done(st);
	if (rc != DB_DONE) {
		STORE_ERR(s);
		goto fail;
	}
	if (id == 0) {
		store_rollback(s);
		return 0;
	}
	st = stmt_get(s, ST_USER_PASSWD_ID);
	db_bind_int64(st, 1, id);
	bind_text(st, 2, pw_hash);
	if (STMT_EXEC(s, st) < 0)
		goto fail;
	st = stmt_get(s, ST_USER_SESSIONS_END_OTHERS);
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, 0);
	if (STMT_EXEC(s, st) < 0)
		goto fail;
	return store_commit(s) < 0 ? -1 : 1;
fail:
	store_rollback(s);
	return -1;
}

int
store_user_profile(struct store *s, long long id, const char *display,
    const char *bio)
{
	struct dstmt	*st;
	int		 changed;

	if (store_begin(s) < 0)
		return -1;
	st = stmt_get(s, ST_USER_PROFILE);
	db_bind_int64(st, 1, id);
	bind_text(st, 2, display);
	bind_text(st, 3, bio);
	if (STMT_EXEC(s, st) < 0) {
		store_rollback(s);
		return -1;
	}
	changed = db_changes(s->db) > 0;
	return store_commit(s) < 0 ? -1 : changed;
}

int
store_user_passwd_keep(struct store *s, long long id, const char *pw_hash,
    long long keep)
{
	struct dstmt	*st;
	int		 changed;

	if (store_begin(s) < 0)
		return -1;
	st = stmt_get(s, ST_USER_PASSWD_ID);
	db_bind_int64(st, 1, id);
	bind_text(st, 2, pw_hash);
	if (STMT_EXEC(s, st) < 0)
		goto fail;
	changed = db_changes(s->db) > 0;
	st = stmt_get(s, ST_USER_SESSIONS_END_OTHERS);
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, keep);
	if (STMT_EXEC(s, st) < 0)
		goto fail;
	return store_commit(s) < 0 ? -1 : changed;
fail:
	store_rollback(s);
	return -1;
}

int
store_sessions_of(struct store *s, struct arena *a, long long user_id,
    int64_t now, int idle, struct session_row **out)
{
	struct dstmt		*st = stmt_get(s, ST_SESSIONS_OF_USER);
	struct session_row	*rows = NULL;
	size_t			 n = 0, cap = 0;
	int			 rc;

	db_bind_int64(st, 1, user_id);
	db_bind_int64(st, 2, now);
	db_bind_int64(st, 3, now - idle);
	while ((rc = db_step(st)) == DB_ROW) {
		rows = arena_grow(a, rows, n, &cap, sizeof(*rows));
		rows[n].id = db_column_int64(st, 0);
		rows[n].created_at = db_column_int64(st, 1);
		rows[n].seen_at = db_column_int64(st, 2);
		n++;
	}
	stmt_done(st);
	if (rc != DB_DONE) {
		STORE_ERR(s);
		return -1;
	}
	*out = rows;
	return (int)n;
}

int
store_session_end_id(struct store *s, long long id, long long user_id)
{
	struct dstmt	*st = stmt_get(s, ST_SESSION_END_ID);

	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, user_id);
	if (STMT_EXEC(s, st) < 0)
		return -1;
	return db_changes(s->db) > 0;
}

int
store_sessions_end_user(struct store *s, long long user_id)
{
	struct dstmt	*st = stmt_get(s, ST_USER_SESSIONS_END_OTHERS);

	db_bind_int64(st, 1, user_id);
	db_bind_int64(st, 2, 0);
	return STMT_EXEC(s, st);
}

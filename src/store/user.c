/*
 * user.c: editors' accounts, their sessions, and login throttling.
 *
 * Sessions and throttle rows change no page, so their writes run
 * outside store_begin()/store_commit(): they do not move the store's
 * generation, and the validators of readers' pages stay as they were.
 * Each is a single statement, atomic on its own.
 */
#include <string.h>

#include "../util/arena.h"
#include "impl.h"

void
user_row_at(struct arena *a, struct dstmt *st, int c, struct user *u)
{
	memset(u, 0, sizeof(*u));
	u->id = db_column_int64(st, c);
	u->name = col_text(a, st, c + 1);
	u->display = col_text(a, st, c + 2);
	u->role = role_parse(db_column_text(st, c + 3));
	u->admin = u->role == ROLE_ADMIN;
	u->pw_hash = col_text(a, st, c + 4);
	u->disabled = db_column_int(st, c + 5) != 0;
	u->created_at = db_column_int64(st, c + 6);
	u->invited = db_column_int(st, c + 7) != 0;
	u->bio = col_text(a, st, c + 8);
	u->totp_secret = col_text(a, st, c + 9);
	u->totp_step = db_column_int64(st, c + 10);
	u->totp_on = u->totp_secret[0] != '\0';
}

static void
user_row(struct arena *a, struct dstmt *st, struct user *u)
{
	user_row_at(a, st, 0, u);
}

int
store_user_add(struct store *s, const char *name, const char *display,
    enum role role, const char *pw_hash, int64_t now)
{
	struct dstmt	*st;
	int		 rc;

	if (store_begin(s) < 0)
		return -1;
	st = stmt_get(s, ST_USER_INSERT);
	bind_text(st, 1, name);
	bind_text(st, 2, display);
	bind_text(st, 3, role_name(role));
	bind_text(st, 4, pw_hash);
	db_bind_int64(st, 5, now);
	rc = db_step(st);
	stmt_done(st);
	if (rc != DB_ROW && rc != DB_DONE) {
		STORE_ERR(s);
		store_rollback(s);
		return -1;
	}
	if (store_commit(s) < 0)
		return -1;
	return rc == DB_ROW ? 0 : 1;
}

int
store_user_by_name(struct store *s, struct arena *a, const char *name,
    struct user *u)
{
	struct dstmt	*st = stmt_get(s, ST_USER_BY_NAME);
	int		 rc;

	bind_text(st, 1, name);
	if ((rc = db_step(st)) == DB_ROW)
		user_row(a, st, u);
	else if (rc != DB_DONE)
		STORE_ERR(s);
	stmt_done(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}

/* Run st (bound by the caller, name at ?1) and end the user's sessions. */
static int
user_change(struct store *s, struct dstmt *st, const char *name)
{
	struct dstmt	*end;
	int		 changed;

	if (store_begin(s) < 0) {
		stmt_done(st);
		return -1;
	}
	if (STMT_EXEC(s, st) < 0)
		goto fail;
	changed = db_changes(s->db) > 0;
	end = stmt_get(s, ST_USER_SESSIONS_END);
	bind_text(end, 1, name);
	if (STMT_EXEC(s, end) < 0)
		goto fail;
	if (store_commit(s) < 0)
		return -1;
	return changed;
fail:
	store_rollback(s);
	return -1;
}

int
store_user_passwd(struct store *s, const char *name, const char *pw_hash)
{
	struct dstmt	*st = stmt_get(s, ST_USER_PASSWD);

	bind_text(st, 1, name);
	bind_text(st, 2, pw_hash);
	return user_change(s, st, name);
}

int
store_user_disable(struct store *s, const char *name, int disabled)
{
	struct dstmt	*st = stmt_get(s, ST_USER_DISABLE);

	bind_text(st, 1, name);
	db_bind_int64(st, 2, disabled ? 1 : 0);
	return user_change(s, st, name);
}

int
store_user_role(struct store *s, const char *name, enum role role)
{
	struct dstmt	*st = stmt_get(s, ST_USER_ROLE);

	bind_text(st, 1, name);
	bind_text(st, 2, role_name(role));
	if (STMT_EXEC(s, st) < 0)
		return -1;
	return db_changes(s->db) > 0;
}

int
store_users_all(struct store *s, struct arena *a, struct user **out)
{
	struct dstmt	*st = stmt_get(s, ST_USERS_ALL);
	struct user	*rows = NULL;
	size_t		 n = 0, cap = 0;
	int		 rc;

	while ((rc = db_step(st)) == DB_ROW) {
		rows = arena_grow(a, rows, n, &cap, sizeof(*rows));
		user_row(a, st, &rows[n++]);
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
store_session_create(struct store *s, const unsigned char *hash,
    size_t hashlen, long long user_id, const char *csrf, int64_t now,
    int64_t expires_at)
{
	struct dstmt	*st = stmt_get(s, ST_SESSION_INSERT);

	db_bind_blob(st, 1, hash, (int)hashlen);
	db_bind_int64(st, 2, user_id);
	bind_text(st, 3, csrf);
	db_bind_int64(st, 4, now);
	db_bind_int64(st, 5, expires_at);
	return STMT_EXEC(s, st);
}

int
store_session_get(struct store *s, struct arena *a, const unsigned char *hash,
    size_t hashlen, int64_t now, int idle, struct session_user *u)
{
	struct dstmt	*st = stmt_get(s, ST_SESSION_GET);
	int		 rc;

	db_bind_blob(st, 1, hash, (int)hashlen);
	db_bind_int64(st, 2, now);
	db_bind_int64(st, 3, now - idle);
	if ((rc = db_step(st)) == DB_ROW) {
		u->session_id = db_column_int64(st, 0);
		u->csrf = col_text(a, st, 1);
		u->seen_at = db_column_int64(st, 2);
		u->user_id = db_column_int64(st, 3);
		u->name = col_text(a, st, 4);
		u->display = col_text(a, st, 5);
		u->role = role_parse((const char *)
		    db_column_text(st, 6));
		u->admin = u->role == ROLE_ADMIN;
		u->totp_on = db_column_int(st, 7) != 0;
	} else if (rc != DB_DONE)
		STORE_ERR(s);
	stmt_done(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}

int
store_session_touch(struct store *s, long long session_id, int64_t now)
{
	struct dstmt	*st = stmt_get(s, ST_SESSION_TOUCH);

	db_bind_int64(st, 1, session_id);
	db_bind_int64(st, 2, now);
	return STMT_EXEC(s, st);
}

int
store_session_end(struct store *s, const unsigned char *hash, size_t hashlen)
{
	struct dstmt	*st = stmt_get(s, ST_SESSION_END);

	db_bind_blob(st, 1, hash, (int)hashlen);
	return STMT_EXEC(s, st);
}

int
store_sessions_prune(struct store *s, int64_t now, int idle)
{
	struct dstmt	*st = stmt_get(s, ST_SESSIONS_PRUNE);

	db_bind_int64(st, 1, now);
	db_bind_int64(st, 2, now - idle);
	return STMT_EXEC(s, st);
}

int
store_throttle_count(struct store *s, const char *key, int64_t since,
    int *count, int64_t *oldest)
{
	struct dstmt	*st = stmt_get(s, ST_THROTTLE_COUNT);
	int		 rc;

	*count = 0;
	*oldest = 0;
	bind_text(st, 1, key);
	db_bind_int64(st, 2, since);
	if ((rc = db_step(st)) == DB_ROW) {
		*count = db_column_int(st, 0);
		*oldest = db_column_int64(st, 1);
	} else
		STORE_ERR(s);
	stmt_done(st);
	return rc == DB_ROW ? 0 : -1;
}

int
store_throttle_add(struct store *s, const char *key, int64_t now,
    int64_t since)
{
	struct dstmt	*st = stmt_get(s, ST_THROTTLE_PRUNE);

	bind_text(st, 1, key);
	db_bind_int64(st, 2, since);
	if (STMT_EXEC(s, st) < 0)
		return -1;
	st = stmt_get(s, ST_THROTTLE_ADD);
	bind_text(st, 1, key);
	db_bind_int64(st, 2, now);
	return STMT_EXEC(s, st);
}

int
store_throttle_clear(struct store *s, const char *key)
{
	struct dstmt	*st = stmt_get(s, ST_THROTTLE_CLEAR);

	bind_text(st, 1, key);
	return STMT_EXEC(s, st);
}

int
store_throttle_prune(struct store *s, const char *prefix, int64_t before)
{
	struct dstmt	*st = stmt_get(s, ST_THROTTLE_PRUNE_RANGE);
	char		 hi[64];
	size_t		 n = strlen(prefix);
	int		 rc;

	/* "login:" .. "login;": the keys with the prefix, as a range. */
	if (n == 0 || n >= sizeof(hi))
		return -1;
	memcpy(hi, prefix, n + 1);
	hi[n - 1]++;
	bind_text(st, 1, prefix);
	bind_text(st, 2, hi);
	db_bind_int64(st, 3, before);
	rc = STMT_EXEC(s, st);
	return rc;
}

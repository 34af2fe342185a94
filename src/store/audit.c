/*
 * audit.c: the audit log, append-only (sql/010: triggers refuse any
 * change or deletion).  A row is one statement, outside a write's
 * transaction; it changes no reader's page.
 */
#include <stdint.h>

#include "../util/arena.h"
#include "impl.h"

int
store_audit(struct store *s, int64_t now, long long user_id, const char *who,
    const char *action, const char *target, const char *detail)
{
	struct dstmt	*st = stmt_get(s, ST_AUDIT_INSERT);

	db_bind_int64(st, 1, now);
	if (user_id > 0)
		db_bind_int64(st, 2, user_id);
	bind_text(st, 3, who ? who : "");
	bind_text(st, 4, action);
	bind_text(st, 5, target ? target : "");
	bind_text(st, 6, detail ? detail : "");
	return STMT_EXEC(s, st);
}

int
store_audit_list(struct store *s, struct arena *a, long long before,
    int limit, struct audit_row **out)
{
	struct dstmt	*st = stmt_get(s, ST_AUDIT_LIST_BEFORE);
	struct audit_row *rows;
	int		 n = 0, rc = DB_DONE;

	rows = arena_calloc(a, (size_t)(limit > 0 ? limit : 1), sizeof(*rows));
	/* No cursor: from the newest, a range of the primary key all the
	 * same. */
	db_bind_int64(st, 1, limit);
	db_bind_int64(st, 2, before > 0 ? before : INT64_MAX);
	while (n < limit && (rc = db_step(st)) == DB_ROW) {
		rows[n].id = db_column_int64(st, 0);
		rows[n].at = db_column_int64(st, 1);
		rows[n].who = col_text(a, st, 2);
		rows[n].action = col_text(a, st, 3);
		rows[n].target = col_text(a, st, 4);
		rows[n].detail = col_text(a, st, 5);
		n++;
	}
	stmt_done(st);
	if (rc != DB_DONE && rc != DB_ROW) {
		STORE_ERR(s);
		return -1;
	}
	*out = rows;
	return n;
}

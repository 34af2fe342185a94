/*
 * audit.c: reading the audit log, append-only (sql/010: triggers
 * refuse any change or deletion).  Rows are written by the commit of
 * the write they describe (store_audit_next(), db.c).
 */
#include <stdint.h>

#include "../util/arena.h"
#include "impl.h"

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

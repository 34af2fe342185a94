/*
 * archive.c: the archive by month, and the latest articles for feeds.
 *
 * Months are the site's (its time zone), so their bounds come from
 * timefmt.c and are bound as times; the queries are range scans over
 * the articles_live index.
 */
#include "../util/arena.h"
#include "../util/timefmt.h"
#include "impl.h"

/* Run a statement giving one time (or none: 0) into *t. */
static int
one_time(struct store *s, struct dstmt *st, int64_t *t)
{
	int	 rc;

	*t = 0;
	if ((rc = db_step(st)) == DB_ROW)
		*t = db_column_int64(st, 0);
	stmt_done(st);
	if (rc != DB_ROW && rc != DB_DONE) {
		STORE_ERR(s);
		return -1;
	}
	return 0;
}

/* The newest live publication strictly before t, or 0. */
static int
newest_before(struct store *s, int64_t t, int64_t *at)
{
	struct dstmt	*st = stmt_get(s, ST_ARCHIVE_NEWEST_BEFORE);

	db_bind_int64(st, 1, t);
	return one_time(s, st, at);
}

/*
 * Live articles published in [from, to) at time now.  The whole days
 * of the span (once it ends at now at the latest) come from the day
 * counters; the partial days at its ends from the index: at most two
 * days of index entries, whatever the size of the archive.
 */
static int
count_between(struct store *s, int64_t from, int64_t to, int64_t now,
    long long *count)
{
	struct dstmt	*st = stmt_get(s, ST_ARCHIVE_COUNT);
	int64_t		 d0, d1;
	int		 rc;

	if (to > now + 1)
		to = now + 1;
	/* Whole days, all before to, so before now: none is scheduled. */
	d0 = (from + 86399) / 86400;	/* the first whole day */
	d1 = to / 86400;		/* the day after the last whole one */
	if (from < 0 || d0 >= d1) {	/* no whole day: all from the index */
		d0 = d1 = 0;
		db_bind_int64(st, 2, to);
		db_bind_int64(st, 3, to);
	} else {
		db_bind_int64(st, 2, d0 * 86400);
		db_bind_int64(st, 3, d1 * 86400);
	}
	db_bind_int64(st, 1, from);
	db_bind_int64(st, 4, to);
	db_bind_int64(st, 5, d0);
	db_bind_int64(st, 6, d1);
	*count = 0;
	if ((rc = db_step(st)) == DB_ROW)
		*count = db_column_int64(st, 0);
	stmt_done(st);
	if (rc != DB_ROW) {
		STORE_ERR(s);
		return -1;
	}
	return 0;
}

/* The start of the month after year/month. */
static int64_t
next_month(int year, int month)
{
	return month == 12 ? time_month_start(year + 1, 1) :
	    time_month_start(year, month + 1);
}

int
store_archive_months(struct store *s, struct arena *a, int64_t now, int max,
    struct archive_month **out)
{
	struct archive_month *rows;
	int64_t		 t = now + 1, at, from, to;
	int		 n = 0;

	*out = rows = arena_calloc(a, (size_t)(max > 0 ? max : 1),
	    sizeof(*rows));
	/* From the newest month back, skipping empty months at once. */
	while (n < max) {
		if (newest_before(s, t, &at) < 0)
			return -1;
		if (at == 0)
			break;
		time_year_month(at, &rows[n].year, &rows[n].month);
		from = time_month_start(rows[n].year, rows[n].month);
		to = next_month(rows[n].year, rows[n].month);
		if (count_between(s, from, to, now, &rows[n].count) < 0)
			return -1;
		n++;
		/* A month boundary that is not before at would loop. */
		if (from >= t)
			break;
		t = from;
	}
	return n;
}

int
store_articles_between(struct store *s, struct arena *a, int64_t from,
    int64_t to, int64_t now, const struct cursor *c, int after, int limit,
    struct article **out)
{
	struct cursor	 end = { to, 0 };	/* before the month's end */
	struct dstmt	*st;

	after = c != NULL && after;
	if (after) {
		st = stmt_get(s, ST_ARCHIVE_MONTH_AFTER);
		db_bind_int64(st, 6, to);
	} else {
		/* One upper bound only: the lowest of cursor and month end. */
		st = stmt_get(s, ST_ARCHIVE_MONTH_BEFORE);
		if (c == NULL || c->at > to || (c->at == to && c->id > 0))
			c = &end;
	}
	db_bind_int64(st, 5, from);
	return article_list(s, a, st, now, c, after, limit, out);
}

int
store_archive_span(struct store *s, int64_t from, int64_t to, int64_t now,
    struct archive_span *out)
{
	struct dstmt	*st;

	if (to > now + 1)
		to = now + 1;
	if (count_between(s, from, to, now, &out->count) < 0)
		return -1;
	if (newest_before(s, from, &out->before) < 0)
		return -1;
	st = stmt_get(s, ST_ARCHIVE_OLDEST_FROM);
	db_bind_int64(st, 1, now);
	db_bind_int64(st, 2, to);
	return one_time(s, st, &out->after);
}

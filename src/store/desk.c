/*
 * desk.c: the newsroom's article list, filtered by status, author, tag
 * and words of the headline, most recently changed first.
 */
#include <stdint.h>
#include <string.h>

#include "../util/arena.h"
#include "impl.h"

static const char *const status_names[] = {
	[ARTICLE_DRAFT] = "draft",
	[ARTICLE_PUBLISHED] = "published",
	[ARTICLE_DELETED] = "deleted",
};

/*
 * A LIKE pattern that finds words anywhere: "%words%", folded as SQL's
 * lower() folds (ASCII letters), with %, _ and the escape character
 * itself escaped, so that they match only themselves.
 */
static const char *
like_pattern(struct arena *a, const char *words)
{
	char	*out, *q;

	out = q = arena_alloc(a, strlen(words) * 2 + 3);
	*q++ = '%';
	for (; *words != '\0'; words++) {
		if (*words == '%' || *words == '_' || *words == '\\')
			*q++ = '\\';
		*q++ = *words >= 'A' && *words <= 'Z' ?
		    (char)(*words - 'A' + 'a') : *words;
	}
	*q++ = '%';
	*q = '\0';
	return out;
}

int
store_articles_filtered(struct store *s, struct arena *a,
    const struct article_filter *f, int64_t now, const struct cursor *before,
    int limit, struct article **out)
{
	struct dstmt *st = stmt_get(s, f->status >= 0 ?
			    ST_ARTICLES_FILTERED : ST_ARTICLES_FILTERED_ALL);
	struct article	*rows;
	int		 n = 0, rc = DB_DONE;

	if (f->status >= 0)
		bind_text(st, 1, status_names[f->status]);
	db_bind_int64(st, 2, (int)f->when);
	db_bind_int64(st, 3, now);
	db_bind_int64(st, 4, f->author_id);
	db_bind_int64(st, 5, f->tag_id);
	bind_text(st, 6, f->words != NULL && *f->words != '\0' ?
	    like_pattern(a, f->words) : "");
	/* No cursor: one past every row. */
	db_bind_int64(st, 8, before != NULL ? before->at : INT64_MAX);
	db_bind_int64(st, 9, before != NULL ? before->id : INT64_MAX);
	db_bind_int64(st, 10, limit);
	rows = arena_calloc(a, (size_t)(limit > 0 ? limit : 1), sizeof(*rows));
	while (n < limit && (rc = db_step(st)) == DB_ROW)
		article_row(a, st, &rows[n++], 0);
	stmt_done(st);
	if (rc != DB_DONE && rc != DB_ROW) {
		STORE_ERR(s);
		return -1;
	}
	*out = rows;
	return n;
}

/*
 * tag_admin.c: the editors' tag management: rename, merge, delete.
 *
 * Articles keep a copy of their tags' names and slugs (tag_list, for
 * listings without a join) and the search index keeps their names: both
 * are rebuilt here, in the same transaction, for every article a change
 * touches, and those articles' modified_at moves so that their cached
 * pages are refreshed.
 */
#include <string.h>

#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/text.h"
#include "impl.h"

int
store_tags_admin(struct store *s, struct arena *a, struct tag_use **out)
{
	struct dstmt	*st = stmt_get(s, ST_TAGS_ADMIN);
	struct tag_use	*rows = NULL;
	size_t		 n = 0, cap = 0;
	int		 rc;

	while ((rc = db_step(st)) == DB_ROW) {
		rows = arena_grow(a, rows, n, &cap, sizeof(*rows));
		tag_row(a, st, &rows[n].tag);
		rows[n].uses = db_column_int64(st, 4);
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
store_tag_by_id(struct store *s, struct arena *a, long long id, struct tag *t)
{
	struct dstmt	*st = stmt_get(s, ST_TAG_BY_ID);
	int		 rc;

	db_bind_int64(st, 1, id);
	if ((rc = db_step(st)) == DB_ROW)
		tag_row(a, st, t);
	else if (rc != DB_DONE)
		STORE_ERR(s);
	stmt_done(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}

/* The ids of the articles carrying a tag, into *out (arena); n or -1. */
static int
tag_articles(struct store *s, struct arena *a, long long tag_id,
    long long **out)
{
	struct dstmt	*st = stmt_get(s, ST_TAG_ARTICLE_IDS);
	long long	*ids = NULL;
	size_t		 n = 0, cap = 0;
	int		 rc;

	db_bind_int64(st, 1, tag_id);
	while ((rc = db_step(st)) == DB_ROW) {
		ids = arena_grow(a, ids, n, &cap, sizeof(*ids));
		ids[n++] = db_column_int64(st, 0);
	}
	stmt_done(st);
	if (rc != DB_DONE) {
		STORE_ERR(s);
		return -1;
	}
	*out = ids;
	return (int)n;
}

/* Rebuild one article's tag_list and search tags from article_tags. */
static int
relist(struct store *s, long long article_id, int64_t now)
{
	struct dstmt	*st = stmt_get(s, ST_ARTICLE_TAG_LIST);
	struct buf	 tl = BUF_INIT, names = BUF_INIT;
	int		 rc;

	db_bind_int64(st, 1, article_id);
	while ((rc = db_step(st)) == DB_ROW) {
		const char *slug = db_column_text(st, 0);
		const char *name = db_column_text(st, 1);

		buf_printf(&tl, "%s\t%s\n", slug, name);
		buf_printf(&names, "%s%s", names.len ? ", " : "", name);
	}
	stmt_done(st);
	if (rc != DB_DONE) {
		STORE_ERR(s);
		rc = -1;
		goto out;
	}
	st = stmt_get(s, ST_ARTICLE_TAG_LIST_PUT);
	db_bind_int64(st, 1, article_id);
	bind_text(st, 2, buf_cstr(&tl));
	db_bind_int64(st, 3, now);
	if ((rc = STMT_EXEC(s, st)) < 0)
		goto out;
	/* No row in the index (a draft): nothing changes, as it should. */
	st = stmt_get(s, ST_FTS_TAGS_PUT);
	db_bind_int64(st, 1, article_id);
	bind_text(st, 2, buf_cstr(&names));
	rc = STMT_EXEC(s, st);
out:
	buf_free(&tl);
	buf_free(&names);
	return rc;
}

static int
relist_all(struct store *s, const long long *ids, int n, int64_t now)
{
	int	 i;

	for (i = 0; i < n; i++)
		if (relist(s, ids[i], now) < 0)
			return -1;
	return 0;
}

/* Run a statement binding (?1, ?2) = (x, y); 0 or -1. */
static int
exec2(struct store *s, enum stmt id, long long x, long long y)
{
	struct dstmt	*st = stmt_get(s, id);

	db_bind_int64(st, 1, x);
	if (y != 0)
		db_bind_int64(st, 2, y);
	return STMT_EXEC(s, st);
}

/* Point old slug at tag id (an old URL that redirects). */
static int
slug_keep(struct store *s, const char *slug, long long id)
{
	struct dstmt	*st = stmt_get(s, ST_TAG_SLUG_PUT);

	bind_text(st, 1, slug);
	db_bind_int64(st, 2, id);
	return STMT_EXEC(s, st);
}

int
store_tag_rename(struct store *s, long long id, const char *name, int64_t now)
{
	struct arena	 a;
	struct tag	 t, other;
	struct dstmt	*st;
	const char	*slug;
	long long	*ids;
	int		 rc = -1, n, found;

	arena_init(&a, 4096);
	slug = text_slugify(&a, name);
	if (*slug == '\0') {
		arena_free(&a);
		return 2;
	}
	if (store_begin(s) < 0)
		goto out;
	if ((found = store_tag_by_id(s, &a, id, &t)) <= 0) {
		rc = found == 0 ? 3 : -1;
		goto rollback;
	}
	/* The caches drop the tag's pages and its articles' pages. */
	if (outbox_tag(s, id) < 0)
		goto rollback;
	if (strcmp(slug, t.slug) != 0) {
		if ((found = store_tag_by_slug(s, &a, slug, &other)) < 0)
			goto rollback;
		if (found == 1) {
			rc = 1;
			goto rollback;
		}
		if (slug_keep(s, t.slug, id) < 0)
			goto rollback;
		st = stmt_get(s, ST_TAG_SLUG_DELETE);
		bind_text(st, 1, slug);
		if (STMT_EXEC(s, st) < 0)
			goto rollback;
	}
	st = stmt_get(s, ST_TAG_RENAME);
	db_bind_int64(st, 1, id);
	bind_text(st, 2, name);
	bind_text(st, 3, slug);
	if (STMT_EXEC(s, st) < 0)
		goto rollback;
	if ((n = tag_articles(s, &a, id, &ids)) < 0 ||
	    relist_all(s, ids, n, now) < 0 || outbox_tag(s, id) < 0)
		goto rollback;
	rc = store_commit(s) < 0 ? -1 : 0;
	goto out;
rollback:
	store_rollback(s);
out:
	arena_free(&a);
	return rc;
}

int
store_tag_merge(struct store *s, long long from, long long into, int64_t now)
{
	struct arena	 a;
	struct tag	 f, t;
	long long	*ids;
	int		 rc = -1, n, found;

	if (from == into)
		return 1;
	arena_init(&a, 4096);
	if (store_begin(s) < 0)
		goto out;
	if ((found = store_tag_by_id(s, &a, from, &f)) <= 0 ||
	    (found = store_tag_by_id(s, &a, into, &t)) <= 0) {
		rc = found == 0 ? 3 : -1;
		goto rollback;
	}
	if ((n = tag_articles(s, &a, from, &ids)) < 0 ||
	    outbox_tag(s, from) < 0 || outbox_tag(s, into) < 0)
		goto rollback;
	/* Articles that carry both keep one link, to into. */
	if (exec2(s, ST_TAG_MOVE, from, into) < 0 ||
	    exec2(s, ST_TAG_UNLINK, from, 0) < 0 ||
	    exec2(s, ST_TAG_RECOUNT, into, 0) < 0 ||
	    exec2(s, ST_TAG_SLUGS_MOVE, from, into) < 0 ||
	    slug_keep(s, f.slug, into) < 0 ||
	    exec2(s, ST_TAG_DELETE, from, 0) < 0 ||
	    relist_all(s, ids, n, now) < 0 || outbox_tag(s, into) < 0)
		goto rollback;
	rc = store_commit(s) < 0 ? -1 : 0;
	goto out;
rollback:
	store_rollback(s);
out:
	arena_free(&a);
	return rc;
}

int
store_tag_delete(struct store *s, long long id)
{
	int	 changed;

	if (store_begin(s) < 0)
		return -1;
	if (outbox_tag(s, id) < 0 || exec2(s, ST_TAG_DELETE, id, 0) < 0) {
		store_rollback(s);
		return -1;
	}
	changed = db_changes(s->db) > 0;
	if (store_commit(s) < 0)
		return -1;
	return changed ? 0 : 1;
}

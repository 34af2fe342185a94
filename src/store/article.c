/*
 * article.c: articles, their tags, revisions and search entries.
 */
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/log.h"
#include "../util/text.h"
#include "impl.h"

static const char *const status_names[] = {
	[ARTICLE_DRAFT] = "draft",
	[ARTICLE_PUBLISHED] = "published",
	[ARTICLE_DELETED] = "deleted",
};

static enum article_status
status_parse(const char *s)
{
	if (strcmp(s, "published") == 0)
		return ARTICLE_PUBLISHED;
	if (strcmp(s, "deleted") == 0)
		return ARTICLE_DELETED;
	return ARTICLE_DRAFT;
}

static enum comments_mode
comments_parse(const char *s)
{
	if (strcmp(s, "closed") == 0)
		return COMMENTS_CLOSED;
	if (strcmp(s, "hidden") == 0)
		return COMMENTS_HIDDEN;
	return COMMENTS_OPEN;
}

/*
 * Split the denormalised tag list ("slug\tname\n" per tag, kept by
 * store_article_save()) into the article's tags.
 */
static void
tags_parse(struct arena *a, const char *list, struct article *art)
{
	const char	*p, *tab, *nl;
	size_t		 n = 0;

	for (p = list; *p != '\0'; p++)
		if (*p == '\n')
			n++;
	art->tags = arena_calloc(a, n ? n : 1, sizeof(struct tag));
	art->ntags = 0;
	for (p = list; *p != '\0' && art->ntags < n; p = nl + 1) {
		if ((nl = strchr(p, '\n')) == NULL)
			break;
		if ((tab = memchr(p, '\t', (size_t)(nl - p))) == NULL)
			continue;
		art->tags[art->ntags].slug = arena_strndup(a, p, (size_t)(tab - p));
		art->tags[art->ntags].name = arena_strndup(a, tab + 1,
		    (size_t)(nl - tab - 1));
		art->ntags++;
	}
}

/* Copy the columns of ARTICLE_LIST_COLS (and the body, if full). */
void
article_row(struct arena *a, struct dstmt *st, struct article *art, int full)
{
	memset(art, 0, sizeof(*art));
	art->id = db_column_int64(st, 0);
	art->slug = col_text(a, st, 1);
	art->headline = col_text(a, st, 2);
	art->summary = col_text(a, st, 3);
	art->byline = col_text(a, st, 4);
	art->dateline = col_text(a, st, 5);
	art->source = col_text(a, st, 6);
	art->status = status_parse(db_column_text(st, 7));
	art->published_at = db_column_int64(st, 8);
	art->updated_at = db_column_int64(st, 9);
	art->created_at = db_column_int64(st, 10);
	art->modified_at = db_column_int64(st, 11);
	art->comments = comments_parse(db_column_text(st, 12));
	art->comment_count = db_column_int64(st, 13);
	tags_parse(a, db_column_text(st, 14), art);
	if (full) {
		art->body_md = col_text(a, st, 15);
		art->body_html = col_text(a, st, 16);
	}
}

/* Step a statement that yields at most one article. */
static int
article_one(struct store *s, struct arena *a, struct dstmt *st,
    struct article *art)
{
	int	 rc;

	rc = db_step(st);
	if (rc == DB_ROW)
		article_row(a, st, art, 1);
	else if (rc != DB_DONE)
		STORE_ERR(s);
	stmt_done(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}

int
store_article_by_slug(struct store *s, struct arena *a, const char *slug,
    struct article *art)
{
	struct dstmt	*st = stmt_get(s, ST_ARTICLE_BY_SLUG);

	bind_text(st, 1, slug);
	return article_one(s, a, st, art);
}

int
store_article_by_id(struct store *s, struct arena *a, long long id,
    struct article *art)
{
	struct dstmt	*st = stmt_get(s, ST_ARTICLE_BY_ID);

	db_bind_int64(st, 1, id);
	return article_one(s, a, st, art);
}

int
store_article_old_slug(struct store *s, struct arena *a, const char *slug,
    const char **newslug)
{
	return lookup_text(s, a, stmt_get(s, ST_ARTICLE_OLD_SLUG), slug, newslug);
}

/*
 * Step st (bound by the caller) into up to limit rows, with their
 * bodies if full, and finish it; the count, or -1.
 */
static int
article_rows(struct store *s, struct arena *a, struct dstmt *st, int limit,
    int full, struct article **out)
{
	struct article	*rows;
	int		 n = 0, rc = DB_DONE;

	rows = arena_calloc(a, (size_t)(limit > 0 ? limit : 1), sizeof(*rows));
	while (n < limit && (rc = db_step(st)) == DB_ROW)
		article_row(a, st, &rows[n++], full);
	stmt_done(st);
	if (rc != DB_DONE && rc != DB_ROW) {
		STORE_ERR(s);
		return -1;
	}
	*out = rows;
	return n;
}

/*
 * Run a listing statement whose parameters are ?1 now, ?2/?3 the cursor
 * and ?4 the limit (and ?5 bound by the caller), into *out.  Rows of an
 * "after" query come oldest first; they are turned around here.  The
 * cursor of a "before" query is lowered to now, which such a query has
 * as its only upper bound (see LIVE in stmt.c).
 */
int
article_list(struct store *s, struct arena *a, struct dstmt *st, int64_t now,
    const struct cursor *c, int after, int limit, struct article **out)
{
	struct article	*rows, tmp;
	int		 n, i;

	db_bind_int64(st, 1, now);
	if (c != NULL && !after && c->at > now) {
		/* (published_at, id) < (now + 1, 0): published_at <= now */
		db_bind_int64(st, 2, now + 1);
		db_bind_int64(st, 3, 0);
	} else if (c != NULL) {
		db_bind_int64(st, 2, c->at);
		db_bind_int64(st, 3, c->id);
	}
	db_bind_int64(st, 4, limit);
	if ((n = article_rows(s, a, st, limit, 0, &rows)) < 0)
		return -1;
	if (after)
		for (i = 0; i < n / 2; i++) {
			tmp = rows[i];
			rows[i] = rows[n - 1 - i];
			rows[n - 1 - i] = tmp;
		}
	*out = rows;
	return n;
}

int
store_articles_live(struct store *s, struct arena *a, int64_t now,
    const struct cursor *c, int after, int limit, struct article **out)
{
	enum stmt	 id;

	id = c == NULL ? ST_ARTICLES_LIVE :
	    after ? ST_ARTICLES_LIVE_AFTER : ST_ARTICLES_LIVE_BEFORE;
	return article_list(s, a, stmt_get(s, id), now, c, after && c, limit,
	    out);
}

int
article_list_under(struct store *s, struct arena *a,
    const struct heading_stmts *h, long long id, int64_t now,
    const struct cursor *c, int after, int limit, struct article **out)
{
	struct dstmt	*st;

	st = stmt_get(s, c == NULL ? h->first : after ? h->after : h->before);
	db_bind_int64(st, 5, id);
	return article_list(s, a, st, now, c, after && c, limit, out);
}

int
article_feed(struct store *s, struct arena *a, enum stmt id_stmt,
    long long id, int64_t now, int limit, struct article **out)
{
	struct dstmt	*st = stmt_get(s, id_stmt);

	db_bind_int64(st, 1, now);
	if (id > 0)
		db_bind_int64(st, 2, id);
	db_bind_int64(st, 3, limit);
	return article_rows(s, a, st, limit, 1, out);
}

static const struct heading_stmts tag_stmts = {
	ST_ARTICLES_TAG, ST_ARTICLES_TAG_BEFORE, ST_ARTICLES_TAG_AFTER,
	ST_FEED_TAG
};

int
store_articles_by_tag(struct store *s, struct arena *a, long long tag_id,
    int64_t now, const struct cursor *c, int after, int limit,
    struct article **out)
{
	return article_list_under(s, a, &tag_stmts, tag_id, now, c, after,
	    limit, out);
}

int
store_articles_feed(struct store *s, struct arena *a, long long tag_id,
    int64_t now, int limit, struct article **out)
{
	return article_feed(s, a, tag_id > 0 ? tag_stmts.feed : ST_FEED_LIVE,
	    tag_id, now, limit, out);
}

int64_t
store_next_scheduled(struct store *s, int64_t now, int64_t *last)
{
	struct dstmt	*st = stmt_get(s, ST_NEXT_SCHEDULED);
	int64_t		 t = 0;

	if (last != NULL)
		*last = 0;
	db_bind_int64(st, 1, now);
	if (db_step(st) == DB_ROW) {
		t = db_column_int64(st, 0);
		if (last != NULL)
			*last = db_column_int64(st, 1);
	}
	stmt_done(st);
	return t;
}

int
store_empty(struct store *s)
{
	struct dstmt	*st = stmt_get(s, ST_ARTICLES_ANY);
	int		 rc;

	rc = db_step(st);
	if (rc != DB_ROW && rc != DB_DONE)
		STORE_ERR(s);
	stmt_done(st);
	return rc == DB_DONE ? 1 : rc == DB_ROW ? 0 : -1;
}

int
store_slug_free(struct store *s, const char *slug, long long id)
{
	struct dstmt	*st = stmt_get(s, ST_SLUG_OWNER);
	int		 rc, free_ = 1;

	bind_text(st, 1, slug);
	while ((rc = db_step(st)) == DB_ROW)
		if (db_column_int64(st, 0) != id)
			free_ = 0;
	if (rc != DB_DONE) {
		STORE_ERR(s);
		free_ = -1;
	}
	stmt_done(st);
	return free_;
}

/*
 * The tag for name, created if new.  Tags are told apart by slug, so
 * "Russia" and "russia" are one tag (the first spelling stays).
 * Returns the id, or -1.
 */
static long long
tag_ensure(struct store *s, struct arena *a, const char *name)
{
	struct dstmt	*st;
	const char	*slug;
	long long	 id = -1;
	int		 rc;

	slug = text_slugify(a, name);
	if (*slug == '\0')
		return 0;	/* no letters or digits: not a usable tag */
	st = stmt_get(s, ST_TAG_BY_SLUG);
	bind_text(st, 1, slug);
	rc = db_step(st);
	if (rc == DB_ROW)
		id = db_column_int64(st, 0);
	stmt_done(st);
	if (rc == DB_ROW)
		return id;
	if (rc != DB_DONE) {
		STORE_ERR(s);
		return -1;
	}
	st = stmt_get(s, ST_TAG_INSERT);
	bind_text(st, 1, name);
	bind_text(st, 2, slug);
	if (db_step(st) == DB_ROW)
		id = db_column_int64(st, 0);
	else
		STORE_ERR(s);
	stmt_done(st);
	return id;
}

/*
 * Add delta to the article count of every tag the article carries.  The
 * ids are read first (into the arena: an article may carry any number
 * of tags), then each count is updated.
 */
static int
tag_counts_add(struct store *s, struct arena *a, long long article_id,
    int delta)
{
	struct dstmt	*st = stmt_get(s, ST_ARTICLE_TAG_IDS), *up;
	long long	*ids = NULL;
	size_t		 n = 0, cap = 0, i;
	int		 rc;

	db_bind_int64(st, 1, article_id);
	while ((rc = db_step(st)) == DB_ROW) {
		ids = arena_grow(a, ids, n, &cap, sizeof(*ids));
		ids[n++] = db_column_int64(st, 0);
	}
	if (rc != DB_DONE) {
		STORE_ERR(s);
		stmt_done(st);
		return -1;
	}
	stmt_done(st);
	up = stmt_get(s, ST_TAG_COUNT_ADD);
	for (i = 0; i < n; i++) {
		db_bind_int64(up, 1, ids[i]);
		db_bind_int64(up, 2, delta);
		if (STMT_EXEC(s, up) < 0)
			return -1;
	}
	return 0;
}

/*
 * Replace the article's tags.  Builds the denormalised list into tl.
 */
static int
tags_replace(struct store *s, struct arena *a, const struct article_edit *e,
    int live, struct buf *tl)
{
	struct dstmt	*st;
	long long	 tid;
	size_t		 i;

	st = stmt_get(s, ST_ARTICLE_TAGS_DELETE);
	db_bind_int64(st, 1, e->id);
	if (STMT_EXEC(s, st) < 0)
		return -1;
	for (i = 0; i < e->ntags; i++) {
		if ((tid = tag_ensure(s, a, e->tags[i])) < 0)
			return -1;
		if (tid == 0)
			continue;
		st = stmt_get(s, ST_ARTICLE_TAG_INSERT);
		db_bind_int64(st, 1, e->id);
		db_bind_int64(st, 2, tid);
		db_bind_int64(st, 3, (long long)i);
		bind_time(st, 4, e->published_at);
		db_bind_int64(st, 5, live);
		if (db_step(st) != DB_DONE) {
			STORE_ERR(s);
			stmt_done(st);
			return -1;
		}
		/* A tag listed twice ("Russia, russia") is linked once. */
		if (db_changes(s->db) > 0)
			buf_printf(tl, "%s\t%s\n", text_slugify(a, e->tags[i]),
			    e->tags[i]);
		stmt_done(st);
	}
	return 0;
}

static int
fts_sync(struct store *s, struct arena *a, const struct article_edit *e,
    int live)
{
	struct dstmt	*st;
	struct buf	 tags = BUF_INIT;
	size_t		 i;
	int		 rc;

	st = stmt_get(s, ST_FTS_DELETE);
	db_bind_int64(st, 1, e->id);
	if (STMT_EXEC(s, st) < 0)
		return -1;
	if (!live)
		return 0;
	for (i = 0; i < e->ntags; i++)
		buf_printf(&tags, "%s%s", i ? ", " : "", e->tags[i]);
	rc = fts_put(s, a, e->id, e->headline, e->summary,
	    e->body_text ? e->body_text : e->body_md, buf_cstr(&tags));
	buf_free(&tags);
	return rc;
}

static int
revision_add(struct store *s, struct arena *a, const struct article_edit *e)
{
	struct dstmt	*st;
	struct author	*au;
	struct buf	 names = BUF_INIT;
	int		 i, n, rc;

	/* The authors as just saved, as the form's field names them. */
	if ((n = store_article_authors(s, a, e->id, &au)) < 0)
		return -1;
	for (i = 0; i < n; i++)
		buf_printf(&names, "%s%s", i ? ", " : "", au[i].name);
	st = stmt_get(s, ST_REVISION_INSERT);
	db_bind_int64(st, 1, e->id);
	if (e->user_id > 0)
		db_bind_int64(st, 2, e->user_id);
	db_bind_int64(st, 3, e->now);
	bind_text(st, 4, e->kind ? e->kind : "edit");
	bind_text(st, 5, e->headline);
	bind_text(st, 6, e->summary ? e->summary : "");
	bind_text(st, 7, e->byline ? e->byline : "");
	bind_text(st, 8, e->dateline ? e->dateline : "");
	bind_text(st, 9, e->source ? e->source : "");
	bind_text(st, 10, e->body_md ? e->body_md : "");
	bind_text(st, 11, e->tags_field ? e->tags_field : "");
	bind_text(st, 12, e->slug);
	bind_text(st, 13, status_names[e->status]);
	bind_time(st, 14, e->published_at);
	bind_text(st, 15, buf_cstr(&names));
	rc = STMT_EXEC(s, st);
	buf_free(&names);
	return rc;
}

/* Bind the fields shared by insert and update, from position i. */
static void
bind_fields(struct dstmt *st, const struct article_edit *e, int i)
{
	bind_text(st, i++, e->headline);
	bind_text(st, i++, e->summary ? e->summary : "");
	bind_text(st, i++, e->byline ? e->byline : "");
	bind_text(st, i++, e->dateline ? e->dateline : "");
	bind_text(st, i++, e->source ? e->source : "");
	bind_text(st, i++, e->body_md ? e->body_md : "");
	bind_text(st, i++, e->body_html ? e->body_html : "");
	bind_text(st, i++, status_names[e->status]);
	bind_time(st, i, e->published_at);
}

/* Read what an existing article was before this save. */
static int
old_state(struct store *s, struct arena *a, long long id, const char **slug,
    int *was_live, int64_t *updated_at)
{
	struct dstmt	*st = stmt_get(s, ST_ARTICLE_STATE);
	int		 rc;

	db_bind_int64(st, 1, id);
	rc = db_step(st);
	if (rc == DB_ROW) {
		*slug = col_text(a, st, 0);
		*was_live = strcmp(db_column_text(st, 1),
		    "published") == 0;
		*updated_at = db_column_int64(st, 3);
	} else if (rc != DB_DONE)
		STORE_ERR(s);
	stmt_done(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}

int
store_article_head(struct store *s, long long id, long long *rev)
{
	struct dstmt	*st = stmt_get(s, ST_REVISION_HEAD);
	int		 rc;

	db_bind_int64(st, 1, id);
	if ((rc = db_step(st)) == DB_ROW)
		*rev = db_column_int64(st, 0);
	else
		STORE_ERR(s);
	stmt_done(st);
	return rc == DB_ROW ? 0 : -1;
}

int
store_article_save(struct store *s, struct article_edit *e)
{
	struct arena	 a;
	struct buf	 tl = BUF_INIT;
	struct dstmt	*st;
	const char	*oldslug = NULL;
	int64_t		 updated_at = 0;
	int		 live, was_live = 0, rc = -1, free_;

	arena_init(&a, 4096);
	live = e->status == ARTICLE_PUBLISHED;
	if (store_begin(s) < 0)
		goto out;
	/* Another editor saved since this form was opened: nothing. */
	if (e->id > 0 && e->base_rev > 0) {
		long long	 head;

		if (store_article_head(s, e->id, &head) < 0)
			goto rollback;
		if (head != e->base_rev) {
			rc = 2;
			goto rollback;
		}
	}
	if ((free_ = store_slug_free(s, e->slug, e->id)) <= 0) {
		rc = free_ == 0 ? 1 : -1;
		goto rollback;
	}
	if (e->id > 0) {
		if (old_state(s, &a, e->id, &oldslug, &was_live,
		    &updated_at) != 1)
			goto rollback;
		/* The caches drop the article as it was: slugs, tags, month. */
		if (outbox_article(s, e->id) < 0)
			goto rollback;
		if (was_live && tag_counts_add(s, &a, e->id, -1) < 0)
			goto rollback;
	} else {
		/* Insert first, with an empty tag list, to learn the id. */
		st = stmt_get(s, ST_ARTICLE_INSERT);
		bind_text(st, 1, e->slug);
		bind_fields(st, e, 2);
		bind_time(st, 11, e->touch_updated ? e->now : 0);
		db_bind_int64(st, 12, e->now);
		bind_text(st, 13, "");
		if (e->user_id > 0)
			db_bind_int64(st, 14, e->user_id);
		if (db_step(st) != DB_ROW) {
			STORE_ERR(s);
			stmt_done(st);
			goto rollback;
		}
		e->id = db_column_int64(st, 0);
		stmt_done(st);
		audit_target_article(s, e->id);
	}
	if (tags_replace(s, &a, e, live, &tl) < 0 ||
	    authors_put(s, e, live) < 0)
		goto rollback;
	if (live && tag_counts_add(s, &a, e->id, 1) < 0)
		goto rollback;
	if (e->touch_updated)
		updated_at = e->now;
	st = stmt_get(s, ST_ARTICLE_UPDATE);
	db_bind_int64(st, 1, e->id);
	bind_text(st, 2, e->slug);
	bind_fields(st, e, 3);
	bind_time(st, 12, updated_at);
	db_bind_int64(st, 13, e->now);
	bind_text(st, 14, buf_cstr(&tl));
	if (STMT_EXEC(s, st) < 0 ||
	    body_media_sync(s, e->id, e->body_html) < 0)
		goto rollback;
	/* The old URL of a renamed article keeps working (301). */
	if (oldslug != NULL && strcmp(oldslug, e->slug) != 0) {
		st = stmt_get(s, ST_OLD_SLUG_PUT);
		bind_text(st, 1, oldslug);
		db_bind_int64(st, 2, e->id);
		if (STMT_EXEC(s, st) < 0)
			goto rollback;
	}
	st = stmt_get(s, ST_OLD_SLUG_DELETE);
	bind_text(st, 1, e->slug);
	if (STMT_EXEC(s, st) < 0)
		goto rollback;
	if (fts_sync(s, &a, e, live) < 0 || revision_add(s, &a, e) < 0)
		goto rollback;
	/* ... and as it is now. */
	if (outbox_article(s, e->id) < 0)
		goto rollback;
	if (e->note != NULL && e->kind != NULL &&
	    (strcmp(e->kind, "update") == 0 ||
	    strcmp(e->kind, "correction") == 0)) {
		/* The note readers see, same transaction. */
		st = stmt_get(s, ST_CORRECTION_INSERT);
		db_bind_int64(st, 1, e->id);
		bind_text(st, 2, e->kind);
		bind_text(st, 3, e->note);
		db_bind_int64(st, 4, e->now);
		if (STMT_EXEC(s, st) < 0)
			goto rollback;
	}
	rc = store_commit(s) < 0 ? -1 : 0;
	goto out;
rollback:
	store_rollback(s);
out:
	buf_free(&tl);
	arena_free(&a);
	return rc;
}

/*
 * The desk's lists.
 */

int
store_articles_by_status(struct store *s, struct arena *a,
    enum article_status status, const struct cursor *before, int limit,
    struct article **out)
{
	struct dstmt	*st = stmt_get(s, before ? ST_ARTICLES_BY_STATUS_BEFORE :
			    ST_ARTICLES_BY_STATUS);

	bind_text(st, 1, status_names[status]);
	db_bind_int64(st, 2, limit);
	if (before != NULL) {
		db_bind_int64(st, 3, before->at);
		db_bind_int64(st, 4, before->id);
	}
	return article_rows(s, a, st, limit, 0, out);
}

int
store_articles_scheduled(struct store *s, struct arena *a, int64_t now,
    int limit, struct article **out)
{
	struct dstmt	*st = stmt_get(s, ST_ARTICLES_SCHEDULED);

	db_bind_int64(st, 1, now);
	db_bind_int64(st, 2, limit);
	return article_rows(s, a, st, limit, 0, out);
}

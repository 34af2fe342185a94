/*
 * bulk.c: loading many articles at once, for `gazette generate`.  See
 * the "Bulk loading" block in store.h.
 *
 * store_article_save() opens a transaction per article and rewrites the
 * row once it knows the tags; at 100,000 articles that costs minutes.
 * Here one transaction holds a whole batch, and each article is one
 * INSERT with its tag list and comment count already known.  What the
 * readers' pages rely on is kept exactly as store_article_save() keeps
 * it: article_tags rows carry published_at and live, tags.article_count
 * counts live articles, articles.tag_list lists "slug\tname\n" per tag,
 * and articles_fts holds one row per live article (its rowid the
 * article's id; the tags column their names, ", "-separated).
 */
#include <string.h>

#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/text.h"
#include "impl.h"

int
store_bulk_begin(struct store *s)
{
	return store_begin(s);
}

int
store_bulk_commit(struct store *s)
{
	return store_commit(s);
}

void
store_bulk_rollback(struct store *s)
{
	store_rollback(s);
}

int
store_bulk_tag(struct store *s, struct arena *a, const char *name,
    struct tag *t)
{
	struct dstmt	*st;
	const char	*slug;
	int		 rc;

	memset(t, 0, sizeof(*t));
	slug = text_slugify(a, name);
	if (*slug == '\0')
		return -1;
	/* Tags are told apart by slug, as store_article_save() does. */
	if ((rc = store_tag_by_slug(s, a, slug, t)) != 0)
		return rc > 0 ? 0 : -1;
	st = stmt_get(s, ST_TAG_INSERT);
	bind_text(st, 1, name);
	bind_text(st, 2, slug);
	if ((rc = db_step(st)) == DB_ROW) {
		t->id = db_column_int64(st, 0);
		t->name = arena_strdup(a, name);
		t->slug = slug;
	} else
		STORE_ERR(s);
	stmt_done(st);
	return rc == DB_ROW ? 0 : -1;
}

/* 1 if tags[i] repeats one of tags[0..i). */
static int
tag_repeated(const struct tag *tags, size_t i)
{
	size_t	 j;

	for (j = 0; j < i; j++)
		if (tags[j].id == tags[i].id)
			return 1;
	return 0;
}

static int
bulk_article_row(struct store *s, struct article_edit *e, const char *list,
    size_t ncomments)
{
	struct dstmt	*st = stmt_get(s, ST_BULK_ARTICLE_INSERT);
	int		 rc;

	bind_text(st, 1, e->slug);
	bind_text(st, 2, e->headline);
	bind_text(st, 3, e->summary ? e->summary : "");
	bind_text(st, 4, e->byline ? e->byline : "");
	bind_text(st, 5, e->dateline ? e->dateline : "");
	bind_text(st, 6, e->source ? e->source : "");
	bind_text(st, 7, e->body_md ? e->body_md : "");
	bind_text(st, 8, e->body_html ? e->body_html : "");
	bind_text(st, 9, e->status == ARTICLE_PUBLISHED ? "published" :
	    e->status == ARTICLE_DELETED ? "deleted" : "draft");
	bind_time(st, 10, e->published_at);
	db_bind_int64(st, 11, e->now);
	db_bind_int64(st, 12, (long long)ncomments);
	bind_text(st, 13, list);
	if ((rc = db_step(st)) == DB_ROW)
		e->id = db_column_int64(st, 0);
	else
		STORE_ERR(s);
	stmt_done(st);
	return rc == DB_ROW ? 0 : -1;
}

/* Link the article to its tags and count it in each if live. */
static int
bulk_tags(struct store *s, const struct article_edit *e,
    const struct tag *tags, size_t ntags, int live)
{
	struct dstmt	*st;
	size_t		 i;

	for (i = 0; i < ntags; i++) {
		if (tag_repeated(tags, i))
			continue;
		st = stmt_get(s, ST_ARTICLE_TAG_INSERT);
		db_bind_int64(st, 1, e->id);
		db_bind_int64(st, 2, tags[i].id);
		db_bind_int64(st, 3, (long long)i);
		bind_time(st, 4, e->published_at);
		db_bind_int64(st, 5, live);
		if (STMT_EXEC(s, st) < 0)
			return -1;
		if (!live)
			continue;
		st = stmt_get(s, ST_TAG_COUNT_ADD);
		db_bind_int64(st, 1, tags[i].id);
		db_bind_int64(st, 2, 1);
		if (STMT_EXEC(s, st) < 0)
			return -1;
	}
	return 0;
}

int
store_bulk_article(struct store *s, struct article_edit *e,
    const struct tag *tags, size_t ntags,
    const struct bulk_comment *comments, size_t ncomments)
{
	struct buf	 list = BUF_INIT, names = BUF_INIT;
	struct dstmt	*st;
	size_t		 i;
	int		 live, rc = -1;

	live = e->status == ARTICLE_PUBLISHED;
	for (i = 0; i < ntags; i++) {
		if (tag_repeated(tags, i))
			continue;
		buf_printf(&list, "%s\t%s\n", tags[i].slug, tags[i].name);
		buf_printf(&names, "%s%s", names.len ? ", " : "", tags[i].name);
	}
	if (bulk_article_row(s, e, buf_cstr(&list), ncomments) < 0 ||
	    bulk_tags(s, e, tags, ntags, live) < 0)
		goto out;
	if (live) {
		st = stmt_get(s, ST_FTS_INSERT);
		db_bind_int64(st, 1, e->id);
		bind_text(st, 2, e->headline);
		bind_text(st, 3, e->summary ? e->summary : "");
		bind_text(st, 4, e->body_text ? e->body_text : e->body_md);
		bind_text(st, 5, buf_cstr(&names));
		if (STMT_EXEC(s, st) < 0)
			goto out;
	}
	for (i = 0; i < ncomments; i++) {
		st = stmt_get(s, ST_BULK_COMMENT_INSERT);
		db_bind_int64(st, 1, e->id);
		bind_text(st, 2, comments[i].author);
		bind_text(st, 3, comments[i].body);
		db_bind_int64(st, 4, comments[i].at);
		if (STMT_EXEC(s, st) < 0)
			goto out;
	}
	rc = 0;
out:
	buf_free(&list);
	buf_free(&names);
	return rc;
}

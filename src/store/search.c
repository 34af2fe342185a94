/*
 * search.c: full-text search over live articles, with SQLite's FTS5 or
 * PostgreSQL's text search.
 *
 * The index (articles_fts) holds a copy of each published article's
 * headline, summary, body as plain text and tag names, keyed by the
 * article's id (on PostgreSQL with a tsvector computed from them).  store_article_save() keeps it in step in the same
 * transaction as the change (through fts_put() here); gazette reindex
 * rebuilds it whole.  Queries always join the articles, so that an
 * article not yet due, or changed behind the store's back, never shows.
 */
#include <string.h>

#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/markdown.h"
#include "../util/snippet.h"
#include "impl.h"

int
fts_put(struct store *s, struct arena *a, long long id, const char *headline,
    const char *summary, const char *body_text, const char *tags)
{
	struct dstmt	*st = stmt_get(s, ST_FTS_INSERT);

	/* The snippet marks must come only from snippet(). */
	db_bind_int64(st, 1, id);
	bind_text(st, 2, snip_clean(a, headline ? headline : ""));
	bind_text(st, 3, snip_clean(a, summary ? summary : ""));
	bind_text(st, 4, snip_clean(a, body_text ? body_text : ""));
	bind_text(st, 5, snip_clean(a, tags ? tags : ""));
	return STMT_EXEC(s, st);
}

/*
 * The FTS5 query that util/ftsquery.h makes ("w1" "w2" "w3"*, quotes
 * doubled inside) as the text of a PostgreSQL tsquery: 'w1' & 'w2' &
 * 'w3':*.  Each word is quoted (a quote doubled, a backslash escaped),
 * so that nothing typed is tsquery syntax and the text always parses;
 * to_tsquery('news', ...) then splits and folds each word as the
 * index's words were.  In the arena.
 */
static const char *
tsquery_text(struct arena *a, const char *match)
{
	struct buf	 b = BUF_INIT;
	const char	*p = match, *out;

	while (*p == '"') {
		buf_printf(&b, "%s'", b.len ? " & " : "");
		for (p++; *p != '\0'; p++) {
			if (*p == '"' && p[1] == '"')
				p++;
			else if (*p == '"')
				break;
			if (*p == '\'' || *p == '\\')
				buf_printf(&b, "%c", *p);
			buf_printf(&b, "%c", *p);
		}
		buf_printf(&b, "'");
		if (*p == '"')
			p++;
		if (*p == '*') {
			buf_printf(&b, ":*");
			p++;
		}
		while (*p == ' ')
			p++;
	}
	out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return out;
}

/* PostgreSQL's excerpt with U+E002 turned back into "<" (stmt_pg.c). */
static const char *
lt_back(struct arena *a, const char *text)
{
	struct buf	 b = BUF_INIT;
	const char	*p, *q, *out;

	if (strstr(text, "\xee\x80\x82") == NULL)
		return text;
	for (p = text; (q = strstr(p, "\xee\x80\x82")) != NULL; p = q + 3)
		buf_printf(&b, "%.*s<", (int)(q - p), p);
	buf_printf(&b, "%s", p);
	out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return out;
}

int
store_search(struct store *s, struct arena *a, const char *match,
    int64_t now, int offset, int limit, struct article **out,
    long long *total)
{
	struct dstmt	*st;
	struct article	*rows;
	int		 n = 0, rc;

	*out = rows = arena_calloc(a, (size_t)(limit > 0 ? limit : 1),
	    sizeof(*rows));
	*total = 0;
	if (db_is_pg(s->db))
		match = tsquery_text(a, match);

	st = stmt_get(s, ST_SEARCH_COUNT);
	db_bind_int64(st, 1, now);
	bind_text(st, 2, match);
	db_bind_int64(st, 3, STORE_SEARCH_COUNT_MAX + 1);
	if ((rc = db_step(st)) == DB_ROW)
		*total = db_column_int64(st, 0);
	stmt_done(st);
	if (rc != DB_ROW) {
		STORE_ERR(s);
		return -1;
	}
	if (*total <= offset)
		return 0;

	st = stmt_get(s, ST_SEARCH);
	db_bind_int64(st, 1, now);
	bind_text(st, 2, match);
	bind_text(st, 3, SNIP_OPEN);
	bind_text(st, 4, SNIP_CLOSE);
	bind_text(st, 5, SNIP_ELLIPSIS);
	db_bind_int64(st, 6, limit);
	db_bind_int64(st, 7, offset);
	while (n < limit && (rc = db_step(st)) == DB_ROW) {
		article_row(a, st, &rows[n], 0);
		rows[n].snippet = col_text(a, st, 15);
		if (db_is_pg(s->db))
			rows[n].snippet = lt_back(a, rows[n].snippet);
		n++;
	}
	if (n < limit && rc != DB_DONE) {
		STORE_ERR(s);
		stmt_done(st);
		return -1;
	}
	stmt_done(st);
	return n;
}

/* The tag names of a denormalised tag list ("slug\tname\n"...). */
static const char *
tag_names(struct arena *a, const char *list)
{
	struct buf	 b = BUF_INIT;
	const char	*p, *tab, *nl, *out;

	for (p = list; (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
		if ((tab = memchr(p, '\t', (size_t)(nl - p))) == NULL)
			continue;
		buf_printf(&b, "%s%.*s", b.len ? ", " : "",
		    (int)(nl - tab - 1), tab + 1);
	}
	out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return out;
}

int
store_search_reindex(struct store *s)
{
	struct dstmt	*st;
	struct arena	 a;
	const char	*html, *text;
	int		 n = 0, rc;

	arena_init(&a, 0);
	if (store_begin(s) < 0)
		goto fail;
	if (STMT_EXEC(s, stmt_get(s, ST_FTS_CLEAR)) < 0)
		goto rollback;
	st = stmt_get(s, ST_REINDEX_ARTICLES);
	while ((rc = db_step(st)) == DB_ROW) {
		/* The same plain text as when an editor saves. */
		if (md_render(&a, db_column_text(st, 3),
		    &html, &text) < 0 ||
		    fts_put(s, &a, db_column_int64(st, 0),
		    db_column_text(st, 1),
		    db_column_text(st, 2), text,
		    tag_names(&a, db_column_text(st, 4))) < 0) {
			stmt_done(st);
			goto rollback;
		}
		n++;
		arena_reset(&a);
	}
	if (rc != DB_DONE) {
		STORE_ERR(s);
		stmt_done(st);
		goto rollback;
	}
	stmt_done(st);
	/* Merge the index's segments into one, for fast reads. */
	if (STMT_EXEC(s, stmt_get(s, ST_FTS_OPTIMIZE)) < 0 ||
	    store_commit(s) < 0)
		goto fail;
	arena_free(&a);
	return n;
rollback:
	store_rollback(s);
fail:
	arena_free(&a);
	return -1;
}

/*
 * impl.h: what the store's own files share.  Nothing outside src/store/
 * includes this file; the database is reached through the driver
 * (drv.h), SQLite or PostgreSQL.
 */
#ifndef GAZETTE_STORE_IMPL_H
#define GAZETTE_STORE_IMPL_H

#include "drv.h"
#include "stmt.h"
#include "store.h"

struct store {
	struct dconn	*db;
	struct dstmt	*stmt[ST__MAX];	/* prepared once, at open */
	int		 writing;	/* holds the process's write lock */
	int		 reading;	/* inside store_read_begin() */
	int		 outboxed;	/* this write named what it changed */
	/* The audit row the next commit inserts (store_audit_next()),
	 * its strings copied with malloc and owned here. */
	struct {
		int		 set;
		int64_t		 at;
		long long	 user_id;
		char		*who, *action, *target, *detail;
	} audit;
};

/*
 * The statement for id, ready to bind.  stmt_done() resets it and
 * clears its bindings; call it as soon as the rows are copied, on every
 * path, so that readers do not hold back WAL checkpoints.
 */
struct dstmt	*stmt_get(struct store *, enum stmt);
void		 stmt_done(struct dstmt *);

/* Run a statement that returns no rows; 0 or -1 (logged). */
int		 stmt_exec(struct store *, struct dstmt *, const char *file,
		    int line);
#define STMT_EXEC(s, st) stmt_exec((s), (st), __FILE__, __LINE__)

/*
 * Run a statement that returns no rows and say whether it changed any:
 * 1 it did, 0 it matched none, -1 error (logged).
 */
int		 stmt_changes(struct store *, struct dstmt *, const char *file,
		    int line);
#define STMT_CHANGED(s, st) stmt_changes((s), (st), __FILE__, __LINE__)

/* Name a new article "article N" in the pending audit row's empty
 * target (see store_audit_next()). */
void		 audit_target_article(struct store *, long long id);

/* Log the connection's last error with the source line that met it. */
void		 store_error(struct store *, const char *file, int line);
#define STORE_ERR(s) store_error((s), __FILE__, __LINE__)

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK; 0 or -1 (logged). */
int		 store_begin(struct store *);
int		 store_commit(struct store *);
/* COMMIT without moving the generation: only for writes that change no
 * page a reader or a cache can see (held or rejected comments). */
int		 store_commit_unseen(struct store *);
void		 store_rollback(struct store *);

/* Bind helpers: NULL text binds SQL NULL; 0 times bind NULL. */
int		 bind_text(struct dstmt *, int, const char *);
int		 bind_time(struct dstmt *, int, int64_t);

/* A column copied into the arena; NULL becomes "". */
const char	*col_text(struct arena *, struct dstmt *, int);
/* An account from USER_COLS (stmt.c) starting at column c (user.c). */
struct user;
void		 user_row_at(struct arena *, struct dstmt *, int c,
		    struct user *);

/*
 * Run st with key bound to ?1 and copy the first column of its one row
 * into *out: 1 found, 0 not, -1 error (logged).
 */
int		 lookup_text(struct store *, struct arena *, struct dstmt *st,
		    const char *key, const char **out);

/* The columns id, name, slug, article_count of a tag row. */
void		 tag_row(struct arena *, struct dstmt *, struct tag *);

/*
 * Shared by the readers' listings (search.c, archive.c,
 * related.c): copy a row of ARTICLE_LIST_COLS (and the body when full)
 * from column 0; run a listing statement (see article.c).
 */
void		 article_row(struct arena *, struct dstmt *, struct article *,
		    int full);
int		 article_list(struct store *, struct arena *, struct dstmt *,
		    int64_t now, const struct cursor *, int after, int limit,
		    struct article **);

/*
 * The listing of the articles under one heading (a tag, an author):
 * the statements of its first page and of its ?before= and ?after=
 * pages, each with the heading's id as ?5 beside article_list()'s
 * parameters, and of its feed (?1 now, ?2 the id, ?3 the limit; full
 * rows).
 */
struct heading_stmts {
	enum stmt	 first, before, after, feed;
};
int		 article_list_under(struct store *, struct arena *,
		    const struct heading_stmts *, long long id, int64_t now,
		    const struct cursor *, int after, int limit,
		    struct article **);

/*
 * Run a feed statement (?1 now, ?2 id when id > 0, ?3 limit) into
 * *out, rows with their bodies.  Returns the count or -1.
 */
int		 article_feed(struct store *, struct arena *, enum stmt,
		    long long id, int64_t now, int limit, struct article **);

/*
 * Add an article's search entry (search.c); the snippet marks are
 * stripped from the text first.  0 or -1 (logged).
 */
int		 fts_put(struct store *, struct arena *, long long id,
		    const char *headline, const char *summary,
		    const char *body_text, const char *tags);

/*
 * Name what the current write transaction changes, for the caches
 * (outbox.c): an article (its slugs and tags as they are now: call it
 * before and after a change), a tag (its slugs and its published
 * articles), or the whole site.  A write that names nothing purges the
 * site's shared pages (store_commit() adds the row).  0 or -1 (logged).
 */
int		 outbox_article(struct store *, long long id);
/*
 * Record the library images (placeholders of md_render()) that
 * article_id's rendered body html shows, in place of those it showed.
 * 0 or -1.
 */
int		 body_media_sync(struct store *, long long article_id,
		    const char *html);
int		 outbox_tag(struct store *, long long id);
int		 outbox_site(struct store *);
/* An author: their page and feed, and their published articles. */
int		 outbox_author(struct store *, long long user_id);

/*
 * Inside a write (author.c): give account id a unique slug made from
 * display (or name); set an article's authors (e->author_ids when
 * e->set_authors, else only the copies of its status and time).
 * 0 or -1 (logged).
 */
int		 author_slug_assign(struct store *, long long id,
		    const char *display, const char *name);
int		 authors_put(struct store *, const struct article_edit *e,
		    int live);

#endif

/*
 * store.h: Gazette's data, as the rest of the program sees it.
 *
 * src/store/ is the only code that knows SQL.  Each worker thread opens
 * its own connection (struct store) and keeps it for the life of the
 * process; statements are prepared once per connection.
 *
 * Conventions, for every function here unless it says otherwise:
 * - lookups return 1 found, 0 not found, -1 error (already logged);
 * - writes return 0 on success, -1 on error, and run in one transaction;
 * - strings and arrays in results are copied into the arena passed in,
 *   so callers free nothing one by one;
 * - times are Unix seconds, UTC.
 */
#ifndef GAZETTE_STORE_H
#define GAZETTE_STORE_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct store;

enum article_status {
	ARTICLE_DRAFT,
	ARTICLE_PUBLISHED,
	ARTICLE_DELETED,
};

enum comments_mode {
	COMMENTS_OPEN,
	COMMENTS_CLOSED,	/* shown, no new ones */
	COMMENTS_HIDDEN,	/* neither shown nor taken */
};

enum comment_status {
	COMMENT_PENDING,
	COMMENT_APPROVED,
	COMMENT_REJECTED,
};

struct tag {
	long long	 id;
	const char	*name;
	const char	*slug;
	long long	 article_count;	/* published articles */
};

struct article {
	long long	 id;
	const char	*slug;
	const char	*headline;
	const char	*summary;
	const char	*byline;
	const char	*dateline;
	const char	*source;
	const char	*body_md;	/* only filled by store_article_get() */
	const char	*body_html;	/* only filled by store_article_get() */
	enum article_status status;
	int64_t		 published_at;	/* 0: never published */
	int64_t		 updated_at;	/* 0: no update or correction */
	int64_t		 created_at;
	int64_t		 modified_at;
	enum comments_mode comments;
	long long	 comment_count;	/* approved comments */
	struct tag	*tags;
	size_t		 ntags;
};

struct comment {
	long long	 id;
	long long	 article_id;
	const char	*author;
	const char	*body;
	enum comment_status status;
	int64_t		 created_at;
};

/* What an editor (or the importer) writes; see store_article_save(). */
struct article_edit {
	long long	 id;		/* 0: a new article */
	const char	*slug;		/* already validated and non-empty */
	const char	*headline;
	const char	*summary;
	const char	*byline;
	const char	*dateline;
	const char	*source;
	const char	*body_md;
	const char	*body_html;	/* rendered from body_md by the caller */
	const char	*body_text;	/* plain text of the body, for search */
	enum article_status status;
	int64_t		 published_at;	/* 0 for a draft never published */
	const char	*const *tags;	/* tag names, already cleaned */
	size_t		 ntags;
	const char	*tags_field;	/* the field as typed, for the revision */
	long long	 user_id;	/* who saves (0: the command line) */
	const char	*kind;		/* revision kind: "edit", "import", ... */
	int		 touch_updated;	/* 1: an update/correction, move updated_at */
	int64_t		 now;
};

/* The front page and other listings page through with a cursor. */
struct cursor {
	int64_t		 at;		/* published_at of the boundary row */
	long long	 id;		/* its id */
};

/* Connections (db.c). */

/*
 * Open the database at path for this thread.  Sets the pragmas, checks
 * the schema version (refusing an unknown one unless migrating), and
 * prepares every statement.  Returns NULL on error (logged).
 */
struct store	*store_open(const char *path, int for_migrate);
void		 store_close(struct store *);

/* Apply the migrations the database lacks; returns 0, or -1 (logged). */
int		 store_migrate(struct store *, int *from, int *to);

/*
 * Settings for every connection opened afterwards: synchronous=FULL
 * (acknowledged writes survive power loss) or NORMAL (they survive a
 * crash of the process), and the page cache size per connection.
 */
void		 store_configure(int synchronous_full, int cache_kib);

/* Site-wide values kept in the database (secrets made on first start). */
int		 store_setting_get(struct store *, struct arena *,
		    const char *key, const char **value);
int		 store_setting_put(struct store *, const char *key,
		    const char *value);

/*
 * Copy the whole database to path (which must not exist) with SQLite's
 * online backup API: a consistent snapshot, taken while the site keeps
 * serving and writing.  Returns 0, or -1 (logged).
 */
int		 store_backup(struct store *, const char *path);

/*
 * Run PRAGMA integrity_check and foreign_key_check, printing problems
 * to f.  Returns 0 if the database is sound, 1 if not, -1 on error.
 */
int		 store_check(struct store *, void *f);

/* The schema version this binary knows. */
int		 store_schema_version(void);

/*
 * The store's generation: a number that every write transaction moves
 * (store_commit() does it), the same in every thread and process.
 * Entity tags and caches of rendered pages compare it to know whether
 * anything changed.  *changed (if not NULL) gets the time of the last
 * write (0: none yet).  Returns 0 on error (logged).
 */
uint64_t	 store_version(struct store *, int64_t *changed);

/* Articles (article.c). */

/* The article with this slug, whatever its status, with body and tags. */
int	 store_article_by_slug(struct store *, struct arena *, const char *slug,
	    struct article *);
int	 store_article_by_id(struct store *, struct arena *, long long id,
	    struct article *);

/* The current slug of an article that used to have this slug. */
int	 store_article_old_slug(struct store *, struct arena *,
	    const char *slug, const char **newslug);

/*
 * Live articles (published, published_at <= now), newest first, without
 * bodies.  With a cursor, rows strictly older than it (after == 0) or
 * strictly newer (after == 1; still returned newest first).  Fills at
 * most limit rows; returns the count or -1.
 */
int	 store_articles_live(struct store *, struct arena *, int64_t now,
	    const struct cursor *, int after, int limit, struct article **);

/* The same for one tag. */
int	 store_articles_by_tag(struct store *, struct arena *, long long tag_id,
	    int64_t now, const struct cursor *, int after, int limit,
	    struct article **);

/*
 * Create or update an article with its tags, revision and search entry,
 * all in one transaction.  Sets e->id for a new article.  Returns 0,
 * -1 on error, or 1 if the slug is taken by another article.
 */
int	 store_article_save(struct store *, struct article_edit *);

/* 1 if slug is free for article id (0: a new article), 0 if taken. */
int	 store_slug_free(struct store *, const char *slug, long long id);

/* The earliest published_at in the future, or 0: pages change then. */
int64_t	 store_next_scheduled(struct store *, int64_t now);

/* Tags (tag.c). */

int	 store_tag_by_slug(struct store *, struct arena *, const char *slug,
	    struct tag *);
int	 store_tag_old_slug(struct store *, struct arena *, const char *slug,
	    const char **newslug);
/* Every tag with at least one published article, by name. */
int	 store_tags_all(struct store *, struct arena *, struct tag **);

/* Comments (comment.c). */

/* Approved comments of an article, oldest first, from offset. */
int	 store_comments_approved(struct store *, struct arena *,
	    long long article_id, long long after_id, int limit,
	    struct comment **);

/* Add an approved comment outright (sample content, import). */
int	 store_comment_import(struct store *, long long article_id,
	    const char *author, const char *body, int64_t at);

/* Posting (issue 4). */

#define COMMENT_HASH_BYTES	32	/* ip_hash, author_token, body_hash */

/*
 * The setting key, made value if it has none yet: the first writer
 * wins, so two processes starting at once agree.  *out gets the value
 * kept.  For secrets created on first start.
 */
int	 store_setting_init(struct store *, struct arena *, const char *key,
	    const char *value, const char **out);

/* A reader's comment to store; see store_comment_post(). */
struct comment_post {
	long long	 article_id;
	const char	*author;	/* validated, white space folded */
	const char	*body;		/* validated, as typed */
	const unsigned char *ip_hash;	/* salted hash of the address */
	const unsigned char *author_hash; /* hash of the returning-author token */
	const unsigned char *body_hash;	/* hash of author and body */
	enum comment_status status;	/* COMMENT_APPROVED or COMMENT_PENDING */
	int		 trust_known;	/* 1: pending becomes approved if this
					   author has an approved comment */
	const char	*reason;	/* why a pending comment waits */
	const char	*spam;		/* not NULL: store as rejected, with
					   this reason, but answer as if not */
	int64_t		 now;
	int64_t		 dup_since;	/* same article and body_hash since
					   then: a duplicate */
	int		 limit[2];	/* at most limit[i] comments per address */
	int		 window[2];	/* in window[i] seconds (limit 0: none) */

	/* Set by store_comment_post(). */
	long long	 id;		/* the new comment, or the first one */
	enum comment_status stored;	/* its status */
	enum comment_status answer;	/* what the poster is told */
	int		 retry_after;	/* seconds, when rate-limited */
};

enum comment_post_result {
	COMMENT_POSTED,
	COMMENT_DUPLICATE,	/* an equal one was posted just before */
	COMMENT_LIMITED,	/* too many from this address: retry_after */
};

/*
 * Store a reader's comment, in one transaction (BEGIN IMMEDIATE, so
 * that concurrent posts are serialised): the duplicate check, the rate
 * limits, the returning-author check, the insert, and for an approved
 * comment the article's comment_count and modified_at.  Returns an
 * enum comment_post_result, or -1 on error (logged).
 */
int	 store_comment_post(struct store *, struct comment_post *);

/*
 * Bulk loading (bulk.c), for `gazette generate` (issue 6): many new
 * articles in one transaction, each with everything store_article_save()
 * keeps in step (article_tags with published_at and live, the tags'
 * article counts, the tag list, the search entry) and its approved
 * comments with the article's comment count.  No revision rows are
 * written.  Call store_bulk_begin(), then store_bulk_tag() and
 * store_bulk_article() any number of times, then store_bulk_commit()
 * (or store_bulk_rollback() after an error).
 */
struct bulk_comment {
	const char	*author;
	const char	*body;
	int64_t		 at;
};

int	 store_bulk_begin(struct store *);
int	 store_bulk_commit(struct store *);
void	 store_bulk_rollback(struct store *);

/* 1 if the database holds no article at all, 0 if it does, -1 error. */
int	 store_bulk_empty(struct store *);

/*
 * The tag named name (already cleaned), created if new; *t gets its id,
 * name and slug, copied into the arena.  Returns 0, or -1 on error or
 * when the name has no letters or digits.
 */
int	 store_bulk_tag(struct store *, struct arena *, const char *name,
	    struct tag *t);

/*
 * Add a new article (e->id must be 0; it is set) with the tags given
 * (from store_bulk_tag(), distinct) and its approved comments.  e->tags
 * and e->tags_field are not used: the tags come from tags.  Returns 0,
 * or -1 on error (a taken slug included).
 */
int	 store_bulk_article(struct store *, struct article_edit *e,
	    const struct tag *tags, size_t ntags,
	    const struct bulk_comment *comments, size_t ncomments);

#endif

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

#include "../model.h"

struct arena;
struct store;

/* Connections (db.c). */

/*
 * Open the database at path for this thread: a SQLite file, or a
 * PostgreSQL database named by a postgresql:// (or postgres://) URI or
 * a libpq keyword string (anything holding "=").  Sets the pragmas, checks
 * the schema version (refusing an unknown one unless migrating), and
 * prepares every statement.  Returns NULL on error (logged).
 */
struct store	*store_open(const char *path, int for_migrate);
void		 store_close(struct store *);

/*
 * 1 if the store's last error was the database being unavailable (a
 * PostgreSQL server gone, shutting down, or now a read-only standby),
 * which a retry in a moment may not meet: the failed transaction was
 * abandoned whole, and the next call connects again.  Clears the mark.
 */
int		 store_unavailable(struct store *);

/*
 * 1 if there is a database at where to open: a SQLite file that exists,
 * or any server's (which says itself whether it has the database).
 */
int		 store_present(const char *where);

/*
 * The serving lock (util/dblock.h) on the database at where, for a
 * server's whole life: the descriptor to close at exit, or -1 (logged)
 * if a restore is at work.  A database on a server has no file to
 * restore in place: its descriptor holds nothing.
 */
int		 store_serve_lock(const char *where);

/*
 * Copy the whole site in the SQLite file from into the PostgreSQL
 * database to (migrated first if need be; it must hold no site yet):
 * every table's rows with their ids, in one transaction, then the
 * search index built.  Prints each table's row count to f.  Returns 0,
 * or -1 (logged) with the destination unchanged but for its schema.
 */
int		 store_copy(const char *from, const char *to, void *f);

/*
 * 1 if store_backup() can copy this database (a SQLite file); a
 * database on a server is copied with the server's own tools.
 */
int		 store_keeps_copies(struct store *);

/* Apply the migrations the database lacks; returns 0, or -1 (logged). */
int		 store_migrate(struct store *, int *from, int *to);

/*
 * Settings for every connection opened afterwards: synchronous=FULL
 * (acknowledged writes survive power loss) or NORMAL (they survive a
 * crash of the process), the page cache size per connection, and how
 * often (ms) store_version() looks for other processes' writes.
 */
void		 store_configure(int synchronous_full, int cache_kib,
		    int mmap_mib, int recheck_ms);

/*
 * One read snapshot for all the statements of a page: a single lock
 * and unlock instead of one per statement.  A write (store_begin())
 * ends it first.  Calls do not nest; store_read_end() is harmless
 * without a begin.
 */
void		 store_read_begin(struct store *);
void		 store_read_end(struct store *);

/* Site-wide values kept in the database (secrets made on first start). */
int		 store_setting_get(struct store *, struct arena *,
		    const char *key, const char **value);
int		 store_setting_put(struct store *, const char *key,
		    const char *value);
/*
 * Save n settings in one write transaction, which moves the generation.
 * Returns 0 or -1.
 */
int		 store_settings_save(struct store *, const char *const *keys,
		    const char *const *values, size_t n);

/*
 * Copy the whole database to path (which must not exist) with SQLite's
 * online backup API: a consistent snapshot, taken while the site keeps
 * serving and writing.  Returns 0, or -1 (logged; on PostgreSQL, whose
 * own tools copy a database, always, saying which).
 */
int		 store_backup(struct store *, const char *path);

/*
 * Check the database: its own structures (SQLite's integrity_check and
 * foreign_key_check), and the counters pages show against a recount,
 * printing problems to f, then a line of what the site holds (articles,
 * comments, tags, users, photographs, revisions), the same on two
 * copies of a site.  Returns 0 if the database is sound, 1 if not, -1
 * on error.
 */
int		 store_check(struct store *, void *f);

/* The schema version this binary knows. */
int		 store_schema_version(void);

/* The database's schema version (0: new and empty), or -1 (logged). */
int		 store_db_version(struct store *);

/*
 * Check that the file at path is a sound Gazette database that this
 * binary can use, without changing it: it opens read-only, passes
 * PRAGMA integrity_check, and its schema version is from 1 to
 * store_schema_version().  Sets *version.  Returns 0, or -1 after
 * logging the reason.
 */
int		 store_verify_file(const char *path, int *version);

/*
 * Replace the whole content of the database s with that of the file
 * at src_path (SQLite's backup API, in one step, so that any other
 * connection sees the old database or the new one).  Returns 0, or -1
 * (logged).
 */
int		 store_restore(struct store *s, const char *src_path);

/*
 * The store's generation: a number that every write transaction moves
 * (store_commit() does it), the same in every thread and process.
 * Entity tags and caches of rendered pages compare it to know whether
 * anything changed.  This process's own writes show at once; another
 * process's (the command line, a second server) within 0.1 s.
 * *changed (if not NULL) gets the time of the last write (0: none yet).
 * Returns 0 on error (logged).
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
 * -1 on error, 1 if the slug is taken by another article, or 2 if
 * e->base_rev is set and another revision was saved since (nothing is
 * written then).
 */
int	 store_article_save(struct store *, struct article_edit *);

/* The id of an article's newest revision into *rev (0: none): 0 or -1. */
int	 store_article_head(struct store *, long long id, long long *rev);

/*
 * 1 if the database holds no article at all (of any status: a withdrawn
 * one counts), 0 if it does, -1 on error.  For generate and import.
 */
int	 store_empty(struct store *);

/* 1 if slug is free for article id (0: a new article), 0 if taken. */
int	 store_slug_free(struct store *, const char *slug, long long id);

/*
 * The earliest published_at in the future, or 0: pages change then.
 * If last is not NULL, it gets the latest published_at that is due by
 * now (0: none): the last time pages changed by themselves.
 */
int64_t	 store_next_scheduled(struct store *, int64_t now, int64_t *last);

/* Tags (tag.c). */

int	 store_tag_by_slug(struct store *, struct arena *, const char *slug,
	    struct tag *);
int	 store_tag_old_slug(struct store *, struct arena *, const char *slug,
	    const char **newslug);
/*
 * Readers' counts: take off each tag's article_count the articles that
 * are published but not due yet at now (scheduled).  Returns 0 or -1.
 */
int	 store_tags_due(struct store *, int64_t now, struct tag *, int n);

/*
 * The tag at slug as readers may see it: 1 when it carries at least one
 * live article (published and due at now), with t->article_count the
 * number of those; 0 when it does not exist or carries only drafts,
 * scheduled or withdrawn articles, whose tags are not public yet; -1
 * on error.
 */
int	 store_tag_live(struct store *, struct arena *, const char *slug,
	    int64_t now, struct tag *t);

/* Every tag with at least one published article, by name. */
int	 store_tags_all(struct store *, struct arena *, struct tag **);

/* Comments (comment.c). */

/* Approved comments of an article, oldest first, from offset. */
int	 store_comments_approved(struct store *, struct arena *,
	    long long article_id, long long after_id, int limit,
	    struct comment **);

/*
 * Where approved comment id shows on its article's pages of per_page
 * comments: 0 on the first page, else the id of the approved comment
 * just before it (the page ?comments_after= that id starts with it);
 * -1 on error.  Bounded: it reads at most per_page index entries.
 */
long long store_comment_page(struct store *, long long article_id,
	    long long id, int per_page);

/* Add an approved comment outright (sample content, import). */
int	 store_comment_import(struct store *, long long article_id,
	    const char *author, const char *body, int64_t at);

/* Readers' comments: posting (comment.c). */

/*
 * The setting key, made value if it has none yet: the first writer
 * wins, so two processes starting at once agree.  *out gets the value
 * kept.  For secrets created on first start.
 */
int	 store_setting_init(struct store *, struct arena *, const char *key,
	    const char *value, const char **out);

/*
 * Store a reader's comment: the duplicate check, the rate limits, the
 * returning-author check, the insert, and for an approved comment the
 * article's comment_count and modified_at, all in one transaction that
 * is committed before this returns.  Posts that arrive together share
 * that transaction and its commit (group commit, see comment.c), each
 * under its own savepoint.  Returns an enum comment_post_result, or -1
 * on error (logged; nothing of this post is stored).
 */
int	 store_comment_post(struct store *, struct comment_post *);
/*
 * Search (search.c), feeds, archives
 * (archive.c), related articles (related.c) and sitemaps (sitemap.c).
 * "Live" is always: published, and published_at <= now.
 */

/*
 * Live articles matching match, best first: bm25 with the headline
 * weighted above the summary and tags, and those above the body; newest
 * first on ties.  match must be a query made by ftsq_build() (never the
 * reader's raw text).  Skips offset rows and fills at most limit, each
 * with a snippet of its body; *total gets the number of matches among
 * the newest STORE_SEARCH_COUNT_MAX (a total of the maximum means "at
 * least that many").  Returns the number filled, or -1.
 */
int	 store_search(struct store *, struct arena *, const char *match,
	    int64_t now, int offset, int limit, struct article **,
	    long long *total);

/*
 * Rebuild the search index from the articles (bodies rendered from
 * their Markdown to plain text again), in one transaction.  Returns the
 * number of articles indexed, or -1.
 */
int	 store_search_reindex(struct store *);

/* The latest live articles with their bodies, for a feed: the whole
 * site's (tag_id 0) or one tag's.  Returns the count or -1. */
int	 store_articles_feed(struct store *, struct arena *, long long tag_id,
	    int64_t now, int limit, struct article **);

/*
 * The months (in the site's time zone) with live articles, newest
 * first, at most max of them.  Each costs two index lookups and a count
 * over the month's index range.  Returns the count or -1.
 */
int	 store_archive_months(struct store *, struct arena *, int64_t now,
	    int max, struct archive_month **);

/* Live articles published in [from, to), as store_articles_live(). */
int	 store_articles_between(struct store *, struct arena *, int64_t from,
	    int64_t to, int64_t now, const struct cursor *, int after,
	    int limit, struct article **);

int	 store_archive_span(struct store *, int64_t from, int64_t to,
	    int64_t now, struct archive_span *);

/*
 * Up to STORE_RELATED_MAX live articles sharing tags with article id:
 * most shared tags first, then newest.  Bounded: only the newest
 * 200 articles of each of its tags are considered.  Returns
 * the count or -1.
 */
int	 store_related(struct store *, struct arena *, long long id,
	    int64_t now, struct article **);

int	 store_sitemap_stats(struct store *, int64_t now,
	    struct sitemap_stats *);

/* Live articles with from < id <= to, by id, with their last change. */
int	 store_sitemap_articles(struct store *, struct arena *, int64_t now,
	    long long from, long long to, struct sitemap_url **);

/*
 * The last change among the live articles with from < id <= to (what
 * store_sitemap_articles() lists), or 0 if none; -1 on error.  It reads
 * the same rows as that part of the sitemap does.
 */
int64_t	 store_sitemap_lastmod(struct store *, int64_t now, long long from,
	    long long to);

/* Tags with live articles, by slug, at most limit, with the newest
 * publication among them. */
int	 store_sitemap_tags(struct store *, struct arena *, int64_t now,
	    int limit, struct sitemap_url **);
/* Accounts, sessions and login throttling (user.c). */

/* Returns 0, 1 if the name is taken, or -1. */
int	 store_user_add(struct store *, const char *name, const char *display,
	    enum role, const char *pw_hash, int64_t now);
int	 store_user_by_name(struct store *, struct arena *, const char *name,
	    struct user *);
/* Set the hash and end the user's sessions: 1 done, 0 no such user. */
int	 store_user_passwd(struct store *, const char *name,
	    const char *pw_hash);
/* Disable (ending every session) or enable: 1 done, 0 no such user. */
int	 store_user_disable(struct store *, const char *name, int disabled);
/* Every account, by name, without hashes; returns the count or -1. */
int	 store_users_all(struct store *, struct arena *, struct user **);
/* Change the role (sessions stay: each request reads the role anew):
 * 1 done, 0 no such user, -1 error. */
int	 store_user_role(struct store *, const char *name, enum role);

/* The account with id: 1 found, 0 not, -1 error. */
int	 store_user_by_id(struct store *, struct arena *, long long id,
	    struct user *);
/*
 * Add an account with no password (it cannot log in) and the hash of
 * its invitation link, valid until expires: 0, 1 if the name is taken,
 * -1.
 */
int	 store_user_invite(struct store *, const char *name,
	    const char *display, enum role, const unsigned char *hash,
	    size_t hashlen, int64_t now, int64_t expires);
/* A new reset link for an account, replacing any older link: 0 or -1. */
int	 store_user_link(struct store *, long long user_id, enum account_link,
	    const unsigned char *hash, size_t hashlen, int64_t now,
	    int64_t expires);
/* The account behind an unexpired link: 1 (*kind set), 0 none, -1. */
int	 store_user_by_link(struct store *, struct arena *,
	    const unsigned char *hash, size_t hashlen, int64_t now,
	    struct user *, enum account_link *kind);
/*
 * Use a link: set the password and end every session of its account,
 * in one transaction.  1 done, 0 the link was used or has expired, -1.
 */
int	 store_user_link_redeem(struct store *, const unsigned char *hash,
	    size_t hashlen, int64_t now, const char *pw_hash);
/* Set display name and bio; the account's author page and its
 * articles' pages are purged: 1 done, 0 no such account, -1. */
int	 store_user_profile(struct store *, long long id, const char *display,
	    const char *bio);
/* Set an account's password and end its sessions but keep (0: none):
 * 1 done, 0 no such account, -1. */
int	 store_user_passwd_keep(struct store *, long long id,
	    const char *pw_hash, long long keep);

/* An account's live sessions, last used first: count or -1. */
int	 store_sessions_of(struct store *, struct arena *, long long user_id,
	    int64_t now, int idle, struct session_row **);
/* End every session of an account: 0 or -1. */
int	 store_sessions_end_user(struct store *, long long user_id);
/* End one of an account's sessions: 1 done, 0 none such, -1. */
int	 store_session_end_id(struct store *, long long id,
	    long long user_id);

/* Two-factor sign-in (twofactor.c). */
/* Make secret (base32) the account's, step used, with n recovery code
 * hashes replacing any others: 1 done, 0 it had one already, -1. */
int	 store_totp_enable(struct store *, long long user_id,
	    const char *secret_b32, long long step,
	    const unsigned char (*hashes)[32], int n);
/* Record step as used: 1, or 0 if it (or a later one) was used. */
int	 store_totp_step(struct store *, long long user_id, long long step);
/* Use a recovery code (by hash): 1, or 0 if none such is left. */
int	 store_recovery_use(struct store *, long long user_id,
	    const unsigned char hash[32]);
/* How many recovery codes are left, or -1. */
int	 store_recovery_count(struct store *, long long user_id);
/* Replace the recovery codes: 0 or -1. */
int	 store_recovery_replace(struct store *, long long user_id,
	    const unsigned char (*hashes)[32], int n);
/* Turn two-factor sign-in off, codes gone: 1, 0 no such account, -1. */
int	 store_totp_reset(struct store *, long long user_id);

/* The audit log (audit.c): append-only. */

/*
 * Name the audit row of the next write (user_id 0 and who "" for the
 * command line): the next store_commit() or store_commit_unseen()
 * inserts it inside that write's transaction, before COMMIT, so that a
 * change never lands without its row nor a row without its change; a
 * write that rolls back drops it.  Call it just before the write it
 * describes.  The strings are copied.
 */
void	 store_audit_next(struct store *, int64_t now, long long user_id,
	    const char *who, const char *action, const char *target,
	    const char *detail);
/* Forget a row named but not written (a request that wrote nothing). */
void	 store_audit_drop(struct store *);
/* Up to limit rows, newest first, older than id before (0: the
 * newest): count or -1. */
int	 store_audit_list(struct store *, struct arena *, long long before,
	    int limit, struct audit_row **);

/* Review: contributors' drafts in the editors' queue (review.c). */

/* The review state of article id: 1 found, 0 not, -1 error. */
int	 store_article_review(struct store *, struct arena *, long long id,
	    struct review *);
/* Put a draft in the queue: 1 done, 0 not a draft, -1 error. */
int	 store_article_submit(struct store *, long long id, int64_t now);
/* Return a queued draft with a note: 1 done, 0 not queued, -1 error. */
int	 store_article_return(struct store *, long long id, const char *note,
	    int64_t now);
/* The queue, oldest first, with authors' names: count or -1. */
int	 store_articles_queue(struct store *, struct arena *, int limit,
	    struct article **, struct review **);
/* An account's own articles, last changed first: count or -1. */
int	 store_articles_of_author(struct store *, struct arena *,
	    long long user_id, int limit, struct article **, struct review **);

/*
 * Sessions are found by the hash of their token, and only while
 * seen_at > now - idle and expires_at > now, for an enabled user.
 * Session writes do not move the store's generation: they change no
 * page that a cache keeps.
 */
int	 store_session_create(struct store *, const unsigned char *hash,
	    size_t hashlen, long long user_id, const char *csrf, int64_t now,
	    int64_t expires_at);
int	 store_session_get(struct store *, struct arena *,
	    const unsigned char *hash, size_t hashlen, int64_t now, int idle,
	    struct session_user *);
int	 store_session_touch(struct store *, long long session_id,
	    int64_t now);
int	 store_session_end(struct store *, const unsigned char *hash,
	    size_t hashlen);
int	 store_sessions_prune(struct store *, int64_t now, int idle);

/*
 * Throttling: events under a key ("login:user:NAME"...).  *count gets
 * how many happened after since, *oldest the first of them (0: none).
 */
int	 store_throttle_count(struct store *, const char *key, int64_t since,
	    int *count, int64_t *oldest);
/* Record one event at now, forgetting the key's events up to since. */
int	 store_throttle_add(struct store *, const char *key, int64_t now,
	    int64_t since);
int	 store_throttle_clear(struct store *, const char *key);
/* Forget the events up to before of every key starting with prefix. */
int	 store_throttle_prune(struct store *, const char *prefix,
	    int64_t before);

/* The desk's lists (article_admin.c), without bodies. */

/*
 * Articles with status, most recently changed first, from before the
 * cursor (its at a modified_at) if not NULL; count or -1.
 */
int	 store_articles_by_status(struct store *, struct arena *,
	    enum article_status, const struct cursor *before, int limit,
	    struct article **);
/* Published articles not yet due, soonest first; count or -1. */
int	 store_articles_scheduled(struct store *, struct arena *, int64_t now,
	    int limit, struct article **);

/* Revisions and corrections (revision.c). */

/* An article's revisions, newest first, without bodies; count or -1. */
int	 store_revisions(struct store *, struct arena *, long long article_id,
	    int limit, struct revision **);
/* Revision number of article_id: 1, 0 (none such) or -1. */
int	 store_revision_by_number(struct store *, struct arena *,
	    long long article_id, long long number, struct revision *);
int	 store_revision_get(struct store *, struct arena *, long long id,
	    struct revision *);
/* An article's updates and corrections, newest first; count or -1. */
int	 store_corrections(struct store *, struct arena *, long long article_id,
	    struct correction **);
/*
 * Corrections (kind "correction") of live articles, newest first,
 * older than the cursor (at = created_at, id) if given; count or -1.
 */
int	 store_corrections_live(struct store *, struct arena *, int64_t now,
	    const struct cursor *, int limit, struct correction **);

/* Tag management (tag_admin.c). */

/* Every tag, by name, with its uses; count or -1. */
int	 store_tags_admin(struct store *, struct arena *, struct tag_use **);
int	 store_tag_by_id(struct store *, struct arena *, long long id,
	    struct tag *);
/*
 * Rename a tag; its slug follows the name and the old slug redirects.
 * Returns 0, 1 if another tag already has the new slug (merge instead),
 * 2 if the name has no letters or digits, 3 if there is no such tag,
 * or -1.
 */
int	 store_tag_rename(struct store *, long long id, const char *name,
	    int64_t now);
/* Move every article of tag from onto tag into, then drop from; its
 * slug redirects to into.  Returns 0, 1 if from == into, 3 if either
 * tag does not exist, or -1. */
int	 store_tag_merge(struct store *, long long from, long long into,
	    int64_t now);
/* Delete a tag no article carries: 0 done, 1 in use (or gone), -1. */
int	 store_tag_delete(struct store *, long long id);

/* Comment moderation (comment.c). */

/*
 * Comments for the moderation page, newest first, with id < before
 * (0: from the newest).  status < 0 lists every status.  Count or -1.
 */
int	 store_comments_moderation(struct store *, struct arena *, int status,
	    long long before, int limit, struct comment_queued **);
/*
 * Approve, reject or delete comments by id, in one transaction that
 * keeps each article's comment_count (approved only) and modified_at.
 * Unknown ids are skipped.  Returns how many changed, or -1.
 */
int	 store_comments_moderate(struct store *, const long long *ids, size_t n,
	    enum comment_action, int64_t now);
/* Open, close or hide an article's comments: 1 done, 0 no such article. */
int	 store_article_comments_set(struct store *, long long article_id,
	    enum comments_mode, int64_t now);
/* Comments waiting for moderation; -1 on error. */
long long store_comments_pending(struct store *);

int	 store_bulk_begin(struct store *);
int	 store_bulk_commit(struct store *);
void	 store_bulk_rollback(struct store *);

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

/*
 * The purge outbox (outbox.c).  Every write that readers can see adds
 * rows naming what it changed, in its own transaction: an article (by
 * its slug then, with its id and publication time), a tag (its slug),
 * or the site as a whole.  The store knows no URL: src/purge.c turns
 * rows into cache keys and sends them to each cache node, which
 * acknowledges rows in order.  Rows every node has acknowledged are
 * pruned.
 */

/*
 * Record the n nodes a serving app purges, as listed now: new nodes
 * start with every row still kept.  _set also drops the nodes not
 * given that nobody has listed or heard from for PURGE_NODE_IDLE
 * seconds (another app server may still purge them), and prunes.
 * Returns 0 or -1.  Neither moves the generation.  While no node is
 * recorded, writes add no outbox rows.
 */
#define PURGE_NODE_IDLE	3600
int	 store_purge_nodes_add(struct store *, const char *const *nodes,
	    size_t n);
int	 store_purge_nodes_set(struct store *, const char *const *nodes,
	    size_t n);

/* Every node with its progress, by name; count or -1. */
int	 store_purge_nodes(struct store *, struct arena *,
	    struct purge_node **);

/* Up to limit rows after id after, oldest first; count or -1. */
int	 store_purge_pending(struct store *, struct arena *, long long after,
	    int limit, struct purge_row **);

/*
 * Node has purged every row up to upto (then prune the rows all nodes
 * have), or failed with error.  0 or -1; neither moves the generation.
 */
int	 store_purge_ack(struct store *, const char *node, long long upto,
	    int64_t now);
int	 store_purge_failed(struct store *, const char *node,
	    const char *error, int64_t now);

/*
 * Author pages (author.c).  An account's slug is made from its display
 * name when the account is made, unique, and kept after.  An author
 * page and its feed show an account's live articles; an account with
 * none has no page (as a tag with none).  A disabled account keeps its
 * page: what it published stays published.
 */

/* The account at slug, with its live article count: 1, 0, -1. */
int	 store_author_by_slug(struct store *, struct arena *, const char *slug,
	    int64_t now, struct author *);
/* Its live articles, as store_articles_by_tag(). */
int	 store_articles_by_author(struct store *, struct arena *,
	    long long user_id, int64_t now, const struct cursor *, int after,
	    int limit, struct article **);
/* Its latest live articles with their bodies, for its feed. */
int	 store_articles_feed_author(struct store *, struct arena *,
	    long long user_id, int64_t now, int limit, struct article **);
/* An article's authors who are accounts, in byline order: count, -1. */
int	 store_article_authors(struct store *, struct arena *,
	    long long article_id, struct author **);
/* Accounts with live articles, by slug, at most limit, with the newest
 * publication among them. */
int	 store_sitemap_authors(struct store *, struct arena *, int64_t now,
	    int limit, struct sitemap_url **);
/*
 * Give every account without a slug one (accounts made before author
 * pages existed): in one write.  Returns how many, or -1.
 */
int	 store_author_slugs_fill(struct store *);

/* Up to limit articles, older (by last change) than before if not
 * NULL (its at a modified_at); count or -1. */
int	 store_articles_filtered(struct store *, struct arena *,
	    const struct article_filter *, int64_t now,
	    const struct cursor *before, int limit, struct article **);

/*
 * Add a processed upload (m->id is ignored) uploaded by user_id, or
 * find the row of the same file uploaded before.  Sets m->id.  Returns
 * 1 if added, 0 if it was there already (its row then fills m), -1.
 * Adds no page for readers, so moves no generation, unless an
 * article's text named its number before: those pages are purged.
 */
int	 store_media_add(struct store *, struct arena *, struct media *m,
	    long long user_id, int64_t now);
/* One image by id: 1, 0 (no such image), -1. */
int	 store_media_by_id(struct store *, struct arena *, long long id,
	    struct media *);
/*
 * Up to limit images older than id before (0: the newest), newest
 * first, into *out (arena).  Returns the count, or -1.
 */
int	 store_media_list(struct store *, struct arena *, long long before,
	    int limit, struct media **out);
/*
 * The same for the images whose caption, credit or alt text holds
 * words (ASCII letters matched in any case; others exactly).
 */
int	 store_media_search(struct store *, struct arena *, const char *words,
	    long long before, int limit, struct media **out);
/*
 * Up to limit uses of image id, newest article first, into *out: an
 * article using it as lead image and in its text counts twice.  Count
 * or -1.
 */
int	 store_media_uses(struct store *, struct arena *, long long id,
	    int limit, struct media_use **out);
/*
 * Make media_id (0: none) the lead image of article_id; its pages are
 * purged.  Returns 0, or -1.
 */
int	 store_article_lead_set(struct store *, long long article_id,
	    long long media_id);
/*
 * Change an image's alt text, caption and credit; the pages of the
 * articles using it are purged.  1, 0 (no such image), -1.
 */
int	 store_media_update(struct store *, long long id, const char *alt,
	    const char *caption, const char *credit);
/*
 * Delete an image no article uses (as lead image or in its text, even
 * unpublished): 1 deleted, 0 no such image, 2 in
 * use (nothing changed), -1.
 */
int	 store_media_delete(struct store *, long long id);
/* The lead image of an article: 1, 0 (none), -1. */
int	 store_article_lead(struct store *, struct arena *, long long article_id,
	    struct media *);

#endif

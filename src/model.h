/*
 * model.h: what Gazette's data is: articles, tags, comments, accounts,
 * photographs and the rest, as plain structures.  The store fills them
 * (store/store.h); the controllers pass them on; the views show them.
 * Strings in them belong to the arena of whoever fetched them.
 */
#ifndef GAZETTE_MODEL_H
#define GAZETTE_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "util/role.h"

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
	/* Search results only: a body excerpt whose matched
	 * words are between SNIP_OPEN and SNIP_CLOSE (util/snippet.h). */
	const char	*snippet;
	/* Its authors who are accounts, in byline order: filled by the
	 * caller (store_article_authors()) where a page shows them. */
	const struct author *authors;
	size_t		 nauthors;
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
	/* With kind "update" or "correction", the
	 * public note saved in the same transaction (NULL: none). */
	const char	*note;
	/* The newest revision the editor's form was opened on (0: do not
	 * check): a save on top of a newer one is refused (store returns 2). */
	long long	 base_rev;
	/* Its authors who are accounts, in byline order, when
	 * set_authors is 1; else the article keeps the ones it has. */
	int		 set_authors;
	const long long	*author_ids;
	size_t		 nauthors;
};

/* The front page and other listings page through with a cursor. */
struct cursor {
	int64_t		 at;		/* published_at of the boundary row */
	long long	 id;		/* its id */
};

#define COMMENT_HASH_BYTES	32	/* ip_hash, author_token, body_hash */

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

#define STORE_SEARCH_COUNT_MAX	500

struct archive_month {
	int		 year;
	int		 month;		/* 1..12 */
	long long	 count;		/* live articles published then */
};

/* What an archive page shows besides its articles. */
struct archive_span {
	long long	 count;		/* live articles in [from, to) */
	int64_t		 before;	/* the newest live one before from, or 0 */
	int64_t		 after;		/* the oldest live one from to, or 0 */
};

#define STORE_RELATED_MAX	5

struct sitemap_url {
	const char	*slug;
	int64_t		 lastmod;	/* 0: unknown */
};

struct sitemap_stats {
	long long	 articles;	/* live articles */
	long long	 max_id;	/* highest article id */
	long long	 tags;		/* tags with published articles */
	int64_t		 newest;	/* newest live publication, or 0 */
	long long	 authors;	/* accounts with live articles */
};

struct user {
	long long	 id;
	const char	*name;		/* login name, [a-z0-9._-] */
	const char	*display;	/* full name */
	const char	*pw_hash;	/* "" in listings */
	enum role	 role;
	int		 admin;		/* role is ROLE_ADMIN */
	int		 disabled;
	int64_t		 created_at;
	int		 invited;	/* no password set yet */
	const char	*bio;
	/* Two-factor sign-in ("" in listings but for totp_on). */
	int		 totp_on;
	const char	*totp_secret;	/* base32 */
	long long	 totp_step;	/* last time step used */
	const char	*slug;		/* its author page: /authors/<slug> */
};

/* The editor behind a live session. */
struct session_user {
	long long	 session_id;
	const char	*csrf;
	int64_t		 seen_at;
	long long	 user_id;
	const char	*name;
	const char	*display;
	enum role	 role;
	int		 admin;		/* role is ROLE_ADMIN */
	int		 totp_on;	/* two-factor sign-in enrolled */
};

/*
 * Accounts in the browser (account.c): one-time links, profiles, own
 * passwords and sessions.
 */
enum account_link {
	LINK_INVITE,
	LINK_RESET,
};

struct session_row {
	long long	 id;
	int64_t		 created_at;
	int64_t		 seen_at;
};

#define RECOVERY_CODES	10

/*
 * The audit log (audit.c): append-only.
 */
struct audit_row {
	long long	 id;
	int64_t		 at;
	const char	*who;		/* "" : the command line */
	const char	*action;
	const char	*target;
	const char	*detail;
};

/*
 * Roles and review (review.c): a contributor's draft waits in the
 * editors' queue until published or returned with a note.
 */
struct review {
	long long	 author_id;	/* the account that created it; 0: none */
	int64_t		 submitted_at;	/* in the queue since; 0: not waiting */
	const char	*note;		/* the last note an editor returned */
	const char	*author;	/* display name (queue rows only), "" */
};

struct revision {
	long long	 id;
	long long	 article_id;
	long long	 number;	/* the article's 1st, 2nd ... revision */
	long long	 user_id;	/* 0: the command line */
	const char	*user_display;	/* "" for the command line */
	int64_t		 created_at;
	const char	*kind;		/* edit, publish, typo, update, ... */
	const char	*headline;
	const char	*slug;
	const char	*status;
	int64_t		 published_at;
	/* Only filled by store_revision_get(): */
	const char	*summary;
	const char	*byline;
	const char	*dateline;
	const char	*source;
	const char	*body_md;
	const char	*tags;		/* the comma-separated field */
	const char	*authors;	/* the Authors field ("kim, jane");
					 * NULL: not recorded (revisions
					 * older than the column) */
};

struct correction {
	long long	 id;
	long long	 article_id;
	const char	*kind;		/* "update" or "correction" */
	const char	*note;
	int64_t		 created_at;
	const char	*article_slug;	/* only from store_corrections_live() */
	const char	*article_headline;
};

struct tag_use {
	struct tag	 tag;
	long long	 uses;		/* articles of any status carrying it */
};

enum comment_action {
	COMMENT_APPROVE,
	COMMENT_REJECT,
	COMMENT_DELETE,
};

struct comment_queued {
	struct comment	 c;
	const char	*reason;	/* why it was held or rejected */
	const char	*article_slug;
	const char	*article_headline;
};

/*
 * Bulk loading (bulk.c), for `gazette generate`: many new
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

/*
 * The purge outbox (outbox.c).  Every write that readers can see adds
 * rows naming what it changed, in its own transaction: an article (by
 * its slug then, with its id and publication time), a tag (its slug),
 * or the site as a whole.  The store knows no URL: src/purge.c turns
 * rows into cache keys and sends them to each cache node, which
 * acknowledges rows in order.  Rows every node has acknowledged are
 * pruned.
 */
enum purge_kind {
	PURGE_ARTICLE,
	PURGE_TAG,
	PURGE_AUTHOR,
	PURGE_SITE,
};

struct purge_row {
	long long	 id;
	enum purge_kind	 kind;
	const char	*slug;		/* "" for the site */
	long long	 ref;		/* the article's, tag's or account's id, or 0 */
	int64_t		 at;		/* an article's published_at, or 0 */
};

struct purge_node {
	const char	*node;		/* as configured */
	long long	 acked;		/* every row <= this is purged there */
	int64_t		 acked_at;	/* 0: never */
	int64_t		 failed_at;	/* 0: no failure since the last ack */
	const char	*error;		/* why it failed, or "" */
	long long	 pending;	/* rows not yet acknowledged */
	int64_t		 oldest;	/* the oldest of those was written then; 0 */
};

/*
 * Photographs (media.c).
 */
struct media {
	long long	 id;
	const char	*hash;		/* names its files in the media folder */
	int		 width, height;	/* the largest variant's */
	const char	*widths;	/* "320,640,960", ascending */
	const char	*alt;
	const char	*caption;
	const char	*credit;
	const char	*filename;	/* as uploaded */
	long long	 bytes;
	int64_t		 created_at;
};

/* Where an image is used: an article's lead image or in its text. */
struct media_use {
	long long	 article_id;
	const char	*headline;
	int		 lead;		/* 1: its lead image; 0: in its text */
};

/* An account as its author page shows it. */
struct author {
	long long	 id;
	const char	*slug;		/* /authors/<slug> */
	const char	*display;
	const char	*bio;
	int		 disabled;
	const char	*name;		/* login name (store_article_authors) */
	long long	 live;		/* live articles (store_author_by_slug) */
};

/*
 * The newsroom's article list (desk.c): every article, filtered, most
 * recently changed first.
 */
enum article_when {
	WHEN_ANY,
	WHEN_SCHEDULED,	/* published, due later */
	WHEN_LIVE,	/* published and due */
};

struct article_filter {
	int		 status;	/* an enum article_status, or -1: any */
	enum article_when when;		/* with status published */
	long long	 author_id;	/* an account author, 0: any */
	long long	 tag_id;	/* 0: any */
	const char	*words;		/* in the headline (ASCII letters in
					   any case), "" for any */
};

/* The editor behind a valid session cookie, for this request. */
struct editor {
	long long	 user_id;
	const char	*name;		/* login name */
	const char	*display;	/* full name */
	enum role	 role;		/* ROLE_CONTRIBUTOR .. ROLE_ADMIN */
	int		 admin;		/* role is ROLE_ADMIN */
	int		 totp_on;	/* two-factor sign-in enrolled */
	const char	*csrf;		/* the session's CSRF token */
	long long	 session_id;
};

/*
 * Live: published and due.  Readers see live articles only; the store's
 * queries say the same in SQL (LIVE in store/stmt.c).
 */
static inline int
article_live(const struct article *a, int64_t now)
{
	return a->status == ARTICLE_PUBLISHED && a->published_at <= now;
}

#endif

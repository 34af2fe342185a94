/*
 * comment.c: readers' comments.
 */
#include <pthread.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/log.h"
#include "impl.h"

static enum comment_status
comment_status_parse(const char *s)
{
	if (strcmp(s, "approved") == 0)
		return COMMENT_APPROVED;
	if (strcmp(s, "rejected") == 0)
		return COMMENT_REJECTED;
	return COMMENT_PENDING;
}

int
store_comments_approved(struct store *s, struct arena *a, long long article_id,
    long long after_id, int limit, struct comment **out)
{
	struct dstmt	*st = stmt_get(s, ST_COMMENTS_APPROVED);
	struct comment	*rows;
	int		 n = 0, rc = DB_DONE;

	rows = arena_calloc(a, (size_t)(limit > 0 ? limit : 1), sizeof(*rows));
	db_bind_int64(st, 1, article_id);
	db_bind_int64(st, 2, after_id);
	db_bind_int64(st, 3, limit);
	while (n < limit && (rc = db_step(st)) == DB_ROW) {
		rows[n].id = db_column_int64(st, 0);
		rows[n].article_id = db_column_int64(st, 1);
		rows[n].author = col_text(a, st, 2);
		rows[n].body = col_text(a, st, 3);
		rows[n].status = comment_status_parse(
		    db_column_text(st, 4));
		rows[n].created_at = db_column_int64(st, 5);
		n++;
	}
	if (rc != DB_DONE && rc != DB_ROW) {
		STORE_ERR(s);
		stmt_done(st);
		return -1;
	}
	stmt_done(st);
	*out = rows;
	return n;
}

long long
store_comment_page(struct store *s, long long article_id, long long id,
    int per_page)
{
	struct dstmt	*st = stmt_get(s, ST_COMMENT_PAGE);
	long long	 after = -1;

	db_bind_int64(st, 1, article_id);
	db_bind_int64(st, 2, id);
	db_bind_int64(st, 3, per_page);
	if (db_step(st) == DB_ROW)
		after = db_column_null(st, 0) ? 0 :
		    db_column_int64(st, 1);
	else
		STORE_ERR(s);
	stmt_done(st);
	return after;
}

int
store_comment_import(struct store *s, long long article_id,
    const char *author, const char *body, int64_t at)
{
	struct dstmt	*st;

	if (store_begin(s) < 0)
		return -1;
	st = stmt_get(s, ST_COMMENT_INSERT);
	db_bind_int64(st, 1, article_id);
	bind_text(st, 2, author);
	bind_text(st, 3, body);
	bind_text(st, 4, "approved");
	db_bind_int64(st, 5, at);
	bind_text(st, 8, "");
	if (STMT_EXEC(s, st) < 0)
		goto fail;
	st = stmt_get(s, ST_ARTICLE_COMMENT_COUNT_ADD);
	db_bind_int64(st, 1, article_id);
	db_bind_int64(st, 2, 1);
	if (STMT_EXEC(s, st) < 0 || outbox_article(s, article_id) < 0)
		goto fail;
	return store_commit(s);
fail:
	store_rollback(s);
	return -1;
}

/* Posting. */

static const char *const comment_status_names[] = {
	[COMMENT_PENDING] = "pending",
	[COMMENT_APPROVED] = "approved",
	[COMMENT_REJECTED] = "rejected",
};

int
store_setting_init(struct store *s, struct arena *a, const char *key,
    const char *value, const char **out)
{
	struct dstmt	*st = stmt_get(s, ST_SETTING_INIT);
	int		 rc;

	bind_text(st, 1, key);
	bind_text(st, 2, value);
	if (STMT_EXEC(s, st) < 0)
		return -1;
	if ((rc = store_setting_get(s, a, key, out)) == 0) {
		LOG_ERR("setting %s vanished after it was made", key);
		return -1;
	}
	return rc;
}

/* Bind a COMMENT_HASH_BYTES blob (NULL binds SQL NULL). */
static int
bind_hash(struct dstmt *st, int i, const unsigned char *h)
{
	if (h == NULL)
		return db_bind_null(st, i);
	return db_bind_blob(st, i, h, COMMENT_HASH_BYTES);
}

/* 1 and p->id/stored/answer set if p repeats a recent comment, 0, -1. */
static int
post_duplicate(struct store *s, struct comment_post *p)
{
	struct dstmt	*st = stmt_get(s, ST_COMMENT_DUPLICATE);
	int		 rc;

	db_bind_int64(st, 1, p->article_id);
	bind_hash(st, 2, p->body_hash);
	db_bind_int64(st, 3, p->dup_since);
	if ((rc = db_step(st)) == DB_ROW) {
		p->id = db_column_int64(st, 0);
		p->stored = comment_status_parse(
		    db_column_text(st, 1));
		/* A repeated robot's post is answered as a held one. */
		p->answer = p->stored == COMMENT_APPROVED ? COMMENT_APPROVED :
		    COMMENT_PENDING;
	} else if (rc != DB_DONE)
		STORE_ERR(s);
	stmt_done(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}

/*
 * 1 if the address has used up limit i (p->retry_after set), 0, -1.
 * The limit-th newest comment inside the window decides: once it
 * leaves the window, there is room for one more.
 */
static int
post_limited(struct store *s, struct comment_post *p, int i)
{
	struct dstmt	*st;
	int64_t		 at, wait;
	int		 rc;

	if (p->limit[i] <= 0 || p->window[i] <= 0 || p->ip_hash == NULL)
		return 0;
	st = stmt_get(s, ST_COMMENT_RATE);
	bind_hash(st, 1, p->ip_hash);
	db_bind_int64(st, 2, p->now - p->window[i]);
	db_bind_int64(st, 3, p->limit[i] - 1);
	if ((rc = db_step(st)) == DB_ROW) {
		at = db_column_int64(st, 0);
		wait = at + p->window[i] - p->now;
		if (wait < 1)
			wait = 1;
		if (wait > p->retry_after)
			p->retry_after = (int)wait;
	} else if (rc != DB_DONE)
		STORE_ERR(s);
	stmt_done(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}

/* 1 if the author token has an approved comment, 0, -1. */
static int
post_author_known(struct store *s, const unsigned char *author_hash)
{
	struct dstmt	*st = stmt_get(s, ST_COMMENT_AUTHOR_KNOWN);
	int		 rc;

	if (author_hash == NULL)
		return 0;
	bind_hash(st, 1, author_hash);
	rc = db_step(st);
	if (rc != DB_ROW && rc != DB_DONE)
		STORE_ERR(s);
	stmt_done(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}

/*
 * One post, inside the batch's transaction: the checks, the insert and
 * the article's count.  Returns an enum comment_post_result, or -1
 * (logged); the caller rolls back to the post's savepoint on -1.
 */
static int
post_one(struct store *s, struct comment_post *p)
{
	struct dstmt	*st;
	const char	*reason = p->reason ? p->reason : "";
	int		 rc, lim0, lim1;

	p->id = 0;
	p->retry_after = 0;
	/* A double-clicked button: answer as the first post was. */
	if ((rc = post_duplicate(s, p)) != 0)
		return rc < 0 ? -1 : COMMENT_DUPLICATE;
	/* Both limits are looked at, so that Retry-After is the longer. */
	if ((lim0 = post_limited(s, p, 0)) < 0 ||
	    (lim1 = post_limited(s, p, 1)) < 0)
		return -1;
	if (lim0 || lim1)
		return COMMENT_LIMITED;
	p->answer = p->status;
	if (p->status == COMMENT_PENDING && p->trust_known) {
		if ((rc = post_author_known(s, p->author_hash)) < 0)
			return -1;
		if (rc == 1) {
			p->answer = COMMENT_APPROVED;
			reason = "returning author";
		}
	}
	p->stored = p->answer;
	if (p->spam != NULL) {
		p->stored = COMMENT_REJECTED;
		reason = p->spam;
	}

	st = stmt_get(s, ST_COMMENT_INSERT);
	db_bind_int64(st, 1, p->article_id);
	bind_text(st, 2, p->author);
	bind_text(st, 3, p->body);
	bind_text(st, 4, comment_status_names[p->stored]);
	db_bind_int64(st, 5, p->now);
	bind_hash(st, 6, p->ip_hash);
	bind_hash(st, 7, p->author_hash);
	bind_text(st, 8, reason);
	bind_hash(st, 9, p->body_hash);
	if ((rc = db_step(st)) == DB_ROW)
		p->id = db_column_int64(st, 0);
	else
		STORE_ERR(s);
	stmt_done(st);
	if (rc != DB_ROW)
		return -1;

	if (p->stored == COMMENT_APPROVED) {
		st = stmt_get(s, ST_ARTICLE_COMMENT_APPROVED);
		db_bind_int64(st, 1, p->article_id);
		db_bind_int64(st, 2, p->now);
		if (STMT_EXEC(s, st) < 0)
			return -1;
	}
	return COMMENT_POSTED;
}

/*
 * Group commit.  Every accepted comment must be on disk before its
 * 303 (synchronous=FULL: an fsync per commit), and the disk allows only
 * so many commits a second.  So posts that arrive together share one:
 * each poster queues its post; one of them, the leader, takes every
 * post queued so far, runs each under its own savepoint in a single
 * transaction on its own connection, commits once, and hands each
 * poster its result.  The others wait; the next leader is whichever of
 * them still has no result.  A post's checks (duplicates, rate limits)
 * see the posts before it in the same batch.
 */
struct post_job {
	struct comment_post	*p;
	int			 rc;	/* result, once done */
	int			 done;
	struct post_job		*next;
};

static pthread_mutex_t	 post_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t	 post_cond = PTHREAD_COND_INITIALIZER;
static struct post_job	*post_head, **post_tail = &post_head;
static int		 post_leading;	/* a leader is at work */

/* Run a batch of posts in one transaction; sets each job's rc. */
static void
post_batch(struct store *s, struct post_job *batch)
{
	struct post_job	*j;
	int		 visible = 0, rc;

	if (store_begin(s) < 0) {
		for (j = batch; j != NULL; j = j->next)
			j->rc = -1;
		return;
	}
	for (j = batch; j != NULL; j = j->next) {
		if (STMT_EXEC(s, stmt_get(s, ST_SAVEPOINT)) < 0) {
			j->rc = -1;
			continue;
		}
		j->rc = post_one(s, j->p);
		if (j->rc == COMMENT_POSTED &&
		    j->p->stored == COMMENT_APPROVED) {
			visible = 1;
			if (outbox_article(s, j->p->article_id) < 0)
				j->rc = -1;
		}
		/* A failed post leaves no trace; the others stand. */
		if (j->rc < 0)
			STMT_EXEC(s, stmt_get(s, ST_ROLLBACK_TO));
		STMT_EXEC(s, stmt_get(s, ST_RELEASE));
	}
	/*
	 * A comment that waits or was caught as spam changes no page a
	 * reader can see: leave the generation, and with it every cached
	 * page, alone, so that a flood of spam does not empty the cache.
	 */
	rc = visible ? store_commit(s) : store_commit_unseen(s);
	if (rc < 0)
		for (j = batch; j != NULL; j = j->next)
			j->rc = -1;
}

int
store_comment_post(struct store *s, struct comment_post *p)
{
	struct post_job	 job = { p, -1, 0, NULL }, *batch, *j, *next;

	pthread_mutex_lock(&post_lock);
	*post_tail = &job;
	post_tail = &job.next;
	while (!job.done) {
		if (post_leading) {
			pthread_cond_wait(&post_cond, &post_lock);
			continue;
		}
		/* Lead: take everything queued, this post included. */
		post_leading = 1;
		batch = post_head;
		post_head = NULL;
		post_tail = &post_head;
		pthread_mutex_unlock(&post_lock);
		post_batch(s, batch);
		pthread_mutex_lock(&post_lock);
		for (j = batch; j != NULL; j = next) {
			next = j->next;	/* j may be gone once done is seen */
			j->done = 1;
		}
		post_leading = 0;
		pthread_cond_broadcast(&post_cond);
	}
	pthread_mutex_unlock(&post_lock);
	return job.rc;
}

/*
 * Moderation.  Every change keeps the article's
 * comment_count (approved comments only) and moves its modified_at, in
 * the same transaction, so that its cached page is refreshed.
 */

int
store_comments_moderation(struct store *s, struct arena *a, int status,
    long long before, int limit, struct comment_queued **out)
{
	struct dstmt		*st;
	struct comment_queued	*rows;
	int			 n = 0, rc = DB_DONE;

	rows = arena_calloc(a, (size_t)(limit > 0 ? limit : 1), sizeof(*rows));
	if (status >= 0) {
		st = stmt_get(s, ST_COMMENTS_MOD_STATUS);
		bind_text(st, 1, comment_status_names[status]);
	} else
		st = stmt_get(s, ST_COMMENTS_MOD_ALL);
	db_bind_int64(st, 2, before > 0 ? before : (1LL << 62));
	db_bind_int64(st, 3, limit);
	while (n < limit && (rc = db_step(st)) == DB_ROW) {
		struct comment_queued *q = &rows[n++];

		q->c.id = db_column_int64(st, 0);
		q->c.article_id = db_column_int64(st, 1);
		q->c.author = col_text(a, st, 2);
		q->c.body = col_text(a, st, 3);
		q->c.status = comment_status_parse(
		    db_column_text(st, 4));
		q->c.created_at = db_column_int64(st, 5);
		q->reason = col_text(a, st, 6);
		q->article_slug = col_text(a, st, 7);
		q->article_headline = col_text(a, st, 8);
	}
	stmt_done(st);
	if (rc != DB_DONE && rc != DB_ROW) {
		STORE_ERR(s);
		return -1;
	}
	*out = rows;
	return n;
}

/* Apply action to one comment; 1 changed, 0 unknown or unchanged, -1. */
static int
moderate_one(struct store *s, long long id, enum comment_action action,
    int64_t now)
{
	struct dstmt		*st = stmt_get(s, ST_COMMENT_STATE);
	enum comment_status	 old;
	long long		 article_id;
	int			 rc, delta = 0;

	db_bind_int64(st, 1, id);
	rc = db_step(st);
	if (rc == DB_ROW) {
		article_id = db_column_int64(st, 0);
		old = comment_status_parse(
		    db_column_text(st, 1));
	}
	stmt_done(st);
	if (rc == DB_DONE)
		return 0;
	if (rc != DB_ROW) {
		STORE_ERR(s);
		return -1;
	}
	if (action == COMMENT_DELETE) {
		st = stmt_get(s, ST_COMMENT_DELETE);
		db_bind_int64(st, 1, id);
		delta = old == COMMENT_APPROVED ? -1 : 0;
	} else {
		enum comment_status new_ = action == COMMENT_APPROVE ?
		    COMMENT_APPROVED : COMMENT_REJECTED;

		if (new_ == old)
			return 0;
		st = stmt_get(s, ST_COMMENT_STATUS_SET);
		db_bind_int64(st, 1, id);
		bind_text(st, 2, comment_status_names[new_]);
		delta = new_ == COMMENT_APPROVED ? 1 :
		    old == COMMENT_APPROVED ? -1 : 0;
	}
	if (STMT_EXEC(s, st) < 0)
		return -1;
	st = stmt_get(s, ST_ARTICLE_COMMENTS_CHANGED);
	db_bind_int64(st, 1, article_id);
	db_bind_int64(st, 2, delta);
	db_bind_int64(st, 3, now);
	if (STMT_EXEC(s, st) < 0 || outbox_article(s, article_id) < 0)
		return -1;
	return 1;
}

int
store_comments_moderate(struct store *s, const long long *ids, size_t n,
    enum comment_action action, int64_t now)
{
	size_t	 i;
	int	 changed = 0, rc;

	if (store_begin(s) < 0)
		return -1;
	for (i = 0; i < n; i++) {
		if ((rc = moderate_one(s, ids[i], action, now)) < 0) {
			store_rollback(s);
			return -1;
		}
		changed += rc;
	}
	if (store_commit(s) < 0)
		return -1;
	return changed;
}

int
store_article_comments_set(struct store *s, long long article_id,
    enum comments_mode mode, int64_t now)
{
	static const char *const names[] = {
		[COMMENTS_OPEN] = "open",
		[COMMENTS_CLOSED] = "closed",
		[COMMENTS_HIDDEN] = "hidden",
	};
	struct dstmt	*st;
	int		 changed;

	if (store_begin(s) < 0)
		return -1;
	st = stmt_get(s, ST_ARTICLE_COMMENTS_MODE);
	db_bind_int64(st, 1, article_id);
	bind_text(st, 2, names[mode]);
	db_bind_int64(st, 3, now);
	if (STMT_EXEC(s, st) < 0) {
		store_rollback(s);
		return -1;
	}
	changed = db_changes(s->db) > 0;
	if (outbox_article(s, article_id) < 0) {
		store_rollback(s);
		return -1;
	}
	if (store_commit(s) < 0)
		return -1;
	return changed;
}

long long
store_comments_pending(struct store *s)
{
	struct dstmt	*st = stmt_get(s, ST_COMMENTS_PENDING_COUNT);
	long long	 n = -1;

	if (db_step(st) == DB_ROW)
		n = db_column_int64(st, 0);
	else
		STORE_ERR(s);
	stmt_done(st);
	return n;
}

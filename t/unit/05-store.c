/*
 * 05-store: the store (src/store/) on a temporary database: migration,
 * saving articles (slugs, old slugs, tags and their counts, the search
 * index), the keyset-paged listings, comments, and the generation that
 * every commit moves.
 *
 * The checks on what is in the database use a second connection of
 * their own (testdb.h: SQLite, or PostgreSQL under make test-pg).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <fcntl.h>
#include <unistd.h>

#include "../../src/store/store.h"
#include "../../src/util/arena.h"
#include "../../src/util/buf.h"
#include "tap.h"
#include "testdb.h"

static struct arena	 A;
static struct store	*S;
static struct testdb	 DB;		/* for looking behind the store */
static const char	*path;
static int64_t		 NOW;

/*
 * The store logs its errors on standard error.  Around calls that are
 * meant to fail, quiet() sends them to /dev/null and loud() brings them
 * back, so that the test's output shows only unexpected ones.
 */
static int	 saved_stderr = -1;

static void
quiet(void)
{
	int	 fd;

	fflush(stderr);
	if (saved_stderr < 0)
		saved_stderr = dup(STDERR_FILENO);
	if ((fd = open("/dev/null", O_WRONLY)) >= 0) {
		dup2(fd, STDERR_FILENO);
		close(fd);
	}
}

static void
loud(void)
{
	if (saved_stderr >= 0) {
		dup2(saved_stderr, STDERR_FILENO);
		close(saved_stderr);
		saved_stderr = -1;
	}
}

/* The one integer a query with n parameters gives (-1 on error). */
static long long
raw_int_n(const char *sql, int n, const long long *binds)
{
	return testdb_int(&DB, sql, n, binds);
}

static long long
raw_int(const char *sql, long long bind)
{
	return raw_int_n(sql, 1, &bind);
}

static int
fts_has(long long id)
{
	return raw_int(testdb_pg() ? "SELECT count(*) FROM articles_fts "
	    "WHERE id = ?1" : "SELECT count(*) FROM articles_fts WHERE "
	    "rowid = ?1", id) == 1;
}

static long long
tag_count(const char *slug)
{
	struct tag	 t;

	if (store_tag_by_slug(S, &A, slug, &t) != 1)
		return -1;
	return t.article_count;
}

/* Save a simple article; returns what store_article_save() returned. */
static int
save(struct article_edit *e, long long id, const char *slug,
    enum article_status status, int64_t published_at,
    const char *const *tags, size_t ntags)
{
	memset(e, 0, sizeof(*e));
	e->id = id;
	e->slug = slug;
	e->headline = arena_printf(&A, "Headline of %s", slug);
	e->summary = "A summary";
	e->body_md = arena_printf(&A, "Body of *%s* with zebra", slug);
	e->body_html = "<p>Body</p>";
	e->body_text = arena_printf(&A, "Body of %s with zebra", slug);
	e->status = status;
	e->published_at = published_at;
	e->tags = tags;
	e->ntags = ntags;
	e->tags_field = "";
	e->kind = "edit";
	e->now = NOW;
	return store_article_save(S, e);
}

static void
test_open(void)
{
	struct store	*s2;
	int		 from = -1, to = -1;
	const char	*v;

	quiet();
	ok(store_open(path, 0) == NULL,
	    "a missing database is not created without for_migrate");
	loud();
	S = store_open(path, 1);
	ok(S != NULL, "store_open(for_migrate=1) creates it");
	ok(store_migrate(S, &from, &to) == 0, "store_migrate");
	ok(from == 0 && to == store_schema_version() && to > 0,
	    "from version 0 to %d", to);
	ok(testdb_connect(&DB) == 0, "a second connection for the checks");
	is_int(testdb_version(&DB), store_schema_version(),
	    "the database says the schema version");

	s2 = store_open(path, 1);
	from = to = -1;
	ok(s2 != NULL && store_migrate(s2, &from, &to) == 0 &&
	    from == to && to == store_schema_version(),
	    "migrating again changes nothing");
	store_close(s2);
	s2 = store_open(path, 0);
	ok(s2 != NULL, "a migrated database opens for serving");
	store_close(s2);
	quiet();
	testdb_set_version(&DB, 999);
	ok(store_open(path, 0) == NULL, "a newer schema is refused");
	testdb_set_version(&DB, 0);
	ok(store_open(path, 0) == NULL, "an older one too");
	loud();
	testdb_set_version(&DB, store_schema_version());

	ok(store_setting_get(S, &A, "k", &v) == 0, "no setting yet");
	ok(store_setting_put(S, "k", "one") == 0 &&
	    store_setting_put(S, "k", "two") == 0, "settings are written");
	ok(store_setting_get(S, &A, "k", &v) == 1 && strcmp(v, "two") == 0,
	    "and the last value stays");
}

static void
test_save(void)
{
	static const char *const tags1[] = { "Harbour", "City council",
	    "harbour" };
	static const char *const tags2[] = { "Ferries" };
	static const char *const tags3[] = { "Harbour", "Drafts only" };
	struct article_edit e, d, x;
	struct article	 art;
	struct tag	*all;
	const char	*newslug;
	uint64_t	 v0, v1;
	int64_t		 changed = -1;
	long long	 first;
	int		 n;

	v0 = store_version(S, &changed);
	ok(v0 > 0 && changed == 0, "a new store's generation, no write yet");

	ok(save(&e, 0, "first-story", ARTICLE_PUBLISHED, NOW - 100, tags1,
	    3) == 0 && e.id > 0, "a new article is saved (id %lld)", e.id);
	first = e.id;
	v1 = store_version(S, &changed);
	is_int(v1, v0 + 1, "the commit moved the generation by one");
	ok(changed >= NOW - 5 && changed <= (int64_t)time(NULL) + 1,
	    "and recorded when");
	ok(store_article_by_slug(S, &A, "first-story", &art) == 1,
	    "found by slug");
	ok(art.id == first && strcmp(art.headline,
	    "Headline of first-story") == 0 && art.status ==
	    ARTICLE_PUBLISHED && art.published_at == NOW - 100 &&
	    art.created_at == NOW && strcmp(art.body_html, "<p>Body</p>") == 0,
	    "with its fields");
	ok(art.ntags == 2 && strcmp(art.tags[0].slug, "harbour") == 0 &&
	    strcmp(art.tags[0].name, "Harbour") == 0 &&
	    strcmp(art.tags[1].name, "City council") == 0 &&
	    strcmp(art.tags[1].slug, "city-council") == 0,
	    "tags in order; 'harbour' is 'Harbour' again, linked once");
	ok(store_article_by_id(S, &A, first, &art) == 1 &&
	    strcmp(art.slug, "first-story") == 0, "found by id");
	ok(store_article_by_id(S, &A, first + 1000, &art) == 0,
	    "an unknown id is not found");
	ok(store_article_by_slug(S, &A, "no-such", &art) == 0,
	    "an unknown slug is not found");
	is_int(tag_count("harbour"), 1, "tag counts: harbour 1");
	is_int(tag_count("city-council"), 1, "city-council 1");
	ok(fts_has(first), "a published article is in the search index");
	is_int(raw_int(testdb_pg() ? "SELECT count(*) FROM articles_fts WHERE "
	    "search @@ to_tsquery('news', 'zebra')" : "SELECT count(*) FROM "
	    "articles_fts WHERE articles_fts MATCH 'zebra'", 0), 1,
	    "and a search finds it");
	is_int(raw_int("SELECT count(*) FROM revisions WHERE article_id = ?1",
	    first), 1, "a revision is kept");

	ok(save(&d, 0, "a-draft", ARTICLE_DRAFT, 0, tags3, 2) == 0,
	    "a draft is saved");
	ok(!fts_has(d.id), "a draft is not in the search index");
	is_int(tag_count("harbour"), 1, "a draft does not count for its tags");
	is_int(tag_count("drafts-only"), 0, "not even for its own");
	n = store_tags_all(S, &A, &all);
	ok(n == 2 && strcmp(all[0].name, "City council") == 0 &&
	    strcmp(all[1].name, "Harbour") == 0 && all[1].article_count == 1,
	    "store_tags_all: tags with published articles, by name");

	v0 = store_version(S, NULL);
	is_int(save(&x, 0, "first-story", ARTICLE_PUBLISHED, NOW, NULL, 0), 1,
	    "a taken slug: store_article_save returns 1");
	ok(x.id == 0, "and no id is given");
	is_int(store_version(S, NULL), v0, "nothing was committed");
	is_int(raw_int("SELECT count(*) FROM articles", 0), 2,
	    "no row was added");

	/* Rename, retag. */
	ok(save(&e, first, "first-story-renamed", ARTICLE_PUBLISHED,
	    NOW - 100, tags2, 1) == 0, "renamed and retagged");
	ok(store_article_by_slug(S, &A, "first-story", &art) == 0,
	    "the old slug finds no article");
	ok(store_article_old_slug(S, &A, "first-story", &newslug) == 1 &&
	    strcmp(newslug, "first-story-renamed") == 0,
	    "the old slug leads to the new one");
	ok(store_article_old_slug(S, &A, "never-was", &newslug) == 0,
	    "an unknown old slug");
	is_int(tag_count("harbour"), 0, "tag counts follow: harbour 0");
	is_int(tag_count("city-council"), 0, "city-council 0");
	is_int(tag_count("ferries"), 1, "ferries 1");
	n = store_tags_all(S, &A, &all);
	ok(n == 1 && strcmp(all[0].slug, "ferries") == 0,
	    "store_tags_all now lists only Ferries");
	ok(store_article_by_slug(S, &A, "first-story-renamed", &art) == 1 &&
	    art.ntags == 1 && strcmp(art.tags[0].name, "Ferries") == 0,
	    "the article's tag list follows");
	is_int(save(&x, 0, "first-story", ARTICLE_PUBLISHED, NOW, NULL, 0), 1,
	    "an old slug is not free for another article");
	ok(store_slug_free(S, "first-story", first) == 1 &&
	    store_slug_free(S, "first-story", 0) == 0 &&
	    store_slug_free(S, "fresh-slug", 0) == 1, "store_slug_free");
	ok(save(&e, first, "first-story", ARTICLE_PUBLISHED, NOW - 100,
	    tags2, 1) == 0, "the article may take its old slug back");
	ok(store_article_old_slug(S, &A, "first-story", &newslug) == 0,
	    "which is then no longer an old slug");
	ok(store_article_old_slug(S, &A, "first-story-renamed",
	    &newslug) == 1 && strcmp(newslug, "first-story") == 0,
	    "and the other name now is");
	is_int(raw_int("SELECT count(*) FROM revisions WHERE article_id = ?1",
	    first), 3, "every save kept a revision");

	/* Unpublish. */
	ok(save(&e, first, "first-story", ARTICLE_DRAFT, NOW - 100, tags2,
	    1) == 0, "unpublished");
	ok(!fts_has(first), "it left the search index");
	is_int(tag_count("ferries"), 0, "and its tags' counts");
	ok(save(&e, first, "first-story", ARTICLE_PUBLISHED, NOW - 100, tags2,
	    1) == 0 && fts_has(first) && tag_count("ferries") == 1,
	    "published again: back in the index and counted");
	ok(save(&e, first + 1000, "ghost", ARTICLE_PUBLISHED, NOW, NULL, 0) < 0,
	    "updating an article that does not exist fails");
	ok(store_article_by_slug(S, &A, "ghost", &art) == 0,
	    "and leaves nothing behind");
	/* Back to a draft, so that the listings below start empty. */
	ok(save(&e, first, "first-story", ARTICLE_DRAFT, NOW - 100, NULL,
	    0) == 0, "back to a draft");
}

/* An article with many tags: every one is counted, up and down. */
static void
test_many_tags(void)
{
	const char	*tags[70];
	struct article_edit e;
	long long	 total;
	size_t		 i;

	for (i = 0; i < 70; i++)
		tags[i] = arena_printf(&A, "Many %zu", i);
	ok(save(&e, 0, "many-tags", ARTICLE_PUBLISHED, NOW - 5000, tags,
	    70) == 0, "an article with 70 tags");
	total = raw_int("SELECT sum(article_count) FROM tags WHERE slug "
	    "LIKE 'many-%'", 0);
	is_int(total, 70, "every one of its tags counts it");
	ok(save(&e, e.id, "many-tags", ARTICLE_DRAFT, NOW - 5000, tags,
	    70) == 0, "unpublished");
	total = raw_int("SELECT sum(article_count) FROM tags WHERE slug "
	    "LIKE 'many-%'", 0);
	is_int(total, 0, "every count goes back to 0");
}

/* Titles of a listing, "a,b,c", to compare pages at a glance. */
static const char *
slugs(const struct article *rows, int n)
{
	struct buf	 b = BUF_INIT;
	const char	*out;
	int		 i;

	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i ? "," : "", rows[i].slug);
	out = arena_strdup(&A, buf_cstr(&b));
	buf_free(&b);
	return out;
}

static void
test_listings(void)
{
	static const char *const city[] = { "City" };
	struct article_edit e;
	struct article	*rows;
	struct cursor	 c;
	struct tag	 t;
	int64_t		 base = NOW - 10000;
	int		 n, i, bad;

	/* a1 .. a7, ten seconds apart; t1 and t2 share a time. */
	for (i = 1; i <= 7; i++)
		save(&e, 0, arena_printf(&A, "a%d", i), ARTICLE_PUBLISHED,
		    base + i * 10, i % 2 ? city : NULL, i % 2 ? 1 : 0);
	save(&e, 0, "t1", ARTICLE_PUBLISHED, base + 35, city, 1);
	save(&e, 0, "t2", ARTICLE_PUBLISHED, base + 35, city, 1);
	save(&e, 0, "later", ARTICLE_PUBLISHED, NOW + 3600, city, 1);
	save(&e, 0, "draft2", ARTICLE_DRAFT, base + 100, city, 1);

	n = store_articles_live(S, &A, NOW, NULL, 0, 4, &rows);
	is_str(slugs(rows, n), "a7,a6,a5,a4", "the first page, newest first");
	ok(rows[0].ntags == 1 && strcmp(rows[0].tags[0].name, "City") == 0 &&
	    rows[1].ntags == 0, "listing rows carry their tags");
	ok(rows[0].body_md == NULL, "but no body");
	c.at = rows[n - 1].published_at;
	c.id = rows[n - 1].id;
	n = store_articles_live(S, &A, NOW, &c, 0, 4, &rows);
	is_str(slugs(rows, n), "t2,t1,a3,a2",
	    "before the last row: the next page; same time, by id");
	c.at = rows[0].published_at;
	c.id = rows[0].id;
	n = store_articles_live(S, &A, NOW, &c, 0, 1, &rows);
	is_str(slugs(rows, n), "t1", "a cursor between two rows of one time");
	c.at = rows[0].published_at;
	c.id = rows[0].id;
	n = store_articles_live(S, &A, NOW, &c, 0, 10, &rows);
	is_str(slugs(rows, n), "a3,a2,a1", "the last page is short");
	c.at = rows[n - 1].published_at;
	c.id = rows[n - 1].id;
	n = store_articles_live(S, &A, NOW, &c, 0, 10, &rows);
	is_int(n, 0, "and past it there is nothing");

	c.at = base + 10;	/* a1 */
	c.id = 0;
	n = store_articles_live(S, &A, NOW, &c, 0, 10, &rows);
	is_int(n, 0, "nothing is older than a1's time with id 0");
	n = store_articles_live(S, &A, NOW, &c, 1, 3, &rows);
	is_str(slugs(rows, n), "a3,a2,a1",
	    "after a cursor: the newer rows next to it, newest first");
	c.at = base + 35;
	c.id = rows[0].id;	/* a3 */
	n = store_articles_live(S, &A, NOW, &c, 1, 3, &rows);
	is_str(slugs(rows, n), "a4,t2,t1", "after, across the tie");
	c.at = base + 70;
	c.id = rows[0].id + 1000;
	n = store_articles_live(S, &A, NOW, &c, 1, 3, &rows);
	is_int(n, 0, "nothing is newer than the newest");
	n = store_articles_live(S, &A, NOW, NULL, 1, 2, &rows);
	is_str(slugs(rows, n), "a7,a6", "'after' without a cursor: newest");
	n = store_articles_live(S, &A, NOW, NULL, 0, 0, &rows);
	is_int(n, 0, "a limit of 0");

	/* The scheduled article, and the draft. */
	n = store_articles_live(S, &A, NOW, NULL, 0, 100, &rows);
	bad = 0;
	for (i = 0; i < n; i++)
		if (strcmp(rows[i].slug, "later") == 0 ||
		    strcmp(rows[i].slug, "draft2") == 0)
			bad++;
	ok(n == 9 && bad == 0, "neither the scheduled article nor the draft "
	    "is live now");
	is_int(store_next_scheduled(S, NOW, NULL), NOW + 3600,
	    "store_next_scheduled gives its time");
	n = store_articles_live(S, &A, NOW + 3600, NULL, 0, 1, &rows);
	is_str(slugs(rows, n), "later", "at its time it is live, on top");
	/* A cursor from the future (made up) shows nothing not yet due. */
	c.at = NOW + 7200;
	c.id = 1;
	n = store_articles_live(S, &A, NOW, &c, 0, 2, &rows);
	is_str(slugs(rows, n), "a7,a6", "before a cursor in the future: "
	    "the live articles, not the scheduled one");
	c.at = NOW;
	c.id = 1000000;
	n = store_articles_live(S, &A, NOW, &c, 0, 1, &rows);
	is_str(slugs(rows, n), "a7", "before a cursor at now: the newest");
	is_int(store_next_scheduled(S, NOW + 3600, NULL), 0, "nothing else waits");

	/* By tag. */
	ok(store_tag_by_slug(S, &A, "city", &t) == 1, "the tag City");
	n = store_articles_by_tag(S, &A, t.id, NOW, NULL, 0, 3, &rows);
	is_str(slugs(rows, n), "a7,a5,t2", "its first page");
	c.at = rows[n - 1].published_at;
	c.id = rows[n - 1].id;
	n = store_articles_by_tag(S, &A, t.id, NOW, &c, 0, 10, &rows);
	is_str(slugs(rows, n), "t1,a3,a1", "its next page");
	c.at = rows[0].published_at;
	c.id = rows[0].id;
	n = store_articles_by_tag(S, &A, t.id, NOW, &c, 1, 10, &rows);
	is_str(slugs(rows, n), "a7,a5,t2", "and back, after t1");
	n = store_articles_by_tag(S, &A, t.id, NOW + 3600, NULL, 0, 1, &rows);
	is_str(slugs(rows, n), "later",
	    "the scheduled article shows on its tag at its time");
	c.at = NOW + 7200;
	c.id = 1;
	n = store_articles_by_tag(S, &A, t.id, NOW, &c, 0, 2, &rows);
	is_str(slugs(rows, n), "a7,a5", "before a future cursor on a tag: "
	    "not the scheduled article");
	n = store_articles_by_tag(S, &A, t.id + 1000, NOW, NULL, 0, 10, &rows);
	is_int(n, 0, "an unknown tag has no articles");
}

static void
test_comments(void)
{
	struct article_edit e;
	struct article	 art;
	struct comment	*rows;
	uint64_t	 v0;
	int		 n, i;
	long long	 other;

	save(&e, 0, "commented", ARTICLE_PUBLISHED, NOW - 50, NULL, 0);
	other = e.id;
	save(&e, 0, "commented-too", ARTICLE_PUBLISHED, NOW - 40, NULL, 0);
	v0 = store_version(S, NULL);
	for (i = 1; i <= 5; i++)
		store_comment_import(S, e.id, arena_printf(&A, "Author %d", i),
		    arena_printf(&A, "Comment %d", i), NOW + i);
	store_comment_import(S, other, "Elsewhere", "Not here", NOW);
	is_int(store_version(S, NULL), v0 + 6, "each comment is one commit");
	ok(store_article_by_id(S, &A, e.id, &art) == 1 &&
	    art.comment_count == 5, "the article counts 5 comments");
	n = store_comments_approved(S, &A, e.id, 0, 2, &rows);
	ok(n == 2 && strcmp(rows[0].author, "Author 1") == 0 &&
	    strcmp(rows[1].body, "Comment 2") == 0 &&
	    rows[0].status == COMMENT_APPROVED && rows[0].created_at == NOW + 1,
	    "the first page of comments, oldest first");
	n = store_comments_approved(S, &A, e.id, rows[1].id, 2, &rows);
	ok(n == 2 && strcmp(rows[0].author, "Author 3") == 0,
	    "the next page starts after the last id");
	n = store_comments_approved(S, &A, e.id, rows[1].id, 2, &rows);
	ok(n == 1 && strcmp(rows[0].author, "Author 5") == 0,
	    "the last page is short");
	n = store_comments_approved(S, &A, e.id, rows[0].id, 2, &rows);
	is_int(n, 0, "nothing after the last");
	n = store_comments_approved(S, &A, e.id, 0, 100, &rows);
	is_int(n, 5, "the other article's comment is not listed");
	quiet();
	ok(store_comment_import(S, e.id + 1000, "Nobody", "Orphan", NOW) < 0,
	    "a comment on a missing article is refused");
	loud();
	is_int(raw_int("SELECT count(*) FROM comments WHERE body = 'Orphan'",
	    0), 0, "and not stored");
}

/* Published articles in [from, to) at time now, counted plainly. */
static long long
raw_live_between(int64_t from, int64_t to, int64_t now)
{
	const long long	 b[3] = { from, to, now };

	return raw_int_n("SELECT count(*) FROM articles WHERE status = "
	    "'published' AND published_at >= ?1 AND published_at < ?2 AND "
	    "published_at <= ?3", 3, b);
}

/*
 * The archive's counts (sql/002-archive-days.sql): day counters kept by
 * triggers through inserts, edits that move an article, unpublishing,
 * deleting and a row removed behind the store's back, and month counts
 * made of counters and index counts that equal a plain count for any
 * span and any "now", day boundaries and scheduled articles included.
 */
static void
test_archive_counts(void)
{
	struct article_edit	 e;
	struct archive_span	 sp;
	int64_t			 base = (NOW / 86400 - 6) * 86400, from, to, now;
	long long		 ids[80];
	unsigned		 seed = 12345;
	int			 i, bad = 0;

#define RND(n)	((seed = seed * 1103515245u + 12345u) >> 8) % (unsigned)(n)
	for (i = 0; i < 80; i++) {
		/* Every tenth exactly at a UTC midnight; some in the future. */
		int64_t at = i % 10 == 0 ? base + (int64_t)(i / 10) * 86400 :
		    base + (int64_t)RND(10 * 86400);

		save(&e, 0, arena_printf(&A, "day-%d", i), i % 13 == 0 ?
		    ARTICLE_DRAFT : ARTICLE_PUBLISHED, at, NULL, 0);
		ids[i] = e.id;
	}
	/* Moved, unpublished, withdrawn, republished. */
	for (i = 1; i < 80; i += 7)
		save(&e, ids[i], arena_printf(&A, "day-%d", i),
		    ARTICLE_PUBLISHED, base + (int64_t)RND(9 * 86400), NULL, 0);
	for (i = 2; i < 80; i += 11)
		save(&e, ids[i], arena_printf(&A, "day-%d", i), ARTICLE_DRAFT,
		    0, NULL, 0);
	for (i = 3; i < 80; i += 9)
		save(&e, ids[i], arena_printf(&A, "day-%d", i),
		    ARTICLE_DELETED, base + 86400, NULL, 0);
	save(&e, ids[2], "day-2", ARTICLE_PUBLISHED, base + 2 * 86400, NULL, 0);
	testdb_exec(&DB, "DELETE FROM comments WHERE article_id IN (SELECT id "
	    "FROM articles WHERE slug = 'day-5'); DELETE FROM revisions WHERE "
	    "article_id IN (SELECT id FROM articles WHERE slug = 'day-5')");
	ok(testdb_exec(&DB, "DELETE FROM articles WHERE slug = 'day-5'") == 0,
	    "a row deleted behind the store's back");

	is_int(raw_int("SELECT count(*) FROM (SELECT published_at / 86400, "
	    "count(*) FROM articles WHERE status = 'published' AND "
	    "published_at IS NOT NULL GROUP BY 1 EXCEPT SELECT day, n FROM "
	    "article_days WHERE n <> 0) x", 0), 0,
	    "every day's counter equals a recount");
	is_int(raw_int("SELECT count(*) FROM (SELECT day, n FROM article_days "
	    "WHERE n <> 0 EXCEPT SELECT published_at / 86400, count(*) FROM "
	    "articles WHERE status = 'published' AND published_at IS NOT NULL "
	    "GROUP BY 1) x", 0), 0, "and no counter counts what is not there");

	for (i = 0; i < 400; i++) {
		from = base - 86400 + (int64_t)RND(12 * 86400);
		to = from + (int64_t)RND(i % 4 ? 9 * 86400 : 3600) + 1;
		now = base + (int64_t)RND(11 * 86400);
		if (i % 25 == 0)		/* on the boundaries themselves */
			from = base + (int64_t)RND(8) * 86400,
			to = from + (int64_t)(1 + RND(4)) * 86400,
			now = to + (i % 50 ? 0 : -1);
		if (store_archive_span(S, from, to, now, &sp) < 0 ||
		    sp.count != raw_live_between(from, to, now)) {
			if (bad++ < 3)
				diag("[%lld, %lld) at %lld: %lld, plainly %lld",
				    (long long)from, (long long)to,
				    (long long)now, sp.count,
				    raw_live_between(from, to, now));
		}
	}
	is_int(bad, 0, "400 spans: the counts equal a plain count");
#undef RND
}

int
main(void)
{
	arena_init(&A, 0);
	NOW = (int64_t)time(NULL);
	if (testdb_make(&DB, "unit") < 0) {
		tap_skip_all("cannot make a database for the test");
		return 0;
	}
	path = DB.where;
	test_open();
	if (S != NULL && (DB.lite != NULL || DB.pg != NULL)) {
		test_save();
		test_many_tags();
		test_listings();
		test_comments();
		test_archive_counts();
	}
	store_close(S);
	testdb_drop(&DB);
	arena_free(&A);
	return done_testing();
}

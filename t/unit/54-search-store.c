/*
 * 54-search-store.c: the search index through the store's own code
 * paths, on a real database: kept in step by store_article_save() for
 * new, edited, unpublished, deleted and scheduled articles; ranking;
 * snippets; rebuilt by store_search_reindex(); and the sanitiser's
 * output accepted by FTS5 for any input.  Under make test-pg
 * (GAZETTE_TEST_PG set) the same on a fresh PostgreSQL database of the
 * test cluster: the same result sets, and any input a valid tsquery.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/store/store.h"
#include "../../src/util/arena.h"
#include "../../src/util/ftsquery.h"
#include "../../src/util/snippet.h"
#include "tap.h"
#include "testdb.h"

static struct store	*s;
static struct arena	 a;
static int64_t		 now = 1800000000;

/* Save an article; returns its id. */
static long long
save(long long id, const char *slug, const char *headline, const char *body,
    enum article_status status, int64_t published_at)
{
	struct article_edit	 e;
	static const char *const tags[] = { "Harbour", "Ferries" };

	memset(&e, 0, sizeof(e));
	e.id = id;
	e.slug = slug;
	e.headline = headline;
	e.summary = "";
	e.body_md = body;
	e.body_html = body;
	e.body_text = body;
	e.status = status;
	e.published_at = published_at;
	e.tags = tags;
	e.ntags = 2;
	e.kind = "edit";
	e.now = now;
	if (store_article_save(s, &e) != 0)
		return -1;
	return e.id;
}

/* How many live articles the reader's text finds; ids in order. */
static int
find(const char *text, long long *ids, int max)
{
	struct ftsq	 q;
	struct article	*rows;
	long long	 total;
	int		 n, i;

	if (ftsq_build(&q, text, strlen(text)) == 0)
		return 0;
	n = store_search(s, &a, q.match, now, 0, max, &rows, &total);
	for (i = 0; i < n && ids != NULL; i++)
		ids[i] = rows[i].id;
	return n < 0 ? -1 : (int)total;
}

static uint32_t	 seed = 777;

static uint32_t
rnd(void)
{
	seed ^= seed << 13;
	seed ^= seed >> 17;
	seed ^= seed << 5;
	return seed;
}

int
main(void)
{
	struct testdb	 db;
	char		 in[64];
	struct ftsq	 q;
	struct article	*rows;
	long long	 ids[10], body_hit, head_hit, draft, future, total;
	int		 from, to, i, k, n, errors = 0;

	if (testdb_make(&db, "search") < 0) {
		tap_skip_all("cannot make a database for the test");
		return 0;
	}
	arena_init(&a, 0);
	s = store_open(db.where, 1);
	ok(s != NULL && store_migrate(s, &from, &to) == 0, "a new database");

	/* Ranking: a headline hit beats a body hit, even an older one. */
	body_hit = save(0, "body-hit", "Council meets",
	    "The pelican was seen near the harbour.", ARTICLE_PUBLISHED,
	    now - 60);
	head_hit = save(0, "head-hit", "Pelican returns to the bay",
	    "Birdwatchers were pleased.", ARTICLE_PUBLISHED, now - 3600);
	ok(body_hit > 0 && head_hit > 0, "two articles saved");
	is_int(find("pelican", ids, 10), 2, "both found");
	is_int(ids[0], head_hit, "the headline hit first");
	is_int(ids[1], body_hit, "the body hit second");
	is_int(find("PELICANS", NULL, 10), 0, "no stemming: plural not found");
	is_int(find("pelic", NULL, 10), 2, "the last word is a prefix");

	/* Snippets: marks around the match; the marks in text are not. */
	save(body_hit, "body-hit", "Council meets",
	    "A " SNIP_OPEN "fake" SNIP_CLOSE " mark and a pelican.",
	    ARTICLE_PUBLISHED, now - 60);
	ftsq_build(&q, "pelican", 7);
	n = store_search(s, &a, q.match, now, 0, 10, &rows, &total);
	for (i = 0; i < n && rows[i].id != body_hit; i++)
		continue;
	ok(i < n, "the body hit is found again after an edit");
	if (i < n) {
		is_str(rows[i].snippet, "A fake mark and a " SNIP_OPEN "pelican"
		    SNIP_CLOSE ".", "its snippet marks only the match");
	}

	/* Edits move the index: the old words go, the new ones come. */
	save(head_hit, "head-hit", "Heron returns to the bay",
	    "Birdwatchers were pleased.", ARTICLE_PUBLISHED, now - 3600);
	is_int(find("heron", ids, 10), 1, "an edited headline is found");
	is_int(find("pelican", ids, 10), 1, "the old headline is not");
	is_int(ids[0], body_hit, "only the body hit is left");

	/* Unpublished, scheduled and deleted articles never show. */
	draft = save(0, "draft", "Albatross draft", "Secret albatross.",
	    ARTICLE_DRAFT, 0);
	is_int(find("albatross", NULL, 10), 0, "a draft is not found");
	future = save(0, "future", "Cormorant tomorrow", "Cormorant.",
	    ARTICLE_PUBLISHED, now + 3600);
	is_int(find("cormorant", NULL, 10), 0, "a scheduled article is not "
	    "found before its time");
	now += 7200;
	is_int(find("cormorant", NULL, 10), 1, "and is found once due");
	save(future, "future", "Cormorant tomorrow", "Cormorant.",
	    ARTICLE_DRAFT, now - 3600);
	is_int(find("cormorant", NULL, 10), 0, "unpublished again: gone");
	save(draft, "draft", "Albatross draft", "Secret albatross.",
	    ARTICLE_PUBLISHED, now - 10);
	is_int(find("albatross", NULL, 10), 1, "a draft once published is "
	    "found");
	save(draft, "draft", "Albatross draft", "Secret albatross.",
	    ARTICLE_DELETED, now - 10);
	is_int(find("albatross", NULL, 10), 0, "deleted: gone");
	is_int(find("ferries", NULL, 10), 2, "tags are searched");

	/* Pages of results. */
	is_int(store_search(s, &a, "\"ferries\"", now, 1, 10, &rows, &total),
	    1, "offset 1 of 2 gives one row");
	is_int(total, 2, "and the total is still 2");
	is_int(store_search(s, &a, "\"ferries\"", now, 5, 10, &rows, &total),
	    0, "past the end: none");

	/* Rebuilding gives the same answers. */
	is_int(store_search_reindex(s), 2, "reindex: the two published "
	    "articles");
	is_int(find("heron", NULL, 10), 1, "heron still found");
	is_int(find("albatross", NULL, 10), 0, "the deleted one still not");

	/* Whatever is typed, the database accepts the query. */
	for (i = 0; i < 3000; i++) {
		n = (int)(rnd() % 20);
		for (k = 0; k < n; k++) {
			static const char set[] = "\"*()-+^:AND OR NEAR{},.'\\"
			    "\xd0\xa7\xff\xee\x80\x80 \t";
			in[k] = set[rnd() % (sizeof(set) - 1)];
		}
		in[n] = '\0';
		if (ftsq_build(&q, in, (size_t)n) > 0 &&
		    store_search(s, &a, q.match, now, 0, 5, &rows,
		    &total) < 0 && errors++ < 3)
			printf("# the search refused %s\n", q.match);
	}
	is_int(errors, 0, "3000 random inputs: the search accepts every query");

	store_close(s);
	arena_free(&a);
	testdb_drop(&db);
	return done_testing();
}

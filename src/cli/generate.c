/*
 * generate.c: gazette generate, which fills an empty database with made-
 * up articles for benchmarks and demonstrations:
 *
 *   gazette generate --articles N --comments-per-article M --tags T
 *                    [--seed S] [--now UNIXTIME] [--words FILE]
 *
 * The same seed (and --now) gives the same database, byte for byte in
 * every column: the text comes from a splitmix64 stream, never rand().
 * Articles have 2-6 KB Markdown bodies (paragraphs, headings, lists,
 * quotes, links), a headline, a summary, a byline, 3-6 tags out of T,
 * and are published over the three years before now, oldest first;
 * each has between 0 and 2M approved comments (M on average).  Words
 * follow a Zipf law, and each article leans on the topics of its first
 * two tags, so that search words range from common to rare.
 *
 * --words FILE writes every vocabulary word that the search index
 * holds, with the number of articles it occurs in (headline, summary,
 * body or tags), most common first: "word<TAB>count" per line.  The
 * benchmark picks its search words from it.
 *
 * Writing goes through the store's bulk path (store_bulk_*), one
 * transaction per 5000 articles; progress goes to stderr.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../config.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/conninfo.h"
#include "../util/markdown.h"
#include "../util/text.h"
#include "cli.h"
#include "generate.h"

#define BATCH		5000		/* articles per transaction */
#define SPAN		(3 * 365 * 86400LL) /* published over this long */

/* Create the tags in the open batch; the generator links to them. */
static int
tags_create(struct gen *g, struct store *s, struct arena *a, struct tag *tags)
{
	size_t	 i;

	for (i = 0; i < g->ntags; i++) {
		if (store_bulk_tag(s, a, g->tag_names[i], &tags[i]) < 0)
			return -1;
		g->tag_slugs[i] = tags[i].slug;
	}
	return 0;
}

/* Approved comments, after the article and never after now. */
static size_t
comments(struct gen *g, struct arena *a, struct buf *tmp, long long per,
    int64_t published, int64_t now, struct bulk_comment *out)
{
	size_t		 n, i;
	int64_t		 t = published;

	n = gen_below(g, (size_t)(2 * per + 1));
	g->doc = 0;	/* comments are not in the search index */
	for (i = 0; i < n; i++) {
		buf_reset(tmp);
		g->space = 0;
		gen_full_name(g, tmp);
		out[i].author = arena_strdup(a, buf_cstr(tmp));
		buf_reset(tmp);
		g->space = 0;
		gen_sentence(g, tmp);
		if (gen_chance(g, 0.6))
			gen_sentence(g, tmp);
		if (gen_chance(g, 0.3))
			gen_sentence(g, tmp);
		out[i].body = arena_strdup(a, buf_cstr(tmp));
		t += 120 + (int64_t)gen_below(g, 7200);
		out[i].at = t < now ? t : now;
	}
	return n;
}

/* A slug from the headline, at most 60 bytes before "-<number>". */
static const char *
slug(struct arena *a, const char *headline, long long number)
{
	char	*base = text_slugify(a, headline), *cut;

	if (strlen(base) > 60) {
		base[60] = '\0';
		if ((cut = strrchr(base, '-')) != NULL)
			*cut = '\0';
	}
	return arena_printf(a, "%s-%lld", *base ? base : "article", number);
}

/* A decimal number in [min, max], nothing else; 1 if so. */
static int
number(const char *s, long long min, long long max, long long *out)
{
	char		*end;
	long long	 v;

	if (s == NULL || *s < '0' || *s > '9')
		return 0;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		return 0;
	*out = v;
	return 1;
}

static double
seconds_since(const struct timespec *t0)
{
	struct timespec	 t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) +
	    (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Write one article and its comments into the open batch. */
static int
article(struct gen *g, struct store *s, struct arena *a, struct buf *bufs,
    const struct tag *tagrows, long long i, long long n, long long per,
    int64_t now, struct bulk_comment *cs)
{
	struct article_edit	 e;
	struct tag		 tags[GEN_MAX_TAGS];
	size_t			 tix[GEN_MAX_TAGS], ntags, nc, k;
	const char		*html, *text;

	memset(&e, 0, sizeof(e));
	g->doc = i + 1;
	ntags = gen_cast(g, tix);
	for (k = 0; k < ntags; k++)
		tags[k] = tagrows[tix[k]];
	buf_reset(&bufs[0]);
	gen_headline(g, &bufs[0]);
	buf_reset(&bufs[1]);
	gen_summary(g, &bufs[1]);
	gen_body(g, &bufs[2], &bufs[3], tix, ntags);
	e.headline = arena_strdup(a, buf_cstr(&bufs[0]));
	e.summary = arena_strdup(a, buf_cstr(&bufs[1]));
	e.body_md = arena_strdup(a, buf_cstr(&bufs[2]));
	if (md_render(a, e.body_md, &html, &text) < 0)
		return -1;
	e.body_html = html;
	e.body_text = text;
	g->doc = 0;	/* the rest is not in the search index */
	buf_reset(&bufs[3]);
	gen_byline(g, &bufs[3]);
	e.byline = arena_strdup(a, buf_cstr(&bufs[3]));
	buf_reset(&bufs[3]);
	gen_dateline(g, &bufs[3]);
	e.dateline = arena_strdup(a, buf_cstr(&bufs[3]));
	e.source = gen_chance(g, 0.2) ? "Gazette staff" : gen_chance(g, 0.1) ?
	    "Wire services" : "";
	e.slug = slug(a, e.headline, i + 1);
	e.status = ARTICLE_PUBLISHED;
	/* Oldest first, evenly over SPAN, a little jitter within a slot. */
	e.published_at = now - SPAN + (int64_t)(((double)i + gen_unit(g) * 0.9) *
	    (double)SPAN / (double)n);
	if (e.published_at > now - 60)
		e.published_at = now - 60;
	e.now = e.published_at;
	nc = comments(g, a, &bufs[3], per, e.published_at, now, cs);
	return store_bulk_article(s, &e, tags, ntags, cs, nc);
}

int
cli_generate(int argc, char *argv[])
{
	char		 shown[1024];
	const char	*db = conninfo_shown(cfg.db, shown, sizeof(shown));
	struct gen		 g = { 0 };
	struct arena		 a, keep;
	struct buf		 bufs[4] = { BUF_INIT, BUF_INIT, BUF_INIT, BUF_INIT };
	struct store		*s = NULL;
	struct tag		*tagrows = NULL;
	struct bulk_comment	*cs = NULL;
	struct timespec		 t0;
	long long		 n = 1000, per = 5, ntags = 300, seed = 1, i;
	long long		 step, nowarg = 0, v;
	const char		*words = NULL;
	int64_t			 now;
	int			 k, rc = 1, open_batch = 0;

	for (k = 1; k < argc; k++) {
		const char *opt = argv[k], *val = k + 1 < argc ? argv[k + 1] : NULL;

		if (strcmp(opt, "--words") == 0 && val != NULL) {
			words = val;
			k++;
			continue;
		}
		if (strcmp(opt, "--articles") == 0 && number(val, 1, 10000000, &v))
			n = v;
		else if (strcmp(opt, "--comments-per-article") == 0 &&
		    number(val, 0, 1000, &v))
			per = v;
		else if (strcmp(opt, "--tags") == 0 && number(val, 3, 10000, &v))
			ntags = v;
		else if (strcmp(opt, "--seed") == 0 &&
		    number(val, 0, INT64_MAX, &v))
			seed = v;
		else if (strcmp(opt, "--now") == 0 &&
		    number(val, SPAN, INT64_MAX / 2, &v))
			nowarg = v;
		else {
			fprintf(stderr, "gazette: generate: bad or unknown "
			    "option '%s%s%s' (see gazette help)\n", opt,
			    val ? " " : "", val ? val : "");
			return 2;
		}
		k++;
	}
	now = nowarg ? nowarg : (int64_t)time(NULL);

	arena_init(&a, 0);
	arena_init(&keep, 0);
	if (gen_init(&g, (uint64_t)seed, (size_t)ntags) < 0)
		goto out;
	/* A bigger page cache than a server thread's: index inserts. */
	store_configure(cfg.sync_full, cfg.cache_kib > 65536 ?
	    cfg.cache_kib : 65536, cfg.mmap_mib, cfg.recheck_ms);
	if ((s = store_open(cfg.db, 0)) == NULL)
		goto out;
	if ((k = store_empty(s)) <= 0) {
		if (k == 0)
			fprintf(stderr, "gazette: generate: %s already holds "
			    "articles; generate fills an empty database\n",
			    db);
		goto out;
	}
	if ((tagrows = calloc((size_t)ntags, sizeof(*tagrows))) == NULL ||
	    (cs = calloc((size_t)(2 * per + 1), sizeof(*cs))) == NULL)
		abort();
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (store_bulk_begin(s) < 0)
		goto out;
	open_batch = 1;
	if (tags_create(&g, s, &keep, tagrows) < 0)
		goto out;
	step = n / 10 > BATCH ? n / 10 / BATCH * BATCH : BATCH;
	for (i = 0; i < n; i++) {
		if (i > 0 && i % BATCH == 0) {
			open_batch = 0;
			if (store_bulk_commit(s) < 0)
				goto out;
			if (i % step == 0)
				fprintf(stderr, "generate: %lld/%lld articles, "
				    "%.1f s\n", i, n, seconds_since(&t0));
			if (store_bulk_begin(s) < 0)
				goto out;
			open_batch = 1;
		}
		arena_reset(&a);
		if (article(&g, s, &a, bufs, tagrows, i, n, per, now,
		    cs) < 0) {
			fprintf(stderr, "gazette: generate: article %lld could "
			    "not be written\n", i + 1);
			goto out;
		}
	}
	open_batch = 0;
	if (store_bulk_commit(s) < 0)
		goto out;
	fprintf(stderr, "generate: %lld/%lld articles, %.1f s\n", n, n,
	    seconds_since(&t0));
	if (words != NULL && gen_words_write(&g, words) < 0)
		goto out;
	printf("%s: %lld articles, %lld tags, seed %lld\n", db, n, ntags,
	    seed);
	rc = 0;
out:
	if (open_batch)
		store_bulk_rollback(s);
	store_close(s);
	gen_free(&g);
	free(tagrows);
	free(cs);
	for (k = 0; k < 4; k++)
		buf_free(&bufs[k]);
	arena_free(&a);
	arena_free(&keep);
	return rc;
}

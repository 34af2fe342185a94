/*
 * cache.c: the in-process page cache.  See cache.h.
 *
 * A fixed table of slots in sets of WAYS, the set chosen by a hash of
 * the request target; a new page replaces the least recently used one
 * of its set.  Each set has its own lock, held only to compare keys and
 * copy a page out or in, so threads rarely wait for each other.  Bodies
 * are malloc'd per slot and reused.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../util/arena.h"
#include "../util/buf.h"
#include "cache.h"
#include "encoding.h"
#include "http.h"

#define KEY_MAX		512	/* longer targets are not cached */
#define BODY_MAX	(1024 * 1024) /* larger pages are not cached */
#define WAYS		4	/* slots per set */

struct slot {
	uint64_t	 used;		/* tick of the last use: LRU */
	uint64_t	 gen;		/* 0: empty */
	int64_t		 expires;	/* 0: only a write invalidates it */
	int64_t		 last_modified;
	enum cache_policy cache;
	char		 key[KEY_MAX];
	char		 etag[96];
	char		 ctype[64];
	struct buf	 headers;	/* the controller's extra headers */
	char		*body[ENC__MAX]; /* the page in the codings made of
					   it, malloc'd to size; the plain
					   page goes once Brotli is made */
	size_t		 len[ENC__MAX];	/* [ENC_IDENTITY]: the plain page's
					   size, kept or not */
};

struct set {
	pthread_mutex_t	 lock;
	uint64_t	 tick;		/* counts uses, for LRU */
	struct slot	 slot[WAYS];
};

static struct set	*sets;
static size_t		 nsets;

/*
 * Pages being rendered right now, for cache_get() to wait on rather
 * than render the same page again.  A handful of slots: there are only
 * as many renderings at once as worker threads.
 */
#define INFLIGHT	64
#define WAIT_MS		2000	/* then render it oneself after all */

static struct {
	int		 busy;
	uint64_t	 gen;
	char		 key[KEY_MAX];
} inflight[INFLIGHT];
static pthread_mutex_t	 inflight_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t	 inflight_cond = PTHREAD_COND_INITIALIZER;
static _Atomic uint64_t	 hits, misses;

void
cache_init(size_t n)
{
	size_t	 i;

	if ((nsets = (n + WAYS - 1) / WAYS) == 0)
		return;
	if ((sets = calloc(nsets, sizeof(*sets))) == NULL)
		abort();
	for (i = 0; i < nsets; i++)
		pthread_mutex_init(&sets[i].lock, NULL);
}

/* FNV-1a: quick, and good enough to spread request targets. */
static struct set *
set_of(const char *key)
{
	uint64_t	 h = 1469598103934665603ULL;

	for (; *key != '\0'; key++)
		h = (h ^ (unsigned char)*key) * 1099511628211ULL;
	return &sets[h % nsets];
}

/* The slot holding key in set t, or NULL. */
static struct slot *
find(struct set *t, const char *key)
{
	int	 i;

	for (i = 0; i < WAYS; i++)
		if (t->slot[i].gen != 0 && strcmp(t->slot[i].key, key) == 0)
			return &t->slot[i];
	return NULL;
}

static int
cacheable_key(const struct req *r)
{
	return nsets > 0 && r->uri != NULL && strlen(r->uri) < KEY_MAX;
}

/* The hit path: 1 and r's response filled, or 0. */
static int
lookup(struct req *r, uint64_t gen)
{
	struct set	*t;
	struct slot	*s;
	int		 hit = 0;

	if (!cacheable_key(r) || gen == 0)
		return 0;
	t = set_of(r->uri);
	pthread_mutex_lock(&t->lock);
	s = find(t, r->uri);
	if (s != NULL && s->gen == gen &&
	    (s->expires == 0 || r->now < s->expires)) {
		enum http_encoding enc = http_compressible(r) ? r->accept :
		    ENC_IDENTITY;

		/*
		 * The coding asked for, or the plain page for the caller
		 * to code (decoded from Brotli if only that is kept).
		 */
		if (s->body[enc] == NULL)
			enc = ENC_IDENTITY;
		if (s->body[enc] != NULL)
			buf_append(r->resp.body, s->body[enc], s->len[enc]);
		else if (s->body[ENC_BR] == NULL ||
		    http_decompress_br(s->body[ENC_BR], s->len[ENC_BR],
		    s->len[ENC_IDENTITY], r->resp.body) < 0) {
			pthread_mutex_unlock(&t->lock);
			return 0;
		}
		s->used = ++t->tick;
		r->resp.encoding = enc;
		buf_append(&r->resp.headers, s->headers.data, s->headers.len);
		r->resp.etag = s->etag[0] ? arena_strdup(r->arena, s->etag) :
		    NULL;
		r->resp.content_type = arena_strdup(r->arena, s->ctype);
		r->resp.last_modified = s->last_modified;
		r->resp.expires = s->expires;
		r->resp.cache = s->cache;
		r->resp.rendered = 1;
		hit = 1;
	}
	pthread_mutex_unlock(&t->lock);
	return hit;
}

/* The in-flight slot rendering key at gen, or -1. */
static int
inflight_find(const char *key, uint64_t gen)
{
	int	 i;

	for (i = 0; i < INFLIGHT; i++)
		if (inflight[i].busy && inflight[i].gen == gen &&
		    strcmp(inflight[i].key, key) == 0)
			return i;
	return -1;
}

int
cache_get(struct req *r, uint64_t gen)
{
	struct timespec	 until;
	int		 i;

	r->cache_slot = -1;
	if (!cacheable_key(r) || gen == 0)
		return 0;
	if (lookup(r, gen)) {
		atomic_fetch_add(&hits, 1);
		return 1;
	}
	pthread_mutex_lock(&inflight_lock);
	if (inflight_find(r->uri, gen) >= 0) {
		/* Someone renders it: wait once, then take their page. */
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += WAIT_MS / 1000;
		until.tv_nsec += (long)(WAIT_MS % 1000) * 1000000;
		if (until.tv_nsec >= 1000000000) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000;
		}
		while (inflight_find(r->uri, gen) >= 0 &&
		    pthread_cond_timedwait(&inflight_cond, &inflight_lock,
		    &until) == 0)
			continue;
		pthread_mutex_unlock(&inflight_lock);
		if (lookup(r, gen)) {
			atomic_fetch_add(&hits, 1);
			return 1;
		}
		/* Not kept (an error page, say): render it oneself. */
		atomic_fetch_add(&misses, 1);
		return 0;
	}
	for (i = 0; i < INFLIGHT && inflight[i].busy; i++)
		continue;
	if (i < INFLIGHT) {
		inflight[i].busy = 1;
		inflight[i].gen = gen;
		strcpy(inflight[i].key, r->uri);
		r->cache_slot = i;
	}
	pthread_mutex_unlock(&inflight_lock);
	atomic_fetch_add(&misses, 1);
	return 0;
}

void
cache_done(struct req *r)
{
	if (r->cache_slot < 0)
		return;
	pthread_mutex_lock(&inflight_lock);
	inflight[r->cache_slot].busy = 0;
	pthread_cond_broadcast(&inflight_cond);
	pthread_mutex_unlock(&inflight_lock);
	r->cache_slot = -1;
}

int
cache_put(struct req *r, uint64_t gen)
{
	struct set	*t;
	struct slot	*s;
	const char	*ctype = r->resp.content_type ? r->resp.content_type :
			    "text/html; charset=utf-8";
	int		 i;

	if (!cacheable_key(r) || gen == 0 || r->resp.status != 200 ||
	    r->editor != NULL || r->resp.body->len > BODY_MAX ||
	    (r->resp.etag && strlen(r->resp.etag) >= 96) ||
	    strlen(ctype) >= 64 ||
	    r->resp.sets_cookie)
		return 0;
	t = set_of(r->uri);
	pthread_mutex_lock(&t->lock);
	if ((s = find(t, r->uri)) != NULL && s->gen > gen) {
		/* Never replace a page with an older rendering of it. */
		pthread_mutex_unlock(&t->lock);
		return 0;
	}
	if (s == NULL) {
		/* An empty slot, or the least recently used one. */
		s = &t->slot[0];
		for (i = 1; i < WAYS && s->gen != 0; i++)
			if (t->slot[i].gen == 0 || t->slot[i].used < s->used)
				s = &t->slot[i];
	}
	s->used = ++t->tick;
	s->gen = gen;
	/*
	 * A page that changes by itself says when (a scheduled article
	 * going live, comments closing); any other lives until the next
	 * write.
	 */
	s->expires = r->resp.expires;
	s->last_modified = r->resp.last_modified;
	s->cache = r->resp.cache;
	strcpy(s->key, r->uri);
	strcpy(s->etag, r->resp.etag ? r->resp.etag : "");
	strcpy(s->ctype, ctype);
	buf_reset(&s->headers);
	buf_append(&s->headers, r->resp.headers.data, r->resp.headers.len);
	/* Exactly the page's size: a buffer's doubling would waste a third. */
	if (s->len[ENC_IDENTITY] != r->resp.body->len ||
	    s->body[ENC_IDENTITY] == NULL) {
		free(s->body[ENC_IDENTITY]);
		if ((s->body[ENC_IDENTITY] = malloc(r->resp.body->len + 1)) ==
		    NULL)
			abort();
	}
	memcpy(s->body[ENC_IDENTITY], r->resp.body->data, r->resp.body->len);
	s->len[ENC_IDENTITY] = r->resp.body->len;
	/* The compressed forms of the page it replaces are gone. */
	for (i = ENC_IDENTITY + 1; i < ENC__MAX; i++) {
		free(s->body[i]);
		s->body[i] = NULL;
		s->len[i] = 0;
	}
	pthread_mutex_unlock(&t->lock);
	return 1;
}

void
cache_put_coded(struct req *r, uint64_t gen, enum http_encoding enc,
    const char *data, size_t len)
{
	struct set	*t;
	struct slot	*s;

	if (!cacheable_key(r) || gen == 0 || enc == ENC_IDENTITY ||
	    len > BODY_MAX)
		return;
	t = set_of(r->uri);
	pthread_mutex_lock(&t->lock);
	if ((s = find(t, r->uri)) != NULL && s->gen == gen &&
	    s->body[enc] == NULL) {
		if ((s->body[enc] = malloc(len + 1)) == NULL)
			abort();
		memcpy(s->body[enc], data, len);
		s->len[enc] = len;
		/*
		 * Brotli holds the page in a third of its size and decodes
		 * in a few tens of microseconds: the plain page goes.
		 */
		if (enc == ENC_BR) {
			free(s->body[ENC_IDENTITY]);
			s->body[ENC_IDENTITY] = NULL;
		}
	}
	pthread_mutex_unlock(&t->lock);
}

void
cache_stats(uint64_t *h, uint64_t *m)
{
	*h = atomic_load(&hits);
	*m = atomic_load(&misses);
}

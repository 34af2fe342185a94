/*
 * cache.c: the in-process page cache.  See cache.h.
 *
 * A fixed table of slots, indexed by a hash of the request target; a
 * collision simply replaces the older page.  Each slot has its own lock,
 * held only to compare the key and copy the page out or in, so threads
 * rarely wait for each other.  Bodies are malloc'd per slot and reused.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/buf.h"
#include "cache.h"
#include "http.h"

#define KEY_MAX		512	/* longer targets are not cached */
#define MAX_AGE		300	/* seconds: a page is rendered afresh at
				   least this often, so that the signed
				   timestamps in its forms stay young */

struct slot {
	pthread_mutex_t	 lock;
	uint64_t	 gen;		/* 0: empty */
	int64_t		 expires;	/* 0: only a write invalidates it */
	int64_t		 last_modified;
	enum cache_policy cache;
	char		 key[KEY_MAX];
	char		 etag[96];
	char		 ctype[64];
	struct buf	 headers;	/* the controller's extra headers */
	struct buf	 body;
};

static struct slot	*slots;
static size_t		 nslots;
static _Atomic uint64_t	 hits, misses;

void
cache_init(size_t n)
{
	size_t	 i;

	if (n == 0)
		return;
	if ((slots = calloc(n, sizeof(*slots))) == NULL)
		abort();
	for (i = 0; i < n; i++)
		pthread_mutex_init(&slots[i].lock, NULL);
	nslots = n;
}

/* FNV-1a: quick, and good enough to spread request targets. */
static size_t
slot_of(const char *key)
{
	uint64_t	 h = 1469598103934665603ULL;

	for (; *key != '\0'; key++)
		h = (h ^ (unsigned char)*key) * 1099511628211ULL;
	return (size_t)(h % nslots);
}

static int
cacheable_key(const struct req *r)
{
	return nslots > 0 && r->uri != NULL && strlen(r->uri) < KEY_MAX;
}

int
cache_get(struct req *r, uint64_t gen)
{
	struct slot	*s;
	int		 hit = 0;

	if (!cacheable_key(r) || gen == 0)
		return 0;
	s = &slots[slot_of(r->uri)];
	pthread_mutex_lock(&s->lock);
	if (s->gen == gen && (s->expires == 0 || r->now < s->expires) &&
	    strcmp(s->key, r->uri) == 0) {
		buf_append(r->resp.body, s->body.data, s->body.len);
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
	pthread_mutex_unlock(&s->lock);
	atomic_fetch_add(hit ? &hits : &misses, 1);
	return hit;
}

void
cache_put(struct req *r, uint64_t gen)
{
	struct slot	*s;
	const char	*ctype = r->resp.content_type ? r->resp.content_type :
			    "text/html; charset=utf-8";

	if (!cacheable_key(r) || gen == 0 || r->resp.status != 200 ||
	    r->editor != NULL || (r->resp.etag && strlen(r->resp.etag) >= 96) ||
	    strlen(ctype) >= 64 ||
	    strstr(buf_cstr(&r->resp.headers), "Set-Cookie:") != NULL)
		return;
	s = &slots[slot_of(r->uri)];
	pthread_mutex_lock(&s->lock);
	/* Never replace a page with an older rendering of the same key. */
	if (!(s->gen > gen && strcmp(s->key, r->uri) == 0)) {
		s->gen = gen;
		s->expires = r->now + MAX_AGE;
		if (r->resp.expires > 0 && r->resp.expires < s->expires)
			s->expires = r->resp.expires;
		s->last_modified = r->resp.last_modified;
		s->cache = r->resp.cache;
		strcpy(s->key, r->uri);
		strcpy(s->etag, r->resp.etag ? r->resp.etag : "");
		strcpy(s->ctype, ctype);
		buf_reset(&s->headers);
		buf_append(&s->headers, r->resp.headers.data, r->resp.headers.len);
		buf_reset(&s->body);
		buf_append(&s->body, r->resp.body->data, r->resp.body->len);
	}
	pthread_mutex_unlock(&s->lock);
}

void
cache_stats(uint64_t *h, uint64_t *m)
{
	*h = atomic_load(&hits);
	*m = atomic_load(&misses);
}

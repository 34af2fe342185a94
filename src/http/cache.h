/*
 * cache.h: rendered reader pages kept in memory, shared by the worker
 * threads.
 *
 * An entry is valid while the store's generation (moved by every write
 * transaction, in any process) is the one it was rendered at, and until
 * the moment its page changes by itself (a scheduled article going live,
 * comments closing).  So a page is never served stale after a write has
 * committed: the next request reads the new generation and misses.
 * Only anonymous GET/HEAD answers with status 200 are kept.
 */
#ifndef GAZETTE_CACHE_H
#define GAZETTE_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "encoding.h"

struct req;

/* Size the cache for n pages (0: no cache).  Once, before threads. */
void	 cache_init(size_t n);

/*
 * Fill r's response from the cache if it holds r->uri at generation
 * gen, still valid at r->now.  Returns 1 on a hit.  On a miss, when
 * another thread is already rendering the same page at the same
 * generation, waits for it (a little while at most) and takes its
 * page; otherwise this request becomes the one that renders, and must
 * call cache_done() once it has.  So a burst of readers asking for a
 * page that is not cached costs one rendering, not one each.
 */
int	 cache_get(struct req *, uint64_t gen);

/* Keep r's finished response, rendered at generation gen: 1 if kept. */
int	 cache_put(struct req *, uint64_t gen);

/*
 * Keep the page of r, put in the cache at generation gen, also in
 * coding enc (data, len bytes), for the next reader who takes it.
 * Once its Brotli form is kept, the plain page is dropped: the cache
 * decodes it for the few clients that take no coding, so that each
 * page costs about a third of its size.
 */
void	 cache_put_coded(struct req *, uint64_t gen, enum http_encoding enc,
	    const char *data, size_t len);

/* The rendering that cache_get() handed to r is over (kept or not). */
void	 cache_done(struct req *);

/* Hits and misses so far, for the log and the benchmark. */
void	 cache_stats(uint64_t *hits, uint64_t *misses);

#endif

/*
 * purge.h: purging the caches in front of the app after each write.
 *
 * Writes name what they changed in the store's purge outbox, in their
 * own transaction (store.h).  This module turns those rows into the
 * cache keys they affect (purge_paths) and sends one purge per key to
 * every configured cache node (--purge): an nginx with the cache purge
 * module, reached over a unix socket (unix:PATH) or HTTP
 * (http://HOST:PORT).  Each node acknowledges rows in order; a node
 * that fails is retried every second until it answers, so a node that
 * was down is purged when it returns.
 *
 * Who sends: the request that wrote, before it answers (purge_now), so
 * that the writer's next request, and everyone else's, meets no stale
 * copy; a background thread for what is left (a node that was down,
 * writes from another process); and the serving process at start-up,
 * before it accepts requests, and at shutdown.
 */
#ifndef GAZETTE_PURGE_H
#define GAZETTE_PURGE_H

#include <stddef.h>
#include <stdint.h>

struct arena;
struct purge_row;
struct store;

/*
 * Read the node list (cfg.purge, comma-separated).  Returns 0, or -1
 * after printing which entry is wrong.  Before any thread starts.
 */
int	 purge_init(void);

/* The number of nodes configured. */
size_t	 purge_nodes(void);

/*
 * Record the node list in the database, send what is pending, and start
 * the background thread.  0, or -1 (logged) if the database cannot be
 * opened or the thread not started.
 */
int	 purge_start(void);

/*
 * Record the nodes this process purges, as a serving app does at start,
 * for a process that writes without one (a CGI request): writes add
 * outbox rows only while some node is recorded.  0 or -1 (logged).
 */
int	 purge_record(struct store *s);

/*
 * Send every pending purge to every node that is not waiting to be
 * retried, from the calling thread, with its own connection s.  Waits
 * for a send already running elsewhere.  Returns the number of nodes
 * still behind (0: all caught up).
 */
int	 purge_now(struct store *s);

/* Stop the background thread after a last attempt to send everything. */
void	 purge_stop(void);

#endif

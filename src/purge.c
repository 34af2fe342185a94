/*
 * purge.c: purging the caches in front of the app.  See purge.h.
 *
 * Each node has a libcurl handle, kept between purges so that its
 * connection is reused; all sending happens under one lock, so a handle
 * is never used by two threads at once.  A purge is a GET of
 * /purge/<class><key> on the node, for each coding class a page is
 * cached in (identity, gzip, br: conf/gazette-http.conf.in); nginx's
 * cache purge module answers 200 when
 * it removed the entry and 404 when it had none, and both mean the key
 * is gone from that cache.  Anything else (no connection, a timeout,
 * 403 from a node that does not let us in) is a failure: the node keeps
 * its place in the outbox and is tried again a second later.
 */
#include <curl/curl.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "config.h"
#include "fresh/fresh.h"
#include "http/encoding.h"
#include "purge.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/log.h"

#define NODES_MAX	16
#define BATCH		256	/* outbox rows per round */
#define RETRY_MS	1000	/* a failed node is tried again after */
#define POLL_MS		500	/* the thread looks for other processes' rows */
#define CONNECT_MS	500
#define TIMEOUT_MS	2000
#define REQUEST_MS	1000	/* what a writer's request spends at most:
				   waiting for the lock, then sending */

struct node {
	char		*name;		/* as configured */
	char		*base;		/* URL up to the path */
	char		*unix_path;	/* unix:PATH nodes, or NULL */
	CURL		*curl;
	int64_t		 retry_ms;	/* skip until then, after a failure */
};

/* The coding classes nginx keeps a page in, as its cache key names them. */
static const char *const coding_class[ENC__MAX] = {
	[ENC_IDENTITY] = "identity",
	[ENC_GZIP] = "gzip",
	[ENC_BR] = "br",
};

static struct node	 nodes[NODES_MAX];
static size_t		 nnodes;
static pthread_mutex_t	 send_lock = PTHREAD_MUTEX_INITIALIZER;

static pthread_t	 thread;
static int		 running;
static int		 stopping;
static pthread_mutex_t	 wake_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t	 wake_cond;	/* on CLOCK_MONOTONIC: purge_start() */

static int64_t
now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Parse one node; 0, or -1 after printing why not. */
static int
node_parse(struct node *n, const char *s)
{
	size_t	 len = strlen(s);

	if ((n->name = strdup(s)) == NULL)
		abort();
	if (strncmp(s, "unix:/", 6) == 0) {
		if ((n->unix_path = strdup(s + 5)) == NULL ||
		    (n->base = strdup("http://localhost")) == NULL)
			abort();
		return 0;
	}
	if (strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0) {
		const char *host = s + (s[4] == 's' ? 8 : 7);

		if (*host == '\0' || *host == '/') {
			fprintf(stderr, "gazette: --purge: '%s' names no host\n",
			    s);
			return -1;
		}
		if (strchr(host, '/') != NULL && s[len - 1] != '/') {
			fprintf(stderr, "gazette: --purge: '%s' has a path; "
			    "give the node's address only\n", s);
			return -1;
		}
		if ((n->base = strdup(s)) == NULL)
			abort();
		if (n->base[len - 1] == '/')
			n->base[len - 1] = '\0';
		return 0;
	}
	fprintf(stderr, "gazette: --purge: '%s' is neither unix:/PATH nor "
	    "http://HOST:PORT\n", s);
	return -1;
}

int
purge_init(void)
{
	const char	*p = cfg.purge, *comma;
	char		 one[1024];
	size_t		 len;

	nnodes = 0;
	while (p != NULL && *p != '\0') {
		while (*p == ' ' || *p == ',')
			p++;
		if (*p == '\0')
			break;
		comma = strchr(p, ',');
		len = comma ? (size_t)(comma - p) : strlen(p);
		while (len > 0 && p[len - 1] == ' ')
			len--;
		if (len >= sizeof(one) || nnodes == NODES_MAX) {
			fprintf(stderr, "gazette: --purge: at most %d nodes of "
			    "at most %zu bytes each\n", NODES_MAX,
			    sizeof(one) - 1);
			return -1;
		}
		memcpy(one, p, len);
		one[len] = '\0';
		if (node_parse(&nodes[nnodes], one) < 0)
			return -1;
		nnodes++;
		p += len;
	}
	if (nnodes > 0 && curl_global_init(CURL_GLOBAL_DEFAULT) != 0) {
		fprintf(stderr, "gazette: cannot initialise libcurl\n");
		return -1;
	}
	return 0;
}

size_t
purge_nodes(void)
{
	return nnodes;
}

static size_t
discard(void *p, size_t size, size_t n, void *arg)
{
	(void)p;
	(void)arg;
	return size * n;
}

/* Purge one key on node n; 0, or -1 with *why set (in a). */
static int
send_one(struct arena *a, struct node *n, const char *path,
    const char **why)
{
	CURLcode	 rc;
	long		 status = 0;
	const char	*url = arena_printf(a, "%s/purge%s", n->base, path);

	if (n->curl == NULL) {
		if ((n->curl = curl_easy_init()) == NULL) {
			*why = "libcurl could not make a handle";
			return -1;
		}
		curl_easy_setopt(n->curl, CURLOPT_NOSIGNAL, 1L);
		curl_easy_setopt(n->curl, CURLOPT_CONNECTTIMEOUT_MS,
		    (long)CONNECT_MS);
		curl_easy_setopt(n->curl, CURLOPT_TIMEOUT_MS, (long)TIMEOUT_MS);
		curl_easy_setopt(n->curl, CURLOPT_WRITEFUNCTION, discard);
		curl_easy_setopt(n->curl, CURLOPT_PROTOCOLS_STR, "http,https");
		if (n->unix_path != NULL)
			curl_easy_setopt(n->curl, CURLOPT_UNIX_SOCKET_PATH,
			    n->unix_path);
	}
	curl_easy_setopt(n->curl, CURLOPT_URL, url);
	if ((rc = curl_easy_perform(n->curl)) != CURLE_OK) {
		*why = arena_strdup(a, curl_easy_strerror(rc));
		return -1;
	}
	curl_easy_getinfo(n->curl, CURLINFO_RESPONSE_CODE, &status);
	/* 200: purged; 404: it held no copy.  Both: the key is gone. */
	if (status == 200 || status == 404)
		return 0;
	*why = arena_printf(a, "HTTP %ld for %s", status, path);
	return -1;
}

/*
 * Each configured node's acknowledged cursor, from the database, into
 * acked[] (-1: the node is not recorded yet; purge_start() records it).
 * 0, or -1 if the database failed.
 */
static int
cursors(struct store *s, long long *acked)
{
	struct arena	 a;
	struct purge_node *have;
	size_t		 i;
	int		 n, j;

	arena_init(&a, 1024);
	if ((n = store_purge_nodes(s, &a, &have)) < 0) {
		arena_free(&a);
		return -1;
	}
	for (i = 0; i < nnodes; i++) {
		acked[i] = -1;
		for (j = 0; j < n; j++)
			if (strcmp(have[j].node, nodes[i].name) == 0)
				acked[i] = have[j].acked;
	}
	arena_free(&a);
	return 0;
}

/*
 * Bring every node up to date, skipping those waiting to be retried
 * unless all is set, and stopping at until_ms (0: no limit), with what
 * is left for the next round.  Called with send_lock held.  Returns the
 * number of nodes still behind.
 */
static int
drain(struct store *s, int all, int64_t until_ms)
{
	struct arena	 a;
	struct purge_row *rows;
	const char	**paths, *why = NULL;
	long long	 acked[NODES_MAX];
	size_t		 i, np, k;
	int		 nrows, behind = 0, failed;
	int64_t		 t = now_ms();

	if (nnodes == 0)
		return 0;
	if (cursors(s, acked) < 0)
		return (int)nnodes;
	arena_init(&a, 16384);
	for (i = 0; i < nnodes; i++) {
		struct node *n = &nodes[i];

		if (acked[i] < 0 && !running)
			continue;	/* a command: serving apps record nodes */
		if (acked[i] < 0) {
			/* Dropped by another process's start: record it again. */
			const char *name = n->name;

			log_info("purge: %s was not recorded; recording it", name);
			if (store_purge_nodes_add(s, &name, 1) < 0 ||
			    cursors(s, acked) < 0 || acked[i] < 0) {
				behind++;
				continue;
			}
		}
		if (!all && t < n->retry_ms) {
			behind++;
			continue;
		}
		for (failed = 0; !failed; ) {
			if (until_ms > 0 && now_ms() >= until_ms) {
				failed = 1;	/* out of time, not failed */
				break;
			}
			arena_reset(&a);
			nrows = store_purge_pending(s, &a, acked[i], BATCH,
			    &rows);
			if (nrows <= 0) {
				failed = nrows < 0;
				break;
			}
			paths = fresh_purge_paths(&a, rows, nrows, &np);
			for (k = 0; k < np * ENC__MAX && !failed &&
			    (until_ms == 0 || now_ms() < until_ms); k++)
				failed = send_one(&a, n, arena_printf(&a,
				    "/%s%s", coding_class[k % ENC__MAX],
				    paths[k / ENC__MAX]), &why) < 0;
			if (failed) {
				log_info("purge: %s: %s", n->name, why);
				store_purge_failed(s, n->name, why,
				    (int64_t)time(NULL));
				n->retry_ms = now_ms() + RETRY_MS;
				break;
			}
			if (k < np * ENC__MAX) {
				failed = 1;	/* out of time */
				break;
			}
			acked[i] = rows[nrows - 1].id;
			if (store_purge_ack(s, n->name, acked[i],
			    (int64_t)time(NULL)) < 0)
				failed = 1;
		}
		behind += failed;
	}
	arena_free(&a);
	return behind;
}

int
purge_record(struct store *s)
{
	const char	*names[NODES_MAX];
	size_t		 i;

	for (i = 0; i < nnodes; i++)
		names[i] = nodes[i].name;
	return nnodes == 0 ? 0 : store_purge_nodes_add(s, names, nnodes);
}

int
purge_now(struct store *s)
{
	struct timespec	 until;
	int64_t		 deadline = now_ms() + REQUEST_MS;
	int		 behind;

	if (nnodes == 0)
		return 0;
	/*
	 * A writer waits for the lock, and sends, for REQUEST_MS at most:
	 * a node that is slow to answer, or a long backlog after a node
	 * was down, is left to the background thread instead of holding
	 * up the writer's answer (and with it a worker thread).
	 */
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += REQUEST_MS / 1000;
	until.tv_nsec += (long)(REQUEST_MS % 1000) * 1000000;
	if (until.tv_nsec >= 1000000000) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000;
	}
	if (pthread_mutex_timedlock(&send_lock, &until) != 0)
		return (int)nnodes;
	behind = drain(s, 0, deadline);
	pthread_mutex_unlock(&send_lock);
	return behind;
}

/* The background thread's round: no deadline. */
static void
purge_round(struct store *s)
{
	pthread_mutex_lock(&send_lock);
	drain(s, 0, 0);
	pthread_mutex_unlock(&send_lock);
}

/* Wait up to ms for a wake-up; 1 if stopping. */
static int
wait_wake(int ms)
{
	struct timespec	 until;
	int		 stop;

	clock_gettime(CLOCK_MONOTONIC, &until);
	until.tv_sec += ms / 1000;
	until.tv_nsec += (long)(ms % 1000) * 1000000;
	if (until.tv_nsec >= 1000000000) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000;
	}
	pthread_mutex_lock(&wake_lock);
	while (!stopping &&
	    pthread_cond_timedwait(&wake_cond, &wake_lock, &until) == 0)
		continue;
	stop = stopping;
	pthread_mutex_unlock(&wake_lock);
	return stop;
}

/*
 * The background thread: every POLL_MS, send what is pending (rows from
 * other processes, nodes that were down).  At the end, one last try at
 * every node.
 */
static void *
purge_main(void *arg)
{
	struct store	*s = arg;

	while (!wait_wake(POLL_MS))
		purge_round(s);
	pthread_mutex_lock(&send_lock);
	if (drain(s, 1, now_ms() + TIMEOUT_MS) > 0)
		log_info("purge: stopping with purges not acknowledged; "
		    "they are sent at the next start");
	pthread_mutex_unlock(&send_lock);
	store_close(s);
	return NULL;
}

int
purge_start(void)
{
	struct store	*s;

	if ((s = store_open(cfg.db, 0)) == NULL)
		return -1;
	{
		const char	*names[NODES_MAX];
		size_t		 i;

		for (i = 0; i < nnodes; i++)
			names[i] = nodes[i].name;
		/*
		 * A database busy with another process's long write should
		 * not stop the site from starting: the first round records
		 * the nodes then (drain() records any it does not find).
		 */
		if (store_purge_nodes_set(s, names, nnodes) < 0)
			log_info("purge: the cache nodes could not be recorded "
			    "yet; trying again while serving");
	}
	if (nnodes == 0) {
		store_close(s);
		return 0;
	}
	/*
	 * What was left at the last stop, before any reader is served.  A
	 * node that is not up yet (make run starts nginx after the app)
	 * is not held back for it: the first write tries it again.
	 */
	pthread_mutex_lock(&send_lock);
	drain(s, 1, now_ms() + TIMEOUT_MS);
	for (size_t i = 0; i < nnodes; i++)
		nodes[i].retry_ms = 0;
	pthread_mutex_unlock(&send_lock);
	stopping = 0;
	{
		pthread_condattr_t	 ca;

		pthread_condattr_init(&ca);
		pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
		pthread_cond_init(&wake_cond, &ca);
		pthread_condattr_destroy(&ca);
	}
	if (pthread_create(&thread, NULL, purge_main, s) != 0) {
		LOG_ERR("pthread_create failed");
		store_close(s);
		return -1;
	}
	running = 1;
	return 0;
}

void
purge_stop(void)
{
	size_t	 i;

	if (running) {
		pthread_mutex_lock(&wake_lock);
		stopping = 1;
		pthread_cond_signal(&wake_cond);
		pthread_mutex_unlock(&wake_lock);
		pthread_join(thread, NULL);
		running = 0;
	}
	for (i = 0; i < nnodes; i++) {
		if (nodes[i].curl != NULL)
			curl_easy_cleanup(nodes[i].curl);
		free(nodes[i].name);
		free(nodes[i].base);
		free(nodes[i].unix_path);
		memset(&nodes[i], 0, sizeof(nodes[i]));
	}
	if (nnodes > 0)
		curl_global_cleanup();
	nnodes = 0;
}

/*
 * main.c: process start, subcommands, and the FastCGI server: a fixed
 * pool of worker threads, each with its own database connection,
 * accepting requests from one socket.
 *
 * Signals: TERM, INT and HUP are blocked in every thread and taken by
 * the main thread with sigwait().  TERM/INT stop accepting, let requests
 * in flight finish, and close the databases; HUP reloads templates.
 */
#include <sys/socket.h>
#include <sys/stat.h>

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cli/cli.h"
#include "config.h"
#include "ctl/ctl.h"
#include "http/cache.h"
#include "http/server.h"
#include "media.h"
#include "purge.h"
#include "site.h"
#include "store/store.h"
#include "util/log.h"
#include "util/secret.h"
#include "view/view.h"

static int		 listen_fd = -1;
static pthread_mutex_t	 accept_lock = PTHREAD_MUTEX_INITIALIZER;

/* Set when a worker could not start; the main thread then gives up. */
static volatile int	 start_failed;

static void *
worker_main(void *arg)
{
	struct worker	*w = arg;
	FCGX_Request	 f;
	int		 rc;

	if (FCGX_InitRequest(&f, listen_fd, 0) != 0) {
		LOG_ERR("worker %d: FCGX_InitRequest failed", w->id);
		start_failed = 1;
		return NULL;
	}
	for (;;) {
		/* libfcgi's accept is not safe to call from two threads. */
		pthread_mutex_lock(&accept_lock);
		rc = FCGX_Accept_r(&f);
		pthread_mutex_unlock(&accept_lock);
		if (rc < 0)
			break;	/* shut down, or the socket closed */
		if (cfg.dev)
			view_reload();
		http_handle(w, &f);
		FCGX_Finish_r(&f);
	}
	FCGX_Free(&f, 1);
	return NULL;
}

/* Open the FastCGI socket: a path (mode 0660) or [host]:port. */
static int
open_socket(const char *spec)
{
	mode_t	 old;
	int	 fd;

	if (strchr(spec, '/') == NULL && strchr(spec, ':') != NULL)
		return FCGX_OpenSocket(spec, 128);
	/* A stale socket from a killed run would make bind() fail. */
	unlink(spec);
	old = umask(007);
	fd = FCGX_OpenSocket(spec, 128);
	umask(old);
	return fd;
}

/*
 * A short version string for the links to static file name (under
 * --static), from its contents, into out (at least 9 bytes).
 */
static const char *
static_version(const char *name, char *out, size_t n)
{
	char		 path[4096];
	unsigned long long h = 1469598103934665603ULL;	/* FNV-1a */
	FILE		*f;
	int		 c;

	snprintf(path, sizeof(path), "%s/%s", cfg.static_dir, name);
	if ((f = fopen(path, "rb")) != NULL) {
		while ((c = getc(f)) != EOF)
			h = (h ^ (unsigned char)c) * 1099511628211ULL;
		fclose(f);
	}
	snprintf(out, n, "%08llx", h & 0xffffffffULL);
	return out;
}

static int
cmd_serve(int argc, char *argv[])
{
	static char	 css_version[9], icon_version[9];
	struct worker	*workers;
	pthread_t	*threads;
	sigset_t	 set;
	struct store	*check;
	int		 i, sig, started = 0;

	(void)argv;
	if (argc > 1) {
		fprintf(stderr, "gazette: serve: unexpected argument '%s'\n",
		    argv[1]);
		return 2;
	}
#ifdef __GLIBC__
	/*
	 * glibc gives every thread a malloc arena of its own, and freed
	 * memory lingers in each: two arenas keep the resident size close
	 * to what is in use, at no measurable cost in speed here.
	 */
	mallopt(M_ARENA_MAX, 2);
#endif
	/* Refuse a database of an unknown schema before anything else. */
	if ((check = store_open(cfg.db, 0)) == NULL)
		return 1;
	/* Editors (issue 3): the secret that keys the login throttle. */
	if (ctl_auth_init(check) < 0) {
		store_close(check);
		return 1;
	}
	/* Comments (issue 4): the form key and address salt, made on
	 * first start, read once before the threads. */
	if (ctl_comment_init(check) < 0) {
		store_close(check);
		return 1;
	}
	/* The site's name and comment policy, as an admin last saved them. */
	if (site_load(check) < 0) {
		store_close(check);
		return 1;
	}
	store_close(check);
	if (purge_init() < 0)
		return 2;
	if (media_init() < 0)
		return 1;
	if (view_init(cfg.templates) < 0)
		return 1;
	view_global("BASE_URL", cfg.base_url);
	view_global("STATIC_VERSION", static_version("gazette.css", css_version,
	    sizeof(css_version)));
	view_global("ICON_VERSION", static_version("favicon.svg", icon_version,
	    sizeof(icon_version)));
	cache_init((size_t)cfg.page_cache);

	if (FCGX_Init() != 0) {
		LOG_ERR("FCGX_Init failed");
		return 1;
	}
	if ((listen_fd = open_socket(cfg.socket)) < 0) {
		LOG_ERR("cannot listen on %s", cfg.socket);
		return 1;
	}

	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	/* A reader who hangs up must not kill the process. */
	signal(SIGPIPE, SIG_IGN);

	/*
	 * The caches' purges left from the last run go out before the
	 * first reader is served; then a thread keeps them going.
	 */
	if (purge_start() < 0)
		return 1;
	workers = calloc((size_t)cfg.threads, sizeof(*workers));
	threads = calloc((size_t)cfg.threads, sizeof(*threads));
	if (workers == NULL || threads == NULL)
		abort();
	for (i = 0; i < cfg.threads; i++) {
		workers[i].id = i;
		arena_init(&workers[i].arena, 0);
		/*
		 * The connection is opened here but used only by its
		 * thread; SQLITE_OPEN_NOMUTEX is safe since it is never
		 * shared.
		 */
		if ((workers[i].store = store_open(cfg.db, 0)) == NULL)
			goto stop;
		if (pthread_create(&threads[i], NULL, worker_main,
		    &workers[i]) != 0) {
			LOG_ERR("pthread_create failed");
			store_close(workers[i].store);
			goto stop;
		}
		started++;
	}
	log_info("serving %s on %s with %d threads", cfg.db, cfg.socket,
	    cfg.threads);
	for (;;) {
		if (start_failed)
			break;
		if (sigwait(&set, &sig) != 0)
			continue;
		if (sig == SIGHUP) {
			log_info("reloading templates");
			view_reload();
			continue;
		}
		log_info("signal %d: stopping", sig);
		break;
	}
stop:
	/* Wake the threads blocked in accept(); each finishes its request. */
	FCGX_ShutdownPending();
	shutdown(listen_fd, SHUT_RDWR);
	for (i = 0; i < started; i++)
		pthread_join(threads[i], NULL);
	close(listen_fd);
	/* The last writes' purges, before the process goes. */
	purge_stop();
	for (i = 0; i < started; i++) {
		store_close(workers[i].store);
		arena_free(&workers[i].arena);
		buf_free(&workers[i].body);
		buf_free(&workers[i].post);
		buf_free(&workers[i].coded);
	}
	if (strchr(cfg.socket, '/') != NULL)
		unlink(cfg.socket);
	free(workers);
	free(threads);
	site_free();
	{
		uint64_t hits, misses;

		cache_stats(&hits, &misses);
		log_info("stopped; page cache: %llu hits, %llu misses",
		    (unsigned long long)hits, (unsigned long long)misses);
	}
	return started == cfg.threads && !start_failed ? 0 : 1;
}

static const struct {
	const char	*name;
	int		(*fn)(int, char *[]);
	const char	*usage;
} commands[] = {
	{ "serve", cmd_serve, "serve                 run the FastCGI server" },
	{ "migrate", cli_migrate, "migrate               create or upgrade the database" },
	{ "import", cli_import, "import [--draft] [--if-empty] [--published TIME] [--spread SECONDS]\n"
	  "       [--byline B] [--dateline D] [--source S] FILE...\n"
	  "       [--image PHOTO --alt TEXT [--caption C] [--credit C]] FILE\n"
	  "                        import plain-text wire copy" },
	{ "backup", cli_backup, "backup FILE           consistent copy of the live database" },
	{ "check", cli_check, "check                 integrity, foreign-key and counter checks" },
	/* Readers find articles (issue 5). */
	{ "reindex", cli_reindex, "reindex               rebuild the search index" },
	/* Editors (issue 3). */
	{ "user", cli_user, "user add NAME [--role admin|editor] [--display \"Full Name\"] [--random-password]\n"
	  "  user passwd NAME [--random-password] | user list | user disable NAME | user enable NAME\n"
	  "                        editors' accounts (password on standard input)" },
	/* Benchmarks (issue 6). */
	{ "generate", cli_generate, "generate [--articles N] [--comments-per-article M] [--tags T]\n"
	  "                        [--seed S] [--now UNIXTIME] [--words FILE]\n"
	  "                        fill an empty database with made-up articles" },
	/* Hardening (issue 7): the route table, for the tests; not in
	   the usage text. */
	{ "routes", cli_routes, NULL },
	/* Photographs: started by the server for each upload; hidden. */
	{ "media-process", cli_media_process, NULL },
};

#define NCOMMANDS (sizeof(commands) / sizeof(commands[0]))

/* 1 if the system knows the time zone name (Europe/London). */
static int
zone_exists(const char *name)
{
	char	 path[512];

	snprintf(path, sizeof(path), "/usr/share/zoneinfo/%s", name);
	return access(path, R_OK) == 0;
}

static void
usage(FILE *f)
{
	size_t	 i;

	fputs("usage: gazette COMMAND [settings] [arguments]\n\nCommands:\n", f);
	for (i = 0; i < NCOMMANDS; i++)
		if (commands[i].usage != NULL)
			fprintf(f, "  %s\n", commands[i].usage);
	fputs("  help                  this text\n\n", f);
	config_usage(f);
}

/*
 * After a command that may have written (import, user, generate ...):
 * send its purges to the cache nodes this process is told of, as the
 * app does after a form, so that readers see the change on their next
 * request.  A serving app sends them anyway within half a second, to
 * the nodes it was given, should this process know of none.
 */
static void
cli_purge(void)
{
	struct store	*s;

	if (cfg.purge == NULL || *cfg.purge == '\0' ||
	    access(cfg.db, F_OK) != 0 || purge_init() < 0)
		return;
	if (purge_nodes() > 0 && (s = store_open(cfg.db, 0)) != NULL) {
		purge_now(s);
		store_close(s);
	}
	purge_stop();
}

int
main(int argc, char *argv[])
{
	size_t	 i;
	int	 n, rc;

	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (strcmp(argv[1], "help") == 0 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return 0;
	}
	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			break;
	if (i == NCOMMANDS) {
		fprintf(stderr, "gazette: unknown command '%s' (try "
		    "'gazette --help')\n", argv[1]);
		return 2;
	}
	/* "gazette serve --help": the same help as "gazette --help". */
	if (argc == 3 && (strcmp(argv[2], "--help") == 0 ||
	    strcmp(argv[2], "-h") == 0)) {
		usage(stdout);
		return 0;
	}
	n = argc - 1;
	if (config_parse(&n, argv + 1) < 0)
		return 2;
	/* Shown times are in the site's zone, for every thread. */
	if (strcmp(cfg.timezone, "UTC") != 0 && (cfg.timezone[0] == '/' ||
	    strstr(cfg.timezone, "..") != NULL || !zone_exists(cfg.timezone))) {
		fprintf(stderr, "gazette: unknown time zone '%s' (see "
		    "/usr/share/zoneinfo)\n", cfg.timezone);
		return 2;
	}
	if (setenv("TZ", cfg.timezone, 1) != 0)
		return 1;
	tzset();
	store_configure(cfg.sync_full, cfg.cache_kib, cfg.recheck_ms);
	/* Passwords and session tokens need libsodium ready. */
	if (secret_init() < 0)
		return 1;
	rc = commands[i].fn(n, argv + 1);
	if (rc == 0 && commands[i].fn != cmd_serve)
		cli_purge();
	return rc;
}

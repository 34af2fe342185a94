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
#include <sys/un.h>

#include <errno.h>
#include <grp.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "app.h"
#include "cli/cli.h"
#include "config.h"
#include "ctl/ctl.h"
#include "http/cache.h"
#include "http/server.h"
#include "media.h"
#include "purge.h"
#include "site.h"
#include "store/store.h"
#include "systemd.h"
#include "util/conninfo.h"
#include "util/log.h"
#include "util/secret.h"
#include "view/view.h"

static int		 listen_fd = -1;
static pthread_mutex_t	 accept_lock = PTHREAD_MUTEX_INITIALIZER;

/* The socket came from systemd, which keeps it across restarts. */
static int		 listen_inherited;

/* Workers that have left their accept loop, under done_lock. */
static pthread_mutex_t	 done_lock = PTHREAD_MUTEX_INITIALIZER;
static int		 workers_done;

/*
 * The worker in accept() right now (it holds accept_lock), or -1: the
 * only one a stop may interrupt with a signal, since a signal in the
 * middle of a request would cut its writes short.
 */
static _Atomic int	 accepting = -1;

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
		atomic_store(&accepting, w->id);
		rc = FCGX_Accept_r(&f);
		atomic_store(&accepting, -1);
		pthread_mutex_unlock(&accept_lock);
		if (rc < 0)
			break;	/* shut down, or the socket closed */
		if (cfg.dev)
			view_reload();
		app_handle(w, &f);
		FCGX_Finish_r(&f);
	}
	FCGX_Free(&f, 1);
	pthread_mutex_lock(&done_lock);
	workers_done++;
	pthread_mutex_unlock(&done_lock);
	return NULL;
}

/* SIGUSR1 only interrupts a worker's accept() at shutdown. */
static void
wake(int sig)
{
	(void)sig;
}

/*
 * Stop the workers blocked in accept().  A socket of our own is shut
 * down, which fails every accept().  One systemd passed is shared with
 * systemd and must stay open for the next start: each worker's
 * accept() is interrupted with SIGUSR1 instead (libfcgi gives up on
 * EINTR once FCGX_ShutdownPending() was called): only the worker in
 * accept(), never one answering a request, again every 50 ms until all
 * are out, since the next one takes accept_lock after its request.
 */
static void
stop_workers(pthread_t *threads, int started)
{
	struct timespec	 pause = { 0, 50 * 1000 * 1000 };
	int		 i, done;

	FCGX_ShutdownPending();
	if (!listen_inherited) {
		shutdown(listen_fd, SHUT_RDWR);
		return;
	}
	for (;;) {
		pthread_mutex_lock(&done_lock);
		done = workers_done;
		pthread_mutex_unlock(&done_lock);
		if (done >= started)
			return;
		if ((i = atomic_load(&accepting)) >= 0 && i < started)
			pthread_kill(threads[i], SIGUSR1);
		nanosleep(&pause, NULL);
	}
}

/* 1 if the socket setting is [host]:port rather than a path. */
static int
socket_is_tcp(const char *spec)
{
	return strchr(spec, '/') == NULL && strchr(spec, ':') != NULL;
}

/*
 * Open the FastCGI socket: a path (mode 0660, in group --socket-group
 * when one is named, so that the web server's user can connect) or
 * [host]:port.  Returns the descriptor, or -1 after logging why not.
 */
static int
open_socket(const char *spec, const char *group)
{
	struct group	*gr;
	char		*end;
	gid_t		 gid = 0;
	mode_t		 old;
	char		 tmp[sizeof(((struct sockaddr_un *)0)->sun_path)];
	int		 fd;

	if (socket_is_tcp(spec)) {
		if (*group != '\0') {
			LOG_ERR("--socket-group applies to a socket path, "
			    "not %s", spec);
			return -1;
		}
		if ((fd = FCGX_OpenSocket(spec, 128)) < 0)
			LOG_ERR("cannot listen on %s", spec);
		return fd;
	}
	if (*group != '\0') {
		/* A name (www-data), or a number. */
		if ((gr = getgrnam(group)) != NULL)
			gid = gr->gr_gid;
		else {
			errno = 0;
			gid = (gid_t)strtoul(group, &end, 10);
			if (errno != 0 || end == group || *end != '\0') {
				LOG_ERR("--socket-group: no group '%s'", group);
				return -1;
			}
		}
	}
	/*
	 * Made under another name and renamed into place once it listens
	 * with its owner and mode, so that nginx never finds the path
	 * bound but not yet listening (a 502) or not yet its group's.
	 * (A stale socket from a killed run is replaced so too.)
	 */
	if (snprintf(tmp, sizeof(tmp), "%s.new", spec) >= (int)sizeof(tmp)) {
		LOG_ERR("socket path too long: %s", spec);
		return -1;
	}
	unlink(tmp);
	old = umask(007);
	fd = FCGX_OpenSocket(tmp, 128);
	umask(old);
	if (fd < 0) {
		LOG_ERR("cannot listen on %s (does its folder exist?)", spec);
		return -1;
	}
	/* Connecting takes write permission: rw for owner and group. */
	if (chmod(tmp, 0660) != 0 ||
	    (*group != '\0' && chown(tmp, (uid_t)-1, gid) != 0)) {
		LOG_ERR("cannot give %s to group '%s': %s", spec, group,
		    strerror(errno));
		close(fd);
		unlink(tmp);
		return -1;
	}
	if (rename(tmp, spec) != 0) {
		LOG_ERR("cannot put the socket at %s: %s", spec,
		    strerror(errno));
		close(fd);
		unlink(tmp);
		return -1;
	}
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

/* The template-global values every page uses: base URL, static versions. */
static void
view_globals(void)
{
	static char	 css_version[9], icon_version[9];

	view_global("BASE_URL", cfg.base_url);
	view_global("STATIC_VERSION", static_version("gazette.css", css_version,
	    sizeof(css_version)));
	view_global("ICON_VERSION", static_version("favicon.svg", icon_version,
	    sizeof(icon_version)));
}

static int
cmd_serve(int argc, char *argv[])
{
	char		 shown[1024];
	struct worker	*workers;
	pthread_t	*threads;
	sigset_t	 set;
	struct store	*check;
	int		 i, sig, started = 0, lock;

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
	/*
	 * Compressing a page asks for about a megabyte of scratch memory
	 * (Brotli's hash table), freed at once.  By default glibc maps
	 * such a block afresh for each page, or hands it back to the
	 * kernel when freed, and the kernel zeroes it again on the next
	 * touch: that doubled the app's CPU for a page rendered.  Fixed
	 * thresholds keep it in the heap, for a few megabytes resident.
	 */
	mallopt(M_MMAP_THRESHOLD, 2 << 20);
	mallopt(M_TRIM_THRESHOLD, 4 << 20);
#endif
	/* Refuse a database of an unknown schema before anything else. */
	if ((check = store_open(cfg.db, 0)) == NULL)
		return 1;
	/* Held for the process's life: no restore while this serves. */
	if ((lock = store_serve_lock(cfg.db)) < 0) {
		store_close(check);
		return 1;
	}
	/* The secret that keys the login throttle. */
	if (ctl_auth_init(check) < 0) {
		store_close(check);
		return 1;
	}
	/* The form key and address salt, made on
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
	view_globals();
	cache_init((size_t)cfg.page_cache);

	if (FCGX_Init() != 0) {
		LOG_ERR("FCGX_Init failed");
		return 1;
	}
	/* A socket from systemd's gazette.socket, else our own. */
	if ((listen_fd = systemd_listen_fd()) == -2)
		return 1;
	listen_inherited = listen_fd >= 0;
	if (!listen_inherited &&
	    (listen_fd = open_socket(cfg.socket, cfg.socket_group)) < 0)
		return 1;

	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	/* A reader who hangs up must not kill the process. */
	signal(SIGPIPE, SIG_IGN);
	{
		struct sigaction sa;

		/* No SA_RESTART: the signal is to end a blocked accept(). */
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = wake;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGUSR1, &sa, NULL);
	}

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
	log_info("serving %s on %s with %d threads",
	    conninfo_shown(cfg.db, shown, sizeof(shown)),
	    listen_inherited ? "the socket systemd passed" : cfg.socket,
	    cfg.threads);
	systemd_notify("READY=1\nSTATUS=serving");
	for (;;) {
		if (start_failed)
			break;
		if (sigwait(&set, &sig) != 0)
			continue;
		if (sig == SIGHUP) {
			log_info("reloading templates");
			systemd_notify("RELOADING=1");
			view_reload();
			systemd_notify("READY=1");
			continue;
		}
		log_info("signal %d: stopping", sig);
		break;
	}
stop:
	systemd_notify("STOPPING=1");
	/* Wake the threads blocked in accept(); each finishes its request. */
	stop_workers(threads, started);
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
	if (!listen_inherited && !socket_is_tcp(cfg.socket))
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
	/* After every connection to the database is closed. */
	close(lock);
	return started == cfg.threads && !start_failed ? 0 : 1;
}

/*
 * A CGI run (a web server started this process for one request, with
 * GATEWAY_INTERFACE set and no FastCGI listener): the same start-up
 * checks as serve, then that one request, answered by the same code,
 * and exit.  Templates are read for every run, and no page is cached
 * between runs: README, Performance, shows the price.
 */
static int
cmd_cgi(int argc, char *argv[])
{
	extern char	**environ;
	const char	*method = getenv("REQUEST_METHOD");
	struct worker	 w;
	struct store	*s;
	int		 lock, rc;

	(void)argc;
	(void)argv;
	memset(&w, 0, sizeof(w));
	signal(SIGPIPE, SIG_IGN);
	if ((s = store_open(cfg.db, 0)) == NULL)
		goto unavailable;
	if ((lock = store_serve_lock(cfg.db)) < 0) {
		store_close(s);
		goto unavailable;
	}
	if (ctl_auth_init(s) < 0 || ctl_comment_init(s) < 0 ||
	    site_load(s) < 0 || view_init(cfg.templates) < 0) {
		store_close(s);
		close(lock);
		goto unavailable;
	}
	view_globals();
	cache_init(0);
	arena_init(&w.arena, 0);
	w.store = s;
	/*
	 * A form's purges go out before its answer, as in the server (a
	 * POST records the nodes first, there being no serving app to);
	 * what is left (a node that did not answer) run() tries again
	 * before the process ends.
	 */
	if (purge_init() < 0 || (method != NULL && strcmp(method, "POST") == 0 &&
	    purge_record(s) < 0)) {
		store_close(s);
		close(lock);
		goto unavailable;
	}
	rc = http_cgi(&w, environ, app_handle);
	purge_stop();
	store_close(s);
	close(lock);
	arena_free(&w.arena);
	buf_free(&w.body);
	buf_free(&w.post);
	buf_free(&w.coded);
	site_free();
	return rc == 0 ? 0 : 1;
unavailable:
	/* The reason is in the log (standard error); the reader gets 503. */
	fputs("Status: 503 Service Unavailable\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n\r\n"
	    "The site is unavailable.\n", stdout);
	return 1;
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
	{ "backup", cli_backup, "backup FILE | backup --keep N DIR\n"
	  "                        consistent copy of the live database (to DIR,\n"
	  "                        dated, keeping the newest N)" },
	{ "restore", cli_restore, "restore [--stop] FILE put a backup in place of the database" },
	{ "check", cli_check, "check                 integrity, foreign-key and counter checks" },
	{ "copy", cli_copy, "copy --from SQLITE_FILE --to POSTGRESQL\n"
	  "                        copy a whole site into an empty PostgreSQL database" },
	/* Readers find articles. */
	{ "reindex", cli_reindex, "reindex               rebuild the search index" },
	/* Editors. */
	{ "user", cli_user, "user add NAME [--role admin|editor|contributor] [--display \"Full Name\"] [--random-password]\n"
	  "  user passwd NAME [--random-password] | user list | user role NAME ROLE\n"
	  "  user disable NAME | user enable NAME | user 2fa-reset NAME\n"
	  "                        editors' accounts (password on standard input)" },
	/* Benchmarks. */
	{ "generate", cli_generate, "generate [--articles N] [--comments-per-article M] [--tags T]\n"
	  "                        [--seed S] [--now UNIXTIME] [--words FILE]\n"
	  "                        fill an empty database with made-up articles" },
	/* The route table, for the tests; not in
	   the usage text. */
	{ "routes", ctl_routes_print, NULL },
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
 * After a command that may have written (import, user, generate, a
 * CGI request ...): send its purges to the cache nodes this process is
 * told of, as the app does after a form, so that readers see the change
 * on their next request.  A serving app sends them anyway within half a
 * second, to the nodes it was given, should this process know of none.
 */
static void
cli_purge(void)
{
	struct store	*s;

	if (cfg.purge == NULL || *cfg.purge == '\0' ||
	    !store_present(cfg.db) || purge_init() < 0)
		return;
	if (purge_nodes() > 0 && (s = store_open(cfg.db, 0)) != NULL) {
		purge_now(s);
		store_close(s);
	}
	purge_stop();
}

/*
 * Read the settings (removing them from argv), set the time zone and
 * the store's options, then run the command fn with what is left, and
 * send the purges of what it wrote.
 */
static int
run(int (*fn)(int, char *[]), int argc, char *argv[])
{
	int	 n = argc, rc;

	if (config_parse(&n, argv) < 0)
		return 2;
	/* Shown times are in the site's zone, for every thread. */
	if (strcmp(cfg.timezone, "UTC") != 0 && (cfg.timezone[0] == '/' ||
	    strstr(cfg.timezone, "..") != NULL || !zone_exists(cfg.timezone))) {
		fprintf(stderr, "gazette: %s: unknown time zone '%s' (see "
		    "/usr/share/zoneinfo)\n", config_origin(&cfg.timezone),
		    cfg.timezone);
		return 2;
	}
	if (setenv("TZ", cfg.timezone, 1) != 0)
		return 1;
	tzset();
	store_configure(cfg.sync_full, cfg.cache_kib, cfg.mmap_mib,
	    cfg.recheck_ms);
	/* Passwords and session tokens need libsodium ready. */
	if (secret_init() < 0)
		return 1;
	rc = fn(n, argv);
	if (fn != cmd_serve)
		cli_purge();
	return rc;
}

int
main(int argc, char *argv[])
{
	size_t	 i;

	/*
	 * A web server's CGI run: its settings from the file, and never a
	 * command, whatever the arguments (a server may turn a query
	 * string without '=' into arguments).
	 */
	if (getenv("GATEWAY_INTERFACE") != NULL && FCGX_IsCGI())
		return run(cmd_cgi, 0, argv + argc);
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
	return run(commands[i].fn, argc - 1, argv + 1);
}

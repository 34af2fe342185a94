/*
 * config.c: configuration file, environment and flags.  One table lists
 * every setting with its flag, variable and default; the help text and
 * the configuration file's keys come from it too.
 */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"

struct config cfg;

enum opt_type {
	OPT_STR,
	OPT_INT,
	OPT_BOOL,
	OPT_MODERATION,
};

struct opt {
	const char	*flag;		/* without the leading "--" */
	const char	*env;
	enum opt_type	 type;
	void		*ptr;
	const char	*def;
	int		 min, max;	/* OPT_INT: the range; OPT_STR: min 1
					   if the value may not be empty */
	const char	*help;
};

static const struct opt opts[] = {
	{ "db", "GAZETTE_DB", OPT_STR, &cfg.db, "var/gazette.db", 1, 0,
	  "database: a SQLite file, or a postgresql:// URI or libpq conninfo" },
	{ "socket", "GAZETTE_SOCKET", OPT_STR, &cfg.socket,
	  "var/gazette.sock", 1, 0,
	  "FastCGI socket: a path, or :PORT / HOST:PORT for TCP" },
	{ "socket-group", "GAZETTE_SOCKET_GROUP", OPT_STR, &cfg.socket_group,
	  "", 0, 0,
	  "group given the socket file (e.g. www-data; empty: the process's)" },
	{ "config", "GAZETTE_CONFIG", OPT_STR, &cfg.config, "", 0, 0,
	  "configuration file of GAZETTE_*=value lines (read first)" },
	{ "title", "GAZETTE_TITLE", OPT_STR, &cfg.title, "The Gazette", 1, 0,
	  "site name" },
	{ "tagline", "GAZETTE_TAGLINE", OPT_STR, &cfg.tagline,
	  "News from Port Ardent and beyond", 0, 0, "line under the name" },
	{ "base-url", "GAZETTE_BASE_URL", OPT_STR, &cfg.base_url,
	  "http://127.0.0.1:8080", 1, 0,
	  "public address, for links in feeds and metadata" },
	{ "timezone", "GAZETTE_TIMEZONE", OPT_STR, &cfg.timezone, "UTC", 1, 0,
	  "time zone of shown times (e.g. Europe/London)" },
	{ "templates", "GAZETTE_TEMPLATES", OPT_STR, &cfg.templates,
	  "templates", 1, 0, "template folder" },
	{ "static", "GAZETTE_STATIC", OPT_STR, &cfg.static_dir, "static", 1, 0,
	  "static files folder (served by nginx)" },
	{ "threads", "GAZETTE_THREADS", OPT_INT, &cfg.threads, "4", 1, 64,
	  "worker threads" },
	{ "sync", "GAZETTE_SYNC", OPT_BOOL, &cfg.sync_full, "1", 0, 1,
	  "1: synchronous=FULL (survives power loss), 0: NORMAL" },
	{ "cache-kib", "GAZETTE_CACHE_KIB", OPT_INT, &cfg.cache_kib, "1024",
	  64, 1048576, "SQLite page cache per thread, KiB" },
	{ "mmap-mib", "GAZETTE_MMAP_MIB", OPT_INT, &cfg.mmap_mib, "0", 0,
	  1048576, "SQLite database read through a memory map of up to "
	  "this many MiB (0: read with system calls)" },
	{ "page-cache", "GAZETTE_PAGE_CACHE", OPT_INT, &cfg.page_cache, "768",
	  0, 100000, "rendered pages kept in memory (0: off)" },
	{ "recheck-ms", "GAZETTE_RECHECK_MS", OPT_INT, &cfg.recheck_ms, "100",
	  0, 60000, "how often to look for writes by other processes, ms "
	  "(0: every request)" },
	{ "purge", "GAZETTE_PURGE", OPT_STR, &cfg.purge, "", 0, 0,
	  "cache nodes to purge after writes, comma-separated: unix:/PATH "
	  "or http://HOST:PORT (empty: none)" },
	{ "media", "GAZETTE_MEDIA", OPT_STR, &cfg.media_dir, "var/media", 1, 0,
	  "photographs folder (served at /media/ by nginx)" },
	{ "media-timeout", "GAZETTE_MEDIA_TIMEOUT", OPT_INT,
	  &cfg.media_timeout, "60", 1, 3600,
	  "seconds (wall clock and CPU) an upload's decoding may take" },
	{ "media-memory", "GAZETTE_MEDIA_MEMORY", OPT_INT, &cfg.media_memory,
	  "1024", 128, 65536, "address space of the decoding process, MiB" },
	{ "media-max-mpx", "GAZETTE_MEDIA_MAX_MPX", OPT_INT,
	  &cfg.media_max_mpx, "100", 1, 1000,
	  "largest image accepted, megapixels (read from its header)" },
	{ "dev", "GAZETTE_DEV", OPT_BOOL, &cfg.dev, "0", 0, 1,
	  "1: reload changed templates on every request" },
	{ "session-idle", "GAZETTE_SESSION_IDLE", OPT_INT, &cfg.session_idle,
	  "7200", 1, INT_MAX, "editor session idle lifetime, seconds" },
	{ "session-max", "GAZETTE_SESSION_MAX", OPT_INT, &cfg.session_max,
	  "43200", 1, INT_MAX, "editor session absolute lifetime, seconds" },
	{ "login-failures", "GAZETTE_LOGIN_FAILURES", OPT_INT,
	  &cfg.login_failures, "5", 1, 1000,
	  "failed logins allowed per window" },
	{ "login-window", "GAZETTE_LOGIN_WINDOW", OPT_INT, &cfg.login_window,
	  "900", 1, INT_MAX, "failed-login window, seconds" },
	{ "comment-moderation", "GAZETTE_COMMENT_MODERATION", OPT_MODERATION,
	  &cfg.moderation, "first-time", 0, 0, "open, first-time or all" },
	{ "comment-rate-minute", "GAZETTE_COMMENT_RATE_MINUTE", OPT_INT,
	  &cfg.comment_rate_minute, "5", 0, INT_MAX,
	  "comments per address per minute (0: no limit)" },
	{ "comment-rate-hour", "GAZETTE_COMMENT_RATE_HOUR", OPT_INT,
	  &cfg.comment_rate_hour, "30", 0, INT_MAX,
	  "comments per address per hour (0: no limit)" },
	{ "comment-min-seconds", "GAZETTE_COMMENT_MIN_SECONDS", OPT_INT,
	  &cfg.comment_min_seconds, "3", 0, 3600,
	  "least time between showing the form and posting" },
	{ "comment-max-age", "GAZETTE_COMMENT_MAX_AGE", OPT_INT,
	  &cfg.comment_max_age, "21600", 60, INT_MAX,
	  "how long a comment form stays valid, seconds" },
	{ "comment-close-days", "GAZETTE_COMMENT_CLOSE_DAYS", OPT_INT,
	  &cfg.comment_close_days, "30", 0, 36500,
	  "close comments this many days after publication (0: never)" },
	/* The rate limits' windows. */
	{ "comment-rate-minute-window", "GAZETTE_COMMENT_RATE_MINUTE_WINDOW",
	  OPT_INT, &cfg.comment_rate_minute_window, "60", 1, 86400,
	  "window of --comment-rate-minute, seconds" },
	{ "comment-rate-hour-window", "GAZETTE_COMMENT_RATE_HOUR_WINDOW",
	  OPT_INT, &cfg.comment_rate_hour_window, "3600", 1, 604800,
	  "window of --comment-rate-hour, seconds" },
};

#define NOPTS (sizeof(opts) / sizeof(opts[0]))

static const char *const moderation_names[] = {
	[MODERATION_OPEN] = "open",
	[MODERATION_FIRST_TIME] = "first-time",
	[MODERATION_ALL] = "all",
};

const char *
moderation_name(enum moderation m)
{
	return (unsigned)m < MODERATION_N ? moderation_names[m] : "first-time";
}

int
moderation_parse(const char *name, enum moderation *m)
{
	int	 i;

	for (i = 0; i < MODERATION_N; i++)
		if (strcmp(name, moderation_names[i]) == 0) {
			*m = (enum moderation)i;
			return 0;
		}
	return -1;
}

/* Store value into the setting; 0, or -1 after printing why not. */
static int
set(const struct opt *o, const char *value, const char *from)
{
	char	*end;
	long	 v;

	switch (o->type) {
	case OPT_STR:
		*(const char **)o->ptr = value;
		return 0;
	case OPT_INT:
	case OPT_BOOL:
		errno = 0;
		v = strtol(value, &end, 10);
		if (errno != 0 || end == value || *end != '\0' ||
		    v < (o->type == OPT_BOOL ? 0 : o->min) ||
		    v > (o->type == OPT_BOOL ? 1 : o->max)) {
			fprintf(stderr, "gazette: %s: '%s' is not a number "
			    "from %d to %d\n", from, value,
			    o->type == OPT_BOOL ? 0 : o->min,
			    o->type == OPT_BOOL ? 1 : o->max);
			return -1;
		}
		*(int *)o->ptr = (int)v;
		return 0;
	case OPT_MODERATION:
		if (moderation_parse(value, o->ptr) == 0)
			return 0;
		fprintf(stderr, "gazette: %s: '%s' is not open, first-time "
		    "or all\n", from, value);
		return -1;
	}
	return -1;
}

/*
 * Where an installed binary keeps its files, found by find_install();
 * empty strings for a binary that is not installed.
 */
static char	 inst_templates[PATH_MAX];
static char	 inst_static[PATH_MAX];
static char	 inst_config[PATH_MAX];

/*
 * An installed binary, PREFIX/bin/gazette next to a folder
 * PREFIX/share/gazette/templates, takes its templates and static files
 * from PREFIX/share/gazette, and its configuration file from
 * /etc/gazette/gazette.conf (PREFIX/etc/gazette/gazette.conf for a
 * PREFIX other than /usr).  Any other binary (build/gazette in a clone)
 * keeps the defaults relative to the working folder.
 */
static void
find_install(void)
{
	char		 prefix[PATH_MAX - 64], *slash;
	struct stat	 st;
	ssize_t		 n;

	inst_templates[0] = inst_static[0] = inst_config[0] = '\0';
	n = readlink("/proc/self/exe", prefix, sizeof(prefix) - 1);
	if (n <= 0)
		return;
	prefix[n] = '\0';
	if ((slash = strrchr(prefix, '/')) == NULL)
		return;
	*slash = '\0';
	if ((slash = strrchr(prefix, '/')) == NULL ||
	    strcmp(slash + 1, "bin") != 0)
		return;
	*slash = '\0';
	snprintf(inst_templates, sizeof(inst_templates),
	    "%s/share/gazette/templates", prefix);
	if (stat(inst_templates, &st) != 0 || !S_ISDIR(st.st_mode)) {
		inst_templates[0] = '\0';
		return;
	}
	snprintf(inst_static, sizeof(inst_static), "%s/share/gazette/static",
	    prefix);
	if (strcmp(prefix, "/usr") == 0)
		snprintf(inst_config, sizeof(inst_config),
		    "/etc/gazette/gazette.conf");
	else
		snprintf(inst_config, sizeof(inst_config),
		    "%s/etc/gazette/gazette.conf", prefix);
}

/* The default of a setting: the table's, or the installed binary's. */
static const char *
opt_default(const struct opt *o)
{
	if (inst_templates[0] != '\0') {
		if (o->ptr == &cfg.templates)
			return inst_templates;
		if (o->ptr == &cfg.static_dir)
			return inst_static;
	}
	return o->def;
}

/* Where each setting's value came from, for later complaints. */
static char	*origin[NOPTS];

static int
set_from(size_t i, const char *value, const char *from)
{
	free(origin[i]);
	if ((origin[i] = strdup(from)) == NULL)
		abort();
	return set(&opts[i], value, from);
}

const char *
config_origin(const void *setting)
{
	size_t	 i;

	for (i = 0; i < NOPTS; i++)
		if (opts[i].ptr == setting)
			return origin[i] != NULL ? origin[i] : "";
	return "?";
}

/*
 * A copy of a string value read from the file, kept for the process's
 * life: a setting may point to it even after a later line, the
 * environment or a flag replaced it.
 */
static char	**kept;
static size_t	  nkept;

static char *
keep(const char *value)
{
	char	**more;

	if ((more = realloc(kept, (nkept + 1) * sizeof(*kept))) == NULL)
		abort();
	kept = more;
	if ((kept[nkept] = strdup(value)) == NULL)
		abort();
	return kept[nkept++];
}

/* Trim white space at both ends of s, in place. */
static char *
trim(char *s)
{
	size_t	 n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\r' || s[n - 1] == '\n'))
		s[--n] = '\0';
	return s;
}

/*
 * Read the configuration file: KEY=value lines whose keys are the
 * settings' variable names, blank lines, and lines starting with "#".
 * A value may be put in double or single quotes, which are removed.
 * Returns 0, or -1 after printing the file, the line and the reason.
 */
static int
read_file(const char *path)
{
	FILE	*f;
	char	*line = NULL, *key, *value, *eq, from[PATH_MAX + 64];
	size_t	 cap = 0, i, n;
	int	 lineno = 0, rc = 0;

	if ((f = fopen(path, "r")) == NULL) {
		fprintf(stderr, "gazette: %s: %s\n", path, strerror(errno));
		return -1;
	}
	while (rc == 0 && getline(&line, &cap, f) != -1) {
		lineno++;
		key = trim(line);
		if (*key == '\0' || *key == '#')
			continue;
		if ((eq = strchr(key, '=')) == NULL) {
			fprintf(stderr, "gazette: %s:%d: not a KEY=value "
			    "line\n", path, lineno);
			rc = -1;
			break;
		}
		*eq = '\0';
		key = trim(key);
		value = trim(eq + 1);
		n = strlen(value);
		if (n >= 2 && (value[0] == '"' || value[0] == '\'') &&
		    value[n - 1] == value[0]) {
			value[n - 1] = '\0';
			value++;
		}
		for (i = 0; i < NOPTS; i++)
			if (strcmp(opts[i].env, key) == 0)
				break;
		if (i == NOPTS) {
			fprintf(stderr, "gazette: %s:%d: unknown setting "
			    "'%s'\n", path, lineno, key);
			rc = -1;
		} else if (opts[i].ptr == &cfg.config) {
			fprintf(stderr, "gazette: %s:%d: %s cannot be set in "
			    "a configuration file\n", path, lineno, key);
			rc = -1;
		} else if (*value == '\0' && opts[i].type == OPT_STR &&
		    opts[i].min > 0) {
			fprintf(stderr, "gazette: %s:%d: %s needs a value\n",
			    path, lineno, key);
			rc = -1;
		} else {
			snprintf(from, sizeof(from), "%s:%d: %s", path,
			    lineno, key);
			if (opts[i].type == OPT_STR)
				value = keep(value);
			rc = set_from(i, value, from);
		}
	}
	if (rc == 0 && ferror(f)) {
		fprintf(stderr, "gazette: %s: %s\n", path, strerror(errno));
		rc = -1;
	}
	free(line);
	fclose(f);
	return rc;
}

/*
 * The configuration file to read: --config's, else GAZETTE_CONFIG's,
 * else the installed binary's default when it exists; NULL for none.
 */
static const char *
config_path(int argc, char *argv[])
{
	const char	*v;
	int		 k;

	for (k = 0; k < argc && strcmp(argv[k], "--") != 0; k++) {
		if (strncmp(argv[k], "--config=", 9) == 0)
			return argv[k][9] != '\0' ? argv[k] + 9 : NULL;
		if (strcmp(argv[k], "--config") == 0)
			return k + 1 < argc && argv[k + 1][0] != '\0' ?
			    argv[k + 1] : NULL;
	}
	if ((v = getenv("GAZETTE_CONFIG")) != NULL && *v != '\0')
		return v;
	if (inst_config[0] != '\0' && access(inst_config, F_OK) == 0)
		return inst_config;
	return NULL;
}

int
config_parse(int *argc, char *argv[])
{
	const struct opt *o;
	const char	*v, *arg, *eq, *file;
	char		 from[80];
	size_t		 i, n;
	int		 k, out = 0, rest = 0;

	find_install();
	for (i = 0; i < NOPTS; i++) {
		snprintf(from, sizeof(from), "--%s", opts[i].flag);
		if (set_from(i, opt_default(&opts[i]), from) < 0)
			return -1;
	}
	if ((file = config_path(*argc, argv)) != NULL) {
		cfg.config = file;
		if (read_file(file) < 0)
			return -1;
	}
	for (i = 0; i < NOPTS; i++)
		if ((v = getenv(opts[i].env)) != NULL && *v != '\0' &&
		    set_from(i, v, opts[i].env) < 0)
			return -1;
	for (k = 0; k < *argc; k++) {
		arg = argv[k];
		if (strcmp(arg, "--") == 0)
			rest = 1;
		if (rest || strncmp(arg, "--", 2) != 0) {
			argv[out++] = argv[k];
			continue;
		}
		arg += 2;
		n = (eq = strchr(arg, '=')) ? (size_t)(eq - arg) : strlen(arg);
		for (o = NULL, i = 0; i < NOPTS && o == NULL; i++)
			if (strlen(opts[i].flag) == n &&
			    strncmp(opts[i].flag, arg, n) == 0)
				o = &opts[i];
		if (o == NULL) {
			/* Not a setting: the subcommand's own flag. */
			argv[out++] = argv[k];
			continue;
		}
		if (eq != NULL)
			v = eq + 1;
		else if (k + 1 < *argc)
			v = argv[++k];
		else
			v = NULL;
		if (v == NULL || (*v == '\0' && o->type == OPT_STR &&
		    (o->min > 0 || o->ptr == &cfg.config))) {
			fprintf(stderr, "gazette: --%s needs a value\n",
			    o->flag);
			return -1;
		}
		snprintf(from, sizeof(from), "--%s", o->flag);
		if (set_from((size_t)(o - opts), v, from) < 0)
			return -1;
	}
	*argc = out;
	argv[out] = NULL;
	while (*cfg.base_url && cfg.base_url[strlen(cfg.base_url) - 1] == '/') {
		/* Links are built as base_url + "/path". */
		char *copy = strdup(cfg.base_url);
		if (copy == NULL)
			abort();
		copy[strlen(copy) - 1] = '\0';
		cfg.base_url = copy;
	}
	if (strncmp(cfg.base_url, "http://", 7) != 0 &&
	    strncmp(cfg.base_url, "https://", 8) != 0) {
		fprintf(stderr, "gazette: %s must start with http:// or "
		    "https://\n", config_origin(&cfg.base_url));
		return -1;
	}
	cfg.https = strncmp(cfg.base_url, "https://", 8) == 0;
	return 0;
}

void
config_usage(FILE *f)
{
	size_t	 i;
	char	 flag[64];

	find_install();
	fputs("Settings (flag, environment variable, default):\n", f);
	for (i = 0; i < NOPTS; i++) {
		snprintf(flag, sizeof(flag), "--%s", opts[i].flag);
		fprintf(f, "  %-24s %-30s %s\n      %s\n", flag, opts[i].env,
		    opts[i].ptr == &cfg.config && inst_config[0] != '\0' ?
		    inst_config : opt_default(&opts[i]), opts[i].help);
	}
}

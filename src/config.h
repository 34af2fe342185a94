/*
 * config.h: the settings, from command-line flags with GAZETTE_*
 * environment fallbacks.  Filled once at start-up and read-only
 * afterwards, so threads share it without locks.
 */
#ifndef GAZETTE_CONFIG_H
#define GAZETTE_CONFIG_H

#include <stdio.h>

enum moderation {
	MODERATION_OPEN,	/* comments appear at once */
	MODERATION_FIRST_TIME,	/* an author's first comment waits */
	MODERATION_ALL,		/* every comment waits */
};
#define MODERATION_N	3

struct config {
	const char	*db;		/* database file */
	const char	*socket;	/* unix socket path, or :port / host:port */
	const char	*socket_group;	/* the socket file's group; "": as made */
	const char	*config;	/* the configuration file read; "": none */
	const char	*title;		/* the site's name */
	const char	*tagline;	/* a line under the name */
	const char	*base_url;	/* https://news.example.org, no slash */
	const char	*timezone;	/* shown times: Europe/London */
	const char	*templates;	/* folder of *.tpl */
	const char	*static_dir;	/* folder served at /static/ by nginx */
	int		 threads;	/* FastCGI worker threads */
	int		 https;		/* base_url starts with https:// */
	int		 sync_full;	/* synchronous=FULL (1) or NORMAL (0) */
	int		 cache_kib;	/* SQLite page cache per connection */
	int		 mmap_mib;	/* SQLite file mapped, MiB (0: read) */
	int		 page_cache;	/* rendered pages kept in memory (0: off) */
	int		 recheck_ms;	/* look for other processes' writes */
	int		 dev;		/* reload templates on every request */
	const char	*purge;		/* cache nodes to purge, comma-separated */

	/* Photographs. */
	const char	*media_dir;	/* served at /media/ by nginx */
	int		 media_timeout;	/* seconds a decoding process may take */
	int		 media_memory;	/* its address space, MiB */
	int		 media_max_mpx;	/* largest image accepted, megapixels */

	/* Editors' sessions and logins. */
	int		 session_idle;	/* seconds without use before expiry */
	int		 session_max;	/* seconds after login before expiry */
	int		 login_failures; /* failures allowed in the window */
	int		 login_window;	/* seconds */

	/* Readers' comments. */
	enum moderation	 moderation;
	int		 comment_rate_minute;	/* per address; 0: no limit */
	int		 comment_rate_hour;	/* per address; 0: no limit */
	int		 comment_min_seconds;	/* form shown to post, at least */
	int		 comment_max_age;	/* form token lifetime, seconds */
	int		 comment_close_days;	/* 0: never close by age */
	/* The rate limits' windows, seconds. */
	int		 comment_rate_minute_window;	/* default 60 */
	int		 comment_rate_hour_window;	/* default 3600 */
};

extern struct config cfg;

/*
 * Fill cfg from defaults, then the configuration file (--config FILE,
 * else GAZETTE_CONFIG, else an installed binary's
 * /etc/gazette/gazette.conf if it exists), then the environment, then
 * the setting flags in argv ("--db FILE" or "--db=FILE", anywhere before "--").  The
 * setting flags are removed from argv and *argc is updated, leaving the
 * subcommand's own arguments.  Returns 0, or -1 after printing a
 * one-line error.
 */
int	 config_parse(int *argc, char *argv[]);

/* The policy's name (open, first-time, all), and back; 0 or -1. */
const char *moderation_name(enum moderation);
int	 moderation_parse(const char *, enum moderation *);

/*
 * Where the value of a setting (&cfg.timezone, ...) came from, for an
 * error message: "--timezone", "GAZETTE_TIMEZONE", or
 * "/etc/gazette/gazette.conf:4: GAZETTE_TIMEZONE".
 */
const char *config_origin(const void *setting);

/* Print the flags, their variables and defaults. */
void	 config_usage(FILE *);

#endif

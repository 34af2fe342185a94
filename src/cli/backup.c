/*
 * backup.c: gazette backup [--keep N DIR | FILE] and gazette check.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../config.h"
#include "../media.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/conninfo.h"
#include "cli.h"

/*
 * The photographs' files into the folder dir, after the database's
 * copy: every file it names was there then.
 * Returns the number of files, or -1.
 */
static long
backup_media(const char *dir)
{
	if (mkdir(dir, 0755) < 0 && errno != EEXIST) {
		fprintf(stderr, "gazette: backup: %s: %s\n", dir,
		    strerror(errno));
		return -1;
	}
	return media_copy_files(cfg.media_dir, dir);
}

/*
 * Remove the photographs' folder of the copy at path (path.media), if
 * there is one.  Returns 0, or -1.
 */
static int
remove_media(const char *path)
{
	DIR		*d;
	struct dirent	*e;
	char		 dir[4160], f[4608];
	int		 rc = 0;

	snprintf(dir, sizeof(dir), "%s.media", path);
	if ((d = opendir(dir)) == NULL)
		return errno == ENOENT ? 0 : -1;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(f, sizeof(f), "%s/%s", dir, e->d_name);
		if (unlink(f) != 0)
			rc = -1;
	}
	closedir(d);
	if (rc == 0 && rmdir(dir) != 0)
		rc = -1;
	return rc;
}

/* 1 if name is one of the dated copies --keep makes. */
static int
is_dated_copy(const char *name)
{
	int	 i;

	/* gazette-YYYYMMDD-HHMMSS.db */
	if (strlen(name) != 26 || strncmp(name, "gazette-", 8) != 0 ||
	    name[16] != '-' || strcmp(name + 23, ".db") != 0)
		return 0;
	for (i = 8; i < 23; i++)
		if (i != 16 && (name[i] < '0' || name[i] > '9'))
			return 0;
	return 1;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Remove the oldest dated copies in dir beyond the newest keep (their
 * names sort by date).  Returns 0, or -1 after saying why.
 */
static int
prune(const char *dir, int keep)
{
	DIR		*d;
	struct dirent	*e;
	char		**names = NULL, path[4096];
	size_t		 n = 0, cap = 0, i;
	int		 rc = 0;

	if ((d = opendir(dir)) == NULL) {
		fprintf(stderr, "gazette: backup: %s: %s\n", dir,
		    strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		if (!is_dated_copy(e->d_name))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			if ((names = realloc(names, cap * sizeof(*names))) ==
			    NULL)
				abort();
		}
		if ((names[n++] = strdup(e->d_name)) == NULL)
			abort();
	}
	closedir(d);
	if (n > 0)
		qsort(names, n, sizeof(*names), by_name);
	for (i = 0; i < n; i++) {
		if (i + (size_t)keep < n) {
			snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
			if (remove_media(path) != 0 || remove(path) != 0) {
				fprintf(stderr, "gazette: backup: cannot "
				    "remove %s: %s\n", path, strerror(errno));
				rc = -1;
			} else
				printf("%s: removed (keeping the newest %d)\n",
				    path, keep);
		}
		free(names[i]);
	}
	free(names);
	return rc;
}

int
cli_backup(int argc, char *argv[])
{
	struct store	*s;
	char		 media[4160];
	long		 files;
	struct tm	 tm;
	time_t		 now;
	char		 path[4096], *end;
	const char	*target;
	long		 keep = 0;
	int		 rc;

	if (argc >= 2 && strcmp(argv[1], "--keep") == 0) {
		if (argc < 3) {
			fprintf(stderr, "gazette: backup: --keep needs a "
			    "number\n");
			return 2;
		}
		errno = 0;
		keep = strtol(argv[2], &end, 10);
		if (errno != 0 || end == argv[2] || *end != '\0' || keep < 1 ||
		    keep > 100000) {
			fprintf(stderr, "gazette: backup: --keep: '%s' is not "
			    "a number from 1 to 100000\n", argv[2]);
			return 2;
		}
		argc -= 2;
		argv += 2;
	}
	if (argc >= 2 && argv[1][0] == '-') {
		fprintf(stderr, "gazette: backup: unknown option '%s'\n",
		    argv[1]);
		return 2;
	}
	if (argc != 2) {
		fprintf(stderr, "gazette: backup: give one FILE to copy the "
		    "database to (or --keep N and a folder)\n");
		return 2;
	}
	target = argv[1];
	if (keep > 0) {
		/* A dated copy in the folder, made if need be. */
		if (mkdir(target, 0750) != 0 && errno != EEXIST) {
			fprintf(stderr, "gazette: backup: %s: %s\n", target,
			    strerror(errno));
			return 1;
		}
		now = time(NULL);
		gmtime_r(&now, &tm);
		snprintf(path, sizeof(path), "%s/gazette-%04d%02d%02d-"
		    "%02d%02d%02d.db", target, tm.tm_year + 1900,
		    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
		    tm.tm_sec);
		target = path;
	}
	if ((s = store_open(cfg.db, 0)) == NULL)
		return 1;
	rc = store_backup(s, target);
	store_close(s);
	if (rc < 0)
		return 1;
	printf("%s: backed up to %s\n", cfg.db, target);
	snprintf(media, sizeof(media), "%s.media", target);
	if ((files = backup_media(media)) < 0)
		return 1;
	printf("%s: %ld photograph files to %s\n", cfg.media_dir, files,
	    media);
	if (keep > 0 && prune(argv[1], (int)keep) < 0)
		return 1;
	return 0;
}

/*
 * The cache nodes the serving app purges: one line each, and a problem
 * (exit status 1) for a node whose purges have waited longer than
 * PURGE_LATE seconds, which means its readers may get old pages.
 */
#define PURGE_LATE	60

static int
check_purges(struct store *s)
{
	struct arena	 a;
	struct purge_node *nodes;
	int		 i, n, late = 0;
	int64_t		 now = (int64_t)time(NULL);

	arena_init(&a, 1024);
	if ((n = store_purge_nodes(s, &a, &nodes)) < 0) {
		arena_free(&a);
		return -1;
	}
	for (i = 0; i < n; i++) {
		if (nodes[i].pending == 0) {
			printf("cache %s: up to date\n", nodes[i].node);
			continue;
		}
		printf("cache %s: %lld purges waiting, the oldest for %lld s%s%s\n",
		    nodes[i].node, nodes[i].pending,
		    (long long)(now - nodes[i].oldest),
		    nodes[i].error[0] ? "; last error: " : "", nodes[i].error);
		if (now - nodes[i].oldest > PURGE_LATE)
			late++;
	}
	arena_free(&a);
	return late > 0 ? -1 : 0;
}

int
cli_check(int argc, char *argv[])
{
	char		 shown[1024];
	struct store	*s;
	int		 rc;

	if (argc != 1) {
		fprintf(stderr, "gazette: check: unexpected argument '%s'\n",
		    argv[1]);
		return 2;
	}
	if ((s = store_open(cfg.db, 0)) == NULL)
		return 1;
	rc = store_check(s, stdout);
	if (check_purges(s) < 0)
		rc = 1;
	store_close(s);
	if (rc == 0)
		printf("%s: ok\n", conninfo_shown(cfg.db, shown,
		    sizeof(shown)));
	return rc == 0 ? 0 : 1;
}

/*
 * backup.c: gazette backup FILE and gazette check.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../config.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "cli.h"

/* Copy the file from to a new file to; 0 or -1. */
static int
copy_file(const char *from, const char *to)
{
	char	 buf[65536];
	ssize_t	 n;
	int	 in, out, rc = 0;

	if ((in = open(from, O_RDONLY)) < 0)
		return errno == ENOENT ? 0 : -1;	/* deleted meanwhile */
	if ((out = open(to, O_WRONLY | O_CREAT | O_EXCL, 0644)) < 0) {
		close(in);
		return errno == EEXIST ? 0 : -1;
	}
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, (size_t)n) != n) {
			rc = -1;
			break;
		}
	if (n < 0 || close(out) < 0)
		rc = -1;
	close(in);
	return rc;
}

/*
 * The photographs' files into the folder dir, after the database's
 * copy: every file it names was there then.  Files are written once and
 * never changed (their names carry their content's hash), so a hard
 * link is as good as a copy, and costs nothing on the same file system.
 * Returns the number of files, or -1.
 */
static long
backup_media(const char *dir)
{
	DIR		*d;
	struct dirent	*e;
	char		 from[4096], to[4096];
	long		 n = 0;

	if ((d = opendir(cfg.media_dir)) == NULL)
		return errno == ENOENT ? 0 : -1;
	if (mkdir(dir, 0755) < 0 && errno != EEXIST) {
		closedir(d);
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;	/* the work folder */
		snprintf(from, sizeof(from), "%s/%s", cfg.media_dir,
		    e->d_name);
		snprintf(to, sizeof(to), "%s/%s", dir, e->d_name);
		if (link(from, to) < 0 && errno != EEXIST &&
		    copy_file(from, to) < 0) {
			fprintf(stderr, "gazette: backup: %s: %s\n", to,
			    strerror(errno));
			closedir(d);
			return -1;
		}
		n++;
	}
	closedir(d);
	return n;
}

int
cli_backup(int argc, char *argv[])
{
	struct store	*s;
	char		 media[4096];
	long		 files;
	int		 rc;

	if (argc >= 2 && argv[1][0] == '-') {
		fprintf(stderr, "gazette: backup: unknown option '%s'\n",
		    argv[1]);
		return 2;
	}
	if (argc != 2) {
		fprintf(stderr, "gazette: backup: give one FILE to copy the "
		    "database to\n");
		return 2;
	}
	if ((s = store_open(cfg.db, 0)) == NULL)
		return 1;
	rc = store_backup(s, argv[1]);
	store_close(s);
	if (rc < 0)
		return 1;
	printf("%s: backed up to %s\n", cfg.db, argv[1]);
	snprintf(media, sizeof(media), "%s.media", argv[1]);
	if ((files = backup_media(media)) < 0)
		return 1;
	printf("%s: %ld photograph files to %s\n", cfg.media_dir, files,
	    media);
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
		printf("%s: ok\n", cfg.db);
	return rc == 0 ? 0 : 1;
}

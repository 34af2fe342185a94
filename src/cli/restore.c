/*
 * restore.c: gazette restore [--stop] FILE, which puts a backup in
 * place of the database.  The backup is checked first (integrity,
 * schema version), the database it replaces is kept aside, and a
 * database that a server is serving is never replaced: the command
 * refuses, or with --stop ends the servers first (SIGTERM: requests in
 * flight finish) and leaves it to the operator to start them again.
 * The photographs' files that gazette backup put beside the copy
 * (FILE.media) go back into the media folder.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../config.h"
#include "../media.h"
#include "../store/store.h"
#include "../util/dblock.h"
#include "cli.h"

#define MAX_SERVERS	16

/* "DB.replaced-20261202-160000": beside the database, named by time. */
static void
aside_name(char *out, size_t n, const char *db, const char *what)
{
	struct tm	 tm;
	time_t		 now = time(NULL);

	gmtime_r(&now, &tm);
	snprintf(out, n, "%s.%s-%04d%02d%02d-%02d%02d%02d", db, what,
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec);
}

/*
 * Take the exclusive lock on the database, stopping its servers first
 * if told to.  Returns the lock's descriptor, -2 when there is no
 * database yet, or -1 after saying why not.
 */
static int
lock_database(int stop)
{
	struct timespec	 pause = { 0, 100 * 1000 * 1000 };
	pid_t		 pids[MAX_SERVERS], sent[MAX_SERVERS];
	int		 fd, n, i, j, nsent = 0, tries;

	for (tries = 0; tries < 300; tries++) {
		fd = dblock_exclusive(cfg.db, pids, MAX_SERVERS, &n);
		if (fd != -1)
			return fd;
		if (!stop) {
			if (n > 0)
				fprintf(stderr, "gazette: restore: %s is being "
				    "served (process %ld); stop the server "
				    "first (systemctl stop gazette.socket "
				    "gazette), or give --stop\n", cfg.db,
				    (long)pids[0]);
			else
				fprintf(stderr, "gazette: restore: %s is in "
				    "use; stop the server first, or give "
				    "--stop\n", cfg.db);
			return -1;
		}
		for (i = 0; i < n; i++) {
			for (j = 0; j < nsent && sent[j] != pids[i]; j++)
				continue;
			if (j < nsent || nsent == MAX_SERVERS)
				continue;
			printf("stopping the server, process %ld\n",
			    (long)pids[i]);
			fflush(stdout);
			if (kill(pids[i], SIGTERM) != 0 && errno != ESRCH) {
				fprintf(stderr, "gazette: restore: cannot stop "
				    "process %ld: %s\n", (long)pids[i],
				    strerror(errno));
				return -1;
			}
			sent[nsent++] = pids[i];
		}
		nanosleep(&pause, NULL);
	}
	fprintf(stderr, "gazette: restore: %s is still being served after "
	    "30 s; nothing was changed\n", cfg.db);
	return -1;
}

int
cli_restore(int argc, char *argv[])
{
	struct store	*s;
	const char	*file = NULL;
	char		 aside[4096], media[4160];
	long		 files;
	int		 i, stop = 0, version, lock, from, to, rc = 1;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--stop") == 0)
			stop = 1;
		else if (argv[i][0] == '-') {
			fprintf(stderr, "gazette: restore: unknown option "
			    "'%s'\n", argv[i]);
			return 2;
		} else if (file == NULL)
			file = argv[i];
		else {
			fprintf(stderr, "gazette: restore: unexpected "
			    "argument '%s'\n", argv[i]);
			return 2;
		}
	}
	if (file == NULL) {
		fprintf(stderr, "gazette: restore: give the backup FILE to "
		    "restore\n");
		return 2;
	}
	/* Nothing is touched until the backup has been checked. */
	if (store_verify_file(file, &version) < 0) {
		fprintf(stderr, "gazette: restore: %s is not a usable backup; "
		    "nothing was changed\n", file);
		return 1;
	}
	if ((lock = lock_database(stop)) == -1)
		return 1;
	if ((s = store_open(cfg.db, 1)) == NULL)
		goto out;
	if (lock >= 0) {
		aside_name(aside, sizeof(aside), cfg.db, "replaced");
		if (store_backup(s, aside) < 0) {
			fprintf(stderr, "gazette: restore: could not keep %s "
			    "aside; nothing was changed\n", cfg.db);
			store_close(s);
			goto out;
		}
		printf("%s: kept aside as %s\n", cfg.db, aside);
	}
	if (store_restore(s, file) < 0 || store_migrate(s, &from, &to) < 0) {
		store_close(s);
		goto out;
	}
	store_close(s);
	printf("%s: restored from %s (schema version %d", cfg.db, file,
	    version);
	if (to != from)
		printf(", migrated to %d", to);
	printf(")\n");
	/* The photographs that gazette backup put beside it. */
	snprintf(media, sizeof(media), "%s.media", file);
	if (access(media, F_OK) == 0) {
		if (media_init() < 0 ||
		    (files = media_copy_files(media, cfg.media_dir)) < 0)
			goto out;
		printf("%s: %ld photograph files from %s\n", cfg.media_dir,
		    files, media);
	}
	rc = 0;
out:
	if (lock >= 0)
		close(lock);
	return rc;
}

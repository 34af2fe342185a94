/*
 * dblock.h: the lock that tells a restore that the database is being
 * served.  Every server holds a shared flock(2) on the database file for
 * its whole life; gazette restore takes it exclusively, so that it never
 * replaces a database under a running server, and no server starts
 * while it works.  (SQLite's own locks are fcntl(2) locks, which flock
 * does not touch.)
 */
#ifndef GAZETTE_DBLOCK_H
#define GAZETTE_DBLOCK_H

#include <sys/types.h>

/*
 * Take the server's shared lock on the database at path.  Returns the
 * descriptor that holds it, to be closed only after every connection to
 * the database is, or -1 (logged) if a restore holds the lock or the
 * file cannot be opened.
 */
int	 dblock_serve(const char *path);

/*
 * Take the exclusive lock, without waiting.  Returns the descriptor;
 * -2 if the file does not exist (nothing to lock); or -1 if servers
 * hold the lock, with up to max of their process ids in pids[] and
 * their number in *npids (0 when /proc/locks does not tell).
 */
int	 dblock_exclusive(const char *path, pid_t *pids, int max, int *npids);

#endif

/*
 * dblock.c: the serving lock (see dblock.h).
 */
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "dblock.h"
#include "log.h"

int
dblock_serve(const char *path)
{
	int	 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		log_info("%s: %s", path, strerror(errno));
		return -1;
	}
	if (flock(fd, LOCK_SH | LOCK_NB) != 0) {
		log_info("%s: %s", path, errno == EWOULDBLOCK ?
		    "being restored (gazette restore); not serving it" :
		    strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

/*
 * The processes holding a flock on the file whose device and inode are
 * given, from /proc/locks: lines such as
 * "1: FLOCK  ADVISORY  READ 1234 fe:01:5678 0 EOF".
 */
static int
holders(dev_t dev, ino_t ino, pid_t *pids, int max)
{
	FILE		*f;
	char		 line[256], kind[16];
	unsigned int	 maj, mnr;
	unsigned long	 in;
	long		 pid;
	int		 n = 0;

	if ((f = fopen("/proc/locks", "r")) == NULL)
		return 0;
	while (n < max && fgets(line, sizeof(line), f) != NULL) {
		if (sscanf(line, "%*d: %15s %*s %*s %ld %x:%x:%lu", kind,
		    &pid, &maj, &mnr, &in) != 5 ||
		    strcmp(kind, "FLOCK") != 0)
			continue;
		if (maj == major(dev) && mnr == minor(dev) &&
		    in == (unsigned long)ino && pid > 0)
			pids[n++] = (pid_t)pid;
	}
	fclose(f);
	return n;
}

int
dblock_exclusive(const char *path, pid_t *pids, int max, int *npids)
{
	struct stat	 st;
	int		 fd;

	*npids = 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return errno == ENOENT ? -2 : -1;
	if (flock(fd, LOCK_EX | LOCK_NB) == 0)
		return fd;
	if (fstat(fd, &st) == 0)
		*npids = holders(st.st_dev, st.st_ino, pids, max);
	close(fd);
	return -1;
}

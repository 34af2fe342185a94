/*
 * media.c: run `gazette media-process` for an upload, from the
 * multi-threaded server: posix_spawn (fork and exec in one), never a
 * bare fork.  The child writes into a staging folder of its own under
 * MEDIA/.tmp; only when it reports success are its files renamed into
 * the media folder (an atomic step each, on one file system), and the
 * staging folder is removed whatever happened.
 */
/* pipe2 */
#define _GNU_SOURCE
#include <sys/stat.h>
#include <sys/wait.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "media.h"
#include "util/log.h"

extern char **environ;

/*
 * Uploads being processed now.  Each holds one of the server's worker
 * threads while its process runs (up to --media-timeout seconds), so at
 * most threads - 1 run at once: one thread is always left for readers.
 */
static _Atomic int	 running;

int
media_init(void)
{
	char	 path[4096];

	snprintf(path, sizeof(path), "%s/.tmp", cfg.media_dir);
	if ((mkdir(cfg.media_dir, 0755) < 0 && errno != EEXIST) ||
	    (mkdir(path, 0700) < 0 && errno != EEXIST)) {
		LOG_ERR("cannot make %s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Empty and remove the staging folder; with keep, move its files out. */
static int
stage_done(const char *stage, int keep)
{
	DIR		*d;
	struct dirent	*e;
	char		 from[4096], to[4096];
	int		 rc = 0;

	if ((d = opendir(stage)) == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(from, sizeof(from), "%s/%s", stage, e->d_name);
		snprintf(to, sizeof(to), "%s/%s", cfg.media_dir, e->d_name);
		if (keep && rc == 0 && rename(from, to) < 0) {
			LOG_ERR("rename %s: %s", from, strerror(errno));
			rc = -1;
		}
		unlink(from);
	}
	closedir(d);
	rmdir(stage);
	return rc;
}

static int
fail(struct media_result *res, int status, const char *message)
{
	res->status = status;
	snprintf(res->message, sizeof(res->message), "%s", message);
	return status;
}

/* Milliseconds from a monotonic clock. */
static long long
msec_now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * Start the child with its standard output on a pipe and read its one
 * line into out within the time limit.  Returns its wait status, or -1
 * if it could not start or was killed for taking too long (*late set).
 */
static int
run_child(const char *stage, const char *path, char *out, size_t n,
    int *late)
{
	posix_spawn_file_actions_t fa;
	struct pollfd	 pfd;
	char		 a_mpx[64], a_mem[64], a_time[64];
	char		*argv[8];
	long long	 deadline;
	size_t		 len = 0;
	ssize_t		 k;
	pid_t		 pid;
	int		 fds[2], status, rc, left;

	*late = 0;
	snprintf(a_mpx, sizeof(a_mpx), "--media-max-mpx=%d", cfg.media_max_mpx);
	snprintf(a_mem, sizeof(a_mem), "--media-memory=%d", cfg.media_memory);
	snprintf(a_time, sizeof(a_time), "--media-timeout=%d",
	    cfg.media_timeout);
	argv[0] = (char *)"gazette";
	argv[1] = (char *)"media-process";
	argv[2] = a_mpx;
	argv[3] = a_mem;
	argv[4] = a_time;
	argv[5] = (char *)stage;
	argv[6] = (char *)path;
	argv[7] = NULL;
	if (pipe2(fds, O_CLOEXEC) < 0)
		return -1;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, fds[1], 1);
	rc = posix_spawn(&pid, "/proc/self/exe", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(fds[1]);
	if (rc != 0) {
		LOG_ERR("cannot start media-process: %s", strerror(rc));
		close(fds[0]);
		return -1;
	}
	deadline = msec_now() + (long long)cfg.media_timeout * 1000;
	pfd.fd = fds[0];
	pfd.events = POLLIN;
	for (;;) {
		left = (int)(deadline - msec_now());
		if (left <= 0) {
			*late = 1;
			kill(pid, SIGKILL);
			break;
		}
		if (poll(&pfd, 1, left) < 0) {
			if (errno == EINTR)
				continue;
			kill(pid, SIGKILL);
			break;
		}
		if (pfd.revents == 0)
			continue;
		if ((k = read(fds[0], out + len, n - 1 - len)) < 0) {
			if (errno == EINTR)
				continue;
			kill(pid, SIGKILL);
			break;
		}
		if (k == 0)
			break;
		len += (size_t)k;
		if (len == n - 1)
			break;
	}
	out[len] = '\0';
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return *late ? -1 : status;
}

int
media_process(const char *path, struct media_result *res)
{
	char		 stage[4096], out[512], msg[256];
	int		 status, late, code;

	memset(res, 0, sizeof(*res));
	if (atomic_fetch_add(&running, 1) >= (cfg.threads > 1 ?
	    cfg.threads - 1 : 1)) {
		atomic_fetch_sub(&running, 1);
		return fail(res, 503, "Other photographs are being processed "
		    "just now; nothing was stored. Send it again in a moment.");
	}
	snprintf(stage, sizeof(stage), "%s/.tmp/stage-XXXXXX", cfg.media_dir);
	if (mkdtemp(stage) == NULL) {
		LOG_ERR("mkdtemp %s: %s", stage, strerror(errno));
		atomic_fetch_sub(&running, 1);
		return fail(res, 500, "The upload could not be stored.");
	}
	status = run_child(stage, path, out, sizeof(out), &late);
	atomic_fetch_sub(&running, 1);
	/* Its own CPU limit (the same seconds) may end it first. */
	if (status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU)
		late = 1;
	if (status == -1 || !WIFEXITED(status)) {
		if (late)
			LOG_ERR("media-process took over %d s: killed",
			    cfg.media_timeout);
		else if (status != -1 && WIFSIGNALED(status))
			LOG_ERR("media-process died of signal %d",
			    WTERMSIG(status));
		stage_done(stage, 0);
		return fail(res, 422, late ? "The image took too long to "
		    "decode; nothing was stored." : "The image could not be "
		    "decoded (the decoder failed); nothing was stored.");
	}
	if (WEXITSTATUS(status) == 0 && sscanf(out, "ok %20[0-9a-f] %d %d "
	    "%127[0-9,]", res->hash, &res->width, &res->height,
	    res->widths) == 4 && strlen(res->hash) == MEDIA_HASH_LEN &&
	    res->width > 0 && res->height > 0) {
		if (stage_done(stage, 1) < 0)
			return fail(res, 500, "The processed image could not "
			    "be stored.");
		return 0;
	}
	stage_done(stage, 0);
	if (sscanf(out, "error %d %255[^\n]", &code, msg) == 2 &&
	    (code == 415 || code == 422))
		return fail(res, code, msg);
	LOG_ERR("media-process: exit %d, said '%.100s'", WEXITSTATUS(status),
	    out);
	return fail(res, 422, "The image could not be processed; nothing "
	    "was stored.");
}

void
media_remove(const char *hash, const char *widths)
{
	static const char *const crops[] = { "16x9", "4x3", "1x1" };
	static const char *const exts[] = { "webp", "jpg" };
	const char	*p = widths;
	char		 path[4096], *end;
	long		 w;
	size_t		 i;

	while (*p != '\0') {
		w = strtol(p, &end, 10);
		if (end == p)
			break;
		for (i = 0; i < 2; i++) {
			snprintf(path, sizeof(path), "%s/%s-%ld.%s",
			    cfg.media_dir, hash, w, exts[i]);
			if (unlink(path) < 0 && errno != ENOENT)
				LOG_ERR("unlink %s: %s", path, strerror(errno));
		}
		p = *end == ',' ? end + 1 : end;
	}
	for (i = 0; i < 3; i++) {
		snprintf(path, sizeof(path), "%s/%s-og-%s.jpg", cfg.media_dir,
		    hash, crops[i]);
		if (unlink(path) < 0 && errno != ENOENT)
			LOG_ERR("unlink %s: %s", path, strerror(errno));
	}
}

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

long
media_copy_files(const char *from_dir, const char *to_dir)
{
	DIR		*d;
	struct dirent	*e;
	char		 from[4608], to[4608];
	long		 n = 0;

	if ((d = opendir(from_dir)) == NULL)
		return errno == ENOENT ? 0 : -1;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;	/* the work folder */
		snprintf(from, sizeof(from), "%s/%s", from_dir, e->d_name);
		snprintf(to, sizeof(to), "%s/%s", to_dir, e->d_name);
		if (link(from, to) < 0 && errno != EEXIST &&
		    copy_file(from, to) < 0) {
			fprintf(stderr, "gazette: %s: %s\n", to,
			    strerror(errno));
			closedir(d);
			return -1;
		}
		n++;
	}
	closedir(d);
	return n;
}

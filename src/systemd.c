/*
 * systemd.c: socket activation and readiness notification, as
 * sd_listen_fds(3) and sd_notify(3) describe them.
 */
#include <sys/socket.h>
#include <sys/un.h>

#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "systemd.h"
#include "util/log.h"

/* The first descriptor systemd passes (SD_LISTEN_FDS_START). */
#define LISTEN_FDS_START	3

int
systemd_listen_fd(void)
{
	const char	*pid, *fds;
	char		*end;
	long		 n;

	pid = getenv("LISTEN_PID");
	fds = getenv("LISTEN_FDS");
	if (pid == NULL || fds == NULL)
		return -1;
	n = strtol(pid, &end, 10);
	if (*end != '\0' || n != (long)getpid())
		return -1;
	n = strtol(fds, &end, 10);
	unsetenv("LISTEN_PID");
	unsetenv("LISTEN_FDS");
	unsetenv("LISTEN_FDNAMES");
	if (*end != '\0' || n < 1)
		return -1;
	if (n > 1) {
		LOG_ERR("systemd passed %ld sockets; give gazette one", n);
		return -2;
	}
	/* Not to be inherited by anything this process runs. */
	fcntl(LISTEN_FDS_START, F_SETFD, FD_CLOEXEC);
	return LISTEN_FDS_START;
}

void
systemd_notify(const char *state)
{
	struct sockaddr_un	 sa;
	const char		*path;
	socklen_t		 len;
	size_t			 n;
	int			 fd;

	if ((path = getenv("NOTIFY_SOCKET")) == NULL || *path == '\0')
		return;
	n = strlen(path);
	if ((path[0] != '/' && path[0] != '@') || n >= sizeof(sa.sun_path)) {
		LOG_ERR("NOTIFY_SOCKET '%s' is not a socket path", path);
		return;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sun_family = AF_UNIX;
	memcpy(sa.sun_path, path, n);
	/* "@name" is a name in the abstract namespace. */
	if (path[0] == '@')
		sa.sun_path[0] = '\0';
	len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n);
	if ((fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0)) < 0) {
		LOG_ERR("notify socket: %s", strerror(errno));
		return;
	}
	if (sendto(fd, state, strlen(state), MSG_NOSIGNAL,
	    (struct sockaddr *)&sa, len) < 0)
		LOG_ERR("notify %s: %s", path, strerror(errno));
	close(fd);
}

/*
 * systemd.h: the two parts of systemd's protocol that the server uses,
 * written directly (no libsystemd): a listening socket passed by a
 * socket unit, and readiness and state messages to the service manager.
 * Both do nothing where systemd did not ask for them.
 */
#ifndef GAZETTE_SYSTEMD_H
#define GAZETTE_SYSTEMD_H

/*
 * The listening socket systemd passed (LISTEN_FDS=1 and LISTEN_PID this
 * process: file descriptor 3), or -1 when none was passed.  The
 * variables are removed, so that no child takes the socket as its own.
 * Returns -2 after printing why when systemd passed more than one.
 */
int	 systemd_listen_fd(void);

/*
 * Send a state line ("READY=1", "RELOADING=1", "STOPPING=1") as one
 * datagram to $NOTIFY_SOCKET.  Does nothing when it is not set;
 * failures are logged and otherwise ignored.
 */
void	 systemd_notify(const char *state);

#endif

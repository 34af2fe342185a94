/*
 * responder.c: the ceiling for any libfcgi application behind nginx.
 *
 *   build/bench/responder SOCKET FILE [THREADS]
 *
 * Answers every request with FILE's contents, read once into memory,
 * using Gazette's own threading model (src/main.c): THREADS worker
 * threads (4 by default), each looping on FCGX_Accept_r under one mutex,
 * on a unix socket (mode 0660).  No parsing, no database, no template:
 * what is left is libfcgi, the socket and nginx.  `make bench` serves
 * it the saved HTML of an article page, with headers like Gazette's.
 * TERM or INT stops it.
 */
#include <sys/stat.h>

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fcgiapp.h>

static int		 listen_fd;
static pthread_mutex_t	 accept_lock = PTHREAD_MUTEX_INITIALIZER;
static char		*response;	/* headers and body, ready to send */
static size_t		 response_len;

static void *
worker(void *arg)
{
	FCGX_Request	 r;
	int		 rc;

	(void)arg;
	if (FCGX_InitRequest(&r, listen_fd, 0) != 0)
		return NULL;
	for (;;) {
		pthread_mutex_lock(&accept_lock);
		rc = FCGX_Accept_r(&r);
		pthread_mutex_unlock(&accept_lock);
		if (rc < 0)
			break;
		FCGX_PutStr(response, (int)response_len, r.out);
		FCGX_Finish_r(&r);
	}
	return NULL;
}

/* The whole response: the headers Gazette sends with a page, then body. */
static int
load(const char *path)
{
	static const char head[] =
	    "Status: 200 OK\r\n"
	    "Content-Type: text/html; charset=utf-8\r\n"
	    "Content-Length: %ld\r\n"
	    "Content-Security-Policy: default-src 'none'; style-src 'self'; "
	    "img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
	    "base-uri 'none'\r\n"
	    "X-Content-Type-Options: nosniff\r\n"
	    "Referrer-Policy: same-origin\r\n"
	    "X-Frame-Options: DENY\r\n"
	    "Cache-Control: public, max-age=30, s-maxage=60, "
	    "stale-while-revalidate=30, stale-if-error=86400\r\n"
	    "X-Accel-Expires: 0\r\n"
	    "\r\n";
	FILE	*f;
	long	 size;
	int	 n;

	if ((f = fopen(path, "rb")) == NULL || fseek(f, 0, SEEK_END) != 0 ||
	    (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		perror(path);
		return -1;
	}
	if ((response = malloc(sizeof(head) + 32 + (size_t)size)) == NULL)
		abort();
	n = snprintf(response, sizeof(head) + 32, head, size);
	if (fread(response + n, 1, (size_t)size, f) != (size_t)size) {
		perror(path);
		fclose(f);
		return -1;
	}
	fclose(f);
	response_len = (size_t)n + (size_t)size;
	return 0;
}

int
main(int argc, char *argv[])
{
	pthread_t	 t;
	sigset_t	 set;
	mode_t		 old;
	int		 i, threads = argc > 3 ? atoi(argv[3]) : 4, sig;

	if (argc < 3 || threads < 1 || threads > 64) {
		fprintf(stderr, "usage: responder SOCKET FILE [THREADS]\n");
		return 2;
	}
	if (load(argv[2]) < 0 || FCGX_Init() != 0)
		return 1;
	unlink(argv[1]);
	old = umask(007);
	listen_fd = FCGX_OpenSocket(argv[1], 128);
	umask(old);
	if (listen_fd < 0) {
		fprintf(stderr, "responder: cannot listen on %s\n", argv[1]);
		return 1;
	}
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);
	for (i = 0; i < threads; i++)
		if (pthread_create(&t, NULL, worker, NULL) != 0)
			return 1;
	sigwait(&set, &sig);
	unlink(argv[1]);
	return 0;
}

/*
 * cgi.c: one request over plain CGI.  The environment, standard input
 * and standard output stand in for a FastCGI request's parameters and
 * streams: libfcgi's FCGX_Stream is a public structure of a buffer and
 * two callbacks (fill a reader, empty a writer), so two streams of our
 * own over file descriptors 0 and 1 let the application answer the
 * request exactly as it answers one over FastCGI.  (FCGX_Accept_r
 * serves FastCGI only.)
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "server.h"

#define CGI_BUF	65536

/* The descriptor and buffer behind one of our streams. */
struct fdstream {
	int		 fd;
	unsigned char	 buf[CGI_BUF];
};

/* Reader: refill the buffer from the descriptor; end of file closes. */
static void
fd_fill(FCGX_Stream *s)
{
	struct fdstream	*fs = s->data;
	ssize_t		 n;

	do
		n = read(fs->fd, fs->buf, sizeof(fs->buf));
	while (n < 0 && errno == EINTR);
	s->rdNext = s->stopUnget = fs->buf;
	s->stop = fs->buf + (n > 0 ? n : 0);
	if (n <= 0) {
		s->isClosed = 1;
		s->FCGI_errno = n < 0 ? errno : 0;
	}
}

/* Writer: write out what the buffer holds, and start it afresh. */
static void
fd_empty(FCGX_Stream *s, int doClose)
{
	struct fdstream	*fs = s->data;
	unsigned char	*p = fs->buf;
	ssize_t		 n;

	(void)doClose;
	while (!s->isClosed && p < s->wrNext) {
		n = write(fs->fd, p, (size_t)(s->wrNext - p));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			/* The web server went away: drop the rest. */
			s->isClosed = 1;
			s->FCGI_errno = errno;
			break;
		}
		p += n;
	}
	s->wrNext = fs->buf;
	s->stop = fs->buf + sizeof(fs->buf);
}

int
http_cgi(struct worker *w, char **envp, http_handler handle)
{
	static struct fdstream	 in_fd, out_fd;
	FCGX_Stream		 in, out;
	FCGX_Request		 f;

	memset(&in, 0, sizeof(in));
	in_fd.fd = STDIN_FILENO;
	in.isReader = 1;
	in.rdNext = in.stop = in.stopUnget = in_fd.buf;
	in.fillBuffProc = fd_fill;
	in.data = &in_fd;

	memset(&out, 0, sizeof(out));
	out_fd.fd = STDOUT_FILENO;
	out.wrNext = out_fd.buf;
	out.stop = out_fd.buf + sizeof(out_fd.buf);
	out.emptyBuffProc = fd_empty;
	out.data = &out_fd;

	memset(&f, 0, sizeof(f));
	f.in = &in;
	f.out = &out;
	f.err = NULL;
	f.envp = envp;
	handle(w, &f);
	fd_empty(&out, 1);
	return out.isClosed ? -1 : 0;
}

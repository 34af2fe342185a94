/*
 * server.h: one FastCGI request read into a struct req.
 * Only this layer and main.c include fcgiapp.h.
 */
#ifndef GAZETTE_SERVER_H
#define GAZETTE_SERVER_H

#include <fcgiapp.h>

#include "../util/arena.h"
#include "../util/buf.h"

struct store;

/* What one worker thread keeps for its whole life. */
struct worker {
	int		 id;
	struct store	*store;		/* its own connection */
	struct arena	 arena;		/* reset after every request */
	struct buf	 body;		/* response body, reused */
	struct buf	 post;		/* request body, reused */
	struct buf	 coded;		/* the body compressed, reused */
};

struct req;

/* What answers one accepted request completely (src/app.c). */
typedef void	(*http_handler)(struct worker *, FCGX_Request *);

/*
 * Fill r (zeroed, with its arena) from the FastCGI parameters: method,
 * target, query, cookies and the headers the application reads.
 * Returns 0, or the HTTP status to answer with (r->resp.error may say
 * why).
 */
int	 http_parse(struct req *r, FCGX_Request *);

/*
 * Read a POST's body of at most max bytes into r: an urlencoded form
 * into r->form, or, with upload, a multipart/form-data body's fields
 * into r->form and its file streamed to a temporary file (r->upload).
 * Returns 0 (also for other methods), or the HTTP status to answer
 * with.
 */
int	 http_read_body(struct worker *, FCGX_Request *, struct req *r,
	    size_t max, int upload);

/*
 * Answer the one request of a CGI run: parameters from envp, the body
 * from standard input, the response to standard output, through
 * handle.  Returns 0, or -1 if the response could not all be written.
 */
int	 http_cgi(struct worker *, char **envp, http_handler handle);

#endif

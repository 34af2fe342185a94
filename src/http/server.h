/*
 * server.h: one FastCGI request, from parameters to the last byte.
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

/*
 * Answer one accepted request completely: parse, route, run the
 * controller, write the response, log a line.  Never fails: every
 * problem becomes an HTTP status.  Leaves the arena reset.
 */
void	 http_handle(struct worker *, FCGX_Request *);

/*
 * Answer the one request of a CGI run: parameters from envp, the body
 * from standard input, the response to standard output, through
 * http_handle().  Returns 0, or -1 if the response could not all be
 * written.
 */
int	 http_cgi(struct worker *, char **envp);

#endif

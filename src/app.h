/*
 * app.h: the life of one request, above the layers.
 */
#ifndef GAZETTE_APP_H
#define GAZETTE_APP_H

#include "http/server.h"

/*
 * Answer one accepted request completely: parse (http), find the route
 * (router), answer from the page cache or run the controller with the
 * route's guards (ctl), render the error page (view), compress, send
 * (http), log a line.  Never fails: every problem becomes an HTTP
 * status.  Leaves the worker's arena reset.
 */
void	 app_handle(struct worker *, FCGX_Request *);

#endif

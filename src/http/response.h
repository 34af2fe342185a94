/*
 * response.h: writing a finished response to libfcgi's stream.
 */
#ifndef GAZETTE_RESPONSE_H
#define GAZETTE_RESPONSE_H

#include <fcgiapp.h>

#include "http.h"

/*
 * Write the status, headers (security, caching, validators, the
 * controller's own) and, except for HEAD and 304, the body.  Returns 0,
 * or -1 if the client went away.
 */
int	 http_send(struct req *, FCGX_Stream *);

#endif

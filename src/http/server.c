/*
 * server.c: reading one FastCGI request into a struct req.
 *
 * Parse what nginx passed (method, raw URI, a few headers, cookies) and
 * read a POST body within the limit the caller gives.  Bad input
 * becomes a 4xx here, before anything above looks at the request.  The
 * request's life (route, freshness, controller, error page, send) is
 * the application's: src/app.c.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "http.h"
#include "router.h"
#include "server.h"
#include "upload.h"

#define URI_MAX		8192	/* longer request targets: 414 */

/*
 * Parse CONTENT_LENGTH strictly: digits only, no sign, no junk.
 * Returns the length, -1 if malformed, -2 if larger than max.
 */
static long long
content_length(const char *s, size_t max)
{
	unsigned long long v = 0;
	size_t		   i;

	if (s == NULL || *s == '\0')
		return 0;
	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] < '0' || s[i] > '9' || i > 18)
			return -1;
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	return v > max ? -2 : (long long)v;
}

/* Read exactly len bytes of body into w->post; 0 or -1 if short. */
static int
read_body(struct worker *w, FCGX_Request *f, size_t len)
{
	int	 n;

	buf_reset(&w->post);
	buf_reserve(&w->post, len);
	while (w->post.len < len) {
		n = FCGX_GetStr(w->post.data + w->post.len,
		    (int)(len - w->post.len), f->in);
		if (n <= 0)
			return -1;
		w->post.len += (size_t)n;
	}
	w->post.data[w->post.len] = '\0';
	return 0;
}

int
http_parse(struct req *r, FCGX_Request *f)
{
	const char	*uri, *q;
	char		*path;
	size_t		 plen;

	r->method_name = FCGX_GetParam("REQUEST_METHOD", f->envp);
	r->method = http_method_parse(r->method_name);
	if (r->method_name == NULL)
		r->method_name = "-";
	r->remote_addr = FCGX_GetParam("REMOTE_ADDR", f->envp);
	r->host = FCGX_GetParam("HTTP_HOST", f->envp);
	r->origin = FCGX_GetParam("HTTP_ORIGIN", f->envp);
	r->referer = FCGX_GetParam("HTTP_REFERER", f->envp);
	r->if_none_match = FCGX_GetParam("HTTP_IF_NONE_MATCH", f->envp);
	r->if_modified_since = FCGX_GetParam("HTTP_IF_MODIFIED_SINCE", f->envp);
	r->accept = http_accept_encoding(FCGX_GetParam("HTTP_ACCEPT_ENCODING",
	    f->envp));
	if (r->remote_addr == NULL)
		r->remote_addr = "";

	/* The raw target, so that bad encodings are ours to refuse. */
	uri = FCGX_GetParam("REQUEST_URI", f->envp);
	r->uri = uri ? uri : "-";
	if (uri == NULL || uri[0] != '/') {
		r->path = "/";
		r->resp.error = "The request has no valid target.";
		return 400;
	}
	if (strlen(uri) > URI_MAX) {
		r->path = "/";
		return 414;
	}
	q = strchr(uri, '?');
	plen = q ? (size_t)(q - uri) : strlen(uri);
	path = arena_alloc(r->arena, plen + 1);
	r->path = "/";
	if (url_decode(path, uri, plen, 0) < 0) {
		r->resp.error = "The address holds a malformed %-escape.";
		return 400;
	}
	r->path = path;
	if (q != NULL) {
		r->query_raw = q + 1;
		if (url_parse_pairs(r->arena, q + 1, strlen(q + 1), &r->query,
		    &r->nquery) < 0) {
			r->resp.error = "The query string is malformed, holds "
			    "a repeated parameter, or is too long.";
			return 400;
		}
	}
	cookie_parse(r->arena, FCGX_GetParam("HTTP_COOKIE", f->envp),
	    &r->cookies, &r->ncookies);
	return 0;
}

int
http_read_body(struct worker *w, FCGX_Request *f, struct req *r,
    size_t max, int upload)
{
	const char	*ctype;
	long long	 clen;

	if (r->method != HTTP_POST)
		return 0;
	clen = content_length(FCGX_GetParam("CONTENT_LENGTH", f->envp), max);
	if (clen == -1) {
		r->resp.error = "The Content-Length header is malformed.";
		return 400;
	}
	if (clen == -2)
		return 413;
	ctype = FCGX_GetParam("CONTENT_TYPE", f->envp);
	if (upload) {
		buf_reset(&w->post);
		buf_reserve(&w->post, http_upload_chunk());
		return http_read_upload(r, f, ctype, (size_t)clen,
		    w->post.data);
	}
	if (clen > 0 && (ctype == NULL || strncmp(ctype,
	    "application/x-www-form-urlencoded", 33) != 0 ||
	    (ctype[33] != '\0' && ctype[33] != ';'))) {
		r->resp.error = "Forms must be sent as "
		    "application/x-www-form-urlencoded.";
		return 415;
	}
	if (read_body(w, f, (size_t)clen) < 0) {
		r->resp.error = "The request body is shorter than announced.";
		return 400;
	}
	if (url_parse_pairs(r->arena, w->post.data, w->post.len, &r->form,
	    &r->nform) < 0) {
		r->resp.error = "The form data is malformed or holds a "
		    "repeated field.";
		return 400;
	}
	return 0;
}

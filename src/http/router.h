/*
 * router.h: matching a method and path against a route table.
 *
 * The table itself, with every route of the site, is in src/ctl/routes.c.
 * Patterns are literal segments and typed parameters:
 *   :slug :tag   a slug (see slug_valid())
 *   :id          a positive decimal integer
 *   :year        four digits, 1970..9999
 *   :month       01..12
 * A parameter may also sit between a literal prefix and suffix within
 * its segment: "/sitemap-:id.xml".
 * A parameter that does not validate makes the pattern not match, so a
 * controller only ever sees well-formed parameters.
 */
#ifndef GAZETTE_ROUTER_H
#define GAZETTE_ROUTER_H

#include "http.h"

/* What a route asks of the request before its controller runs. */
#define ROUTE_CSRF	0x04	/* POST carrying the session's CSRF token */
#define ROUTE_PUBLIC_FORM 0x08	/* anonymous POST: same-site Origin check */
#define ROUTE_RELOGIN	0x10	/* without a session or with a stale token,
				   the form comes back to sign in and save */
#define ROUTE_UPLOAD	0x20	/* POST as multipart/form-data, its file
				   streamed to a temporary file */

struct route {
	enum http_method  method;	/* HTTP_GET also answers HEAD */
	const char	 *pattern;
	int		(*handler)(struct req *);
	enum role	  role;		/* the least role it needs (ROLE_NONE: anyone) */
	unsigned	  flags;	/* ROUTE_* */
	enum cache_policy cache;
	size_t		  max_body;	/* POST body limit in bytes */
	const struct input *in;		/* its declared inputs, or NULL */
};

enum route_result {
	ROUTE_FOUND,
	ROUTE_NOT_FOUND,
	ROUTE_BAD_METHOD,	/* the path exists with other methods */
};

/*
 * Find the route for method and path in table[0..n).  On ROUTE_FOUND,
 * *found is set and params[] holds the pattern's parameters in order
 * (copied into the arena), each already checked against its kind: :id
 * a positive decimal id, :year and :month a month of the calendar,
 * anything else a slug.  nums[] holds the values of the numbers (0 for
 * slugs), so that no controller parses them again.  On ROUTE_BAD_METHOD, *allow is a bit mask
 * of the methods the path accepts (1 << HTTP_GET, ...).
 */
enum route_result router_match(struct arena *, const struct route *table,
    size_t n, enum http_method method, const char *path,
    const struct route **found, const char *params[ROUTE_MAXPARAM],
    long long nums[ROUTE_MAXPARAM], unsigned *allow);

/* The method for a REQUEST_METHOD string (HTTP_OTHER if unknown). */
enum http_method http_method_parse(const char *);

/* The name of a method ("GET"). */
const char	*http_method_name(enum http_method);

#endif

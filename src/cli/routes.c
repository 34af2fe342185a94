/*
 * routes.c: gazette routes, a hidden subcommand (issue 7) that prints
 * the route table of src/ctl/routes.c, one route a line:
 *
 *   METHOD<TAB>PATTERN<TAB>FLAGS<TAB>CACHE<TAB>MAX_BODY<TAB>ROLE
 *
 * FLAGS is a string of letters, '-' when none: E (a session: any
 * role), A (an admin), C (the session's CSRF token), P (an anonymous
 * form: same-site check).  ROLE is the least role the route needs:
 * anyone, contributor, editor or admin.  CACHE is none, page or feed.  The tests build
 * their route matrix from this, so that a new route is checked the
 * day it is added.
 */
#include <stdio.h>

#include "../ctl/ctl.h"
#include "cli.h"

int
cli_routes(int argc, char *argv[])
{
	static const char *const caches[CACHE__MAX] = {
		[CACHE_NONE] = "none",
		[CACHE_PAGE] = "page",
		[CACHE_FEED] = "feed",
	};
	const struct route	*rt;
	char			 flags[8];
	size_t			 i, n;

	if (argc > 1) {
		fprintf(stderr, "gazette: routes: unexpected argument '%s'\n",
		    argv[1]);
		return 2;
	}
	for (i = 0; i < ctl_nroutes; i++) {
		rt = &ctl_routes[i];
		n = 0;
		if (rt->role > ROLE_NONE)
			flags[n++] = 'E';
		if (rt->role == ROLE_ADMIN)
			flags[n++] = 'A';
		if (rt->flags & ROUTE_CSRF)
			flags[n++] = 'C';
		if (rt->flags & ROUTE_PUBLIC_FORM)
			flags[n++] = 'P';
		if (rt->flags & ROUTE_UPLOAD)
			flags[n++] = 'U';
		if (n == 0)
			flags[n++] = '-';
		flags[n] = '\0';
		printf("%s\t%s\t%s\t%s\t%zu\t%s\n",
		    http_method_name(rt->method), rt->pattern, flags,
		    rt->cache < CACHE__MAX ? caches[rt->cache] : "?",
		    rt->max_body, rt->role > ROLE_NONE ? role_name(rt->role) :
		    "anyone");
	}
	return 0;
}

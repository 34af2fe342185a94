/*
 * samesite.c: the same-site check of anonymous forms.
 *
 * The readers' comment form carries no session, so a forged cross-site
 * POST is refused here by where it comes from: browsers send Origin
 * with every POST (Referer when an older one does not), and it must be
 * the origin of --base-url.  A POST with neither is refused too: every
 * browser sends one of them, and the site's Referrer-Policy
 * (same-origin) keeps Referer for its own pages.
 */
#include <string.h>
#include <strings.h>

#include "../config.h"
#include "ctl.h"

/* Length of the origin ("https://host:port") at the start of url. */
static size_t
origin_len(const char *url)
{
	const char	*p = strstr(url, "://"), *slash;

	if (p == NULL)
		return 0;
	slash = strchr(p + 3, '/');
	return slash ? (size_t)(slash - url) : strlen(url);
}

int
ctl_same_site(const struct req *r)
{
	size_t	 n = origin_len(cfg.base_url);

	if (n == 0)
		return 0;
	if (r->origin != NULL && *r->origin != '\0')
		return strlen(r->origin) == n &&
		    strncasecmp(r->origin, cfg.base_url, n) == 0;
	if (r->referer != NULL && *r->referer != '\0')
		return strncasecmp(r->referer, cfg.base_url, n) == 0 &&
		    (r->referer[n] == '/' || r->referer[n] == '\0');
	return 0;
}

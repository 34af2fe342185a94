/*
 * cookie.c: Set-Cookie.  See http_set_cookie() in http.h.
 */
#include <string.h>

#include "../config.h"
#include "../util/arena.h"
#include "http.h"

/* 1 if s is non-empty and only letters, digits and "-_.~" (base64url). */
static int
cookie_token(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || strchr("-_.~", *s) != NULL))
			return 0;
	return 1;
}

int
http_set_cookie(struct req *r, const char *name, const char *value,
    long max_age)
{
	if (!cookie_token(name) || (*value != '\0' && !cookie_token(value)))
		return -1;
	r->resp.sets_cookie = 1;	/* such an answer is never shared */
	return http_header(r, "Set-Cookie", arena_printf(r->arena,
	    "%s=%s; Path=/; Max-Age=%ld; HttpOnly; SameSite=Lax%s", name,
	    value, max_age > 0 ? max_age : 0, cfg.https ? "; Secure" : ""));
}

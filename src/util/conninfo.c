/*
 * conninfo.c: passwords kept out of logs.  See conninfo.h.
 */
#include <ctype.h>
#include <string.h>

#include "conninfo.h"

#define MASK	"***"

/* Append the len bytes at s to buf (of n, used *k); truncates. */
static void
put(char *buf, size_t n, size_t *k, const char *s, size_t len)
{
	while (len-- > 0 && *k + 1 < n)
		buf[(*k)++] = *s++;
	buf[*k] = '\0';
}

/* The end of a keyword string's value starting at p (quoted or not). */
static const char *
value_end(const char *p, int uri)
{
	if (!uri && *p == '\'') {
		for (p++; *p != '\0' && *p != '\''; p++)
			if (*p == '\\' && p[1] != '\0')
				p++;
		return *p == '\'' ? p + 1 : p;
	}
	while (*p != '\0' && !(uri ? *p == '&' : isspace((unsigned char)*p)))
		p++;
	return p;
}

char *
conninfo_shown(const char *where, char *buf, size_t n)
{
	const char	*p = where, *scheme, *auth, *at, *colon, *end, *q;
	size_t		 k = 0;
	int		 uri;

	buf[0] = '\0';
	scheme = strstr(where, "://");
	uri = scheme != NULL && (strncmp(where, "postgresql://", 13) == 0 ||
	    strncmp(where, "postgres://", 11) == 0);
	if (uri) {
		/* postgresql://user:password@host...: the userinfo's password. */
		auth = scheme + 3;
		end = auth + strcspn(auth, "/?#");
		at = NULL;
		for (q = auth; q < end; q++)
			if (*q == '@')
				at = q;
		colon = at != NULL ? memchr(auth, ':', (size_t)(at - auth)) :
		    NULL;
		if (colon != NULL) {
			put(buf, n, &k, where, (size_t)(colon + 1 - where));
			put(buf, n, &k, MASK, strlen(MASK));
			p = at;
		}
	}
	/* password=... in a keyword string or a URI's query. */
	while (*p != '\0') {
		q = p;
		/* password, and sslpassword with it. */
		if (strncmp(p, "password", 8) == 0) {
			q = p + 8;
			while (!uri && *q == ' ')
				q++;
			if (*q == '=') {
				q++;
				while (!uri && *q == ' ')
					q++;
				put(buf, n, &k, p, (size_t)(q - p));
				put(buf, n, &k, MASK, strlen(MASK));
				p = value_end(q, uri);
				continue;
			}
		}
		put(buf, n, &k, p, 1);
		p++;
	}
	return buf;
}

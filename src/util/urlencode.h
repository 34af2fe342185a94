/*
 * urlencode.h: percent-encoding of a value for a query string or a
 * path segment.
 */
#ifndef GAZETTE_URLENCODE_H
#define GAZETTE_URLENCODE_H

struct arena;

/* Encode s for use in a query string or path segment: every byte but
 * unreserved ones (RFC 3986) as %XX.  Owned by the arena. */
char	*url_encode(struct arena *, const char *s);

#endif

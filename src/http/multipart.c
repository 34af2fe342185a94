/*
 * multipart.c: a streaming multipart/form-data parser.
 *
 * The body is scanned one byte at a time for the delimiter, CRLF "--"
 * boundary.  A boundary is made of RFC 2046's bchars only, none of
 * them CR, so a CR can only ever start a delimiter: after a mismatch
 * the bytes matched so far are content, and the current byte either
 * starts a new match (a CR) or is content too.  No look-back buffer is
 * needed beyond the delimiter itself.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "multipart.h"

/* RFC 2046 bchars, but for space, which may not end a boundary. */
static int
bchar(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') || strchr("'()+_,-./:=? ", c) != NULL;
}

int
mp_boundary(const char *ct, char *out)
{
	const char	*p, *end;
	size_t		 n;

	if (ct == NULL || strncasecmp(ct, "multipart/form-data", 19) != 0)
		return -1;
	p = ct + 19;
	while (*p != '\0') {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p != ';')
			return -1;
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncasecmp(p, "boundary=", 9) != 0) {
			/* Some other parameter: skip it. */
			while (*p != '\0' && *p != ';')
				p++;
			continue;
		}
		p += 9;
		if (*p == '"') {
			p++;
			if ((end = strchr(p, '"')) == NULL)
				return -1;
		} else
			for (end = p; *end != '\0' && *end != ';' &&
			    *end != ' ' && *end != '\t'; end++)
				;
		n = (size_t)(end - p);
		if (n == 0 || n > MP_BOUNDARY_MAX || p[n - 1] == ' ')
			return -1;
		memcpy(out, p, n);
		out[n] = '\0';
		for (; p < end; p++)
			if (!bchar((unsigned char)*p))
				return -1;
		return 0;
	}
	return -1;
}

void
mp_init(struct multipart *mp, const char *boundary, const struct mp_cb *cb,
    void *arg)
{
	memset(mp, 0, sizeof(*mp));
	mp->cb = cb;
	mp->arg = arg;
	mp->dlen = (size_t)snprintf(mp->delim, sizeof(mp->delim), "\r\n--%s",
	    boundary);
	/* The first delimiter may open the body, without its CRLF. */
	mp->state = MP_PREAMBLE;
	mp->match = 2;
}

static int
fail(struct multipart *mp, const char *why)
{
	mp->state = MP_ERROR;
	mp->error = why;
	return -1;
}

static int
flush(struct multipart *mp)
{
	if (mp->olen == 0)
		return 0;
	if (mp->cb->part_data(mp->arg, mp->out, mp->olen) < 0)
		return fail(mp, "stopped");
	mp->olen = 0;
	return 0;
}

static int
emit(struct multipart *mp, const char *s, size_t n)
{
	size_t	 k;

	while (n > 0) {
		if (mp->olen == sizeof(mp->out) && flush(mp) < 0)
			return -1;
		k = sizeof(mp->out) - mp->olen;
		if (k > n)
			k = n;
		memcpy(mp->out + mp->olen, s, k);
		mp->olen += k;
		s += k;
		n -= k;
	}
	return 0;
}

/*
 * One parameter value at *pp (quoted or a token) into out[0..max];
 * *pp moves past it.  Returns 0, or -1 if too long or unterminated.
 */
static int
param_value(const char **pp, char *out, size_t max)
{
	const char	*p = *pp;
	size_t		 n = 0;

	if (*p == '"') {
		for (p++; *p != '"'; p++) {
			if (*p == '\0')
				return -1;
			if (*p == '\\' && p[1] != '\0')
				p++;
			if (n == max)
				return -1;
			out[n++] = *p;
		}
		p++;
	} else {
		for (; *p != '\0' && *p != ';'; p++) {
			if (n == max)
				return -1;
			out[n++] = *p;
		}
		while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '\t'))
			n--;
	}
	out[n] = '\0';
	*pp = p;
	return 0;
}

/* Content-Disposition: form-data; name="x"; filename="y". */
static int
disposition(struct multipart *mp, const char *v)
{
	struct mp_part	*pt = &mp->part;
	char		 skip[MP_LINE_MAX + 1];
	const char	*slash;
	size_t		 klen;

	if (pt->name[0] != '\0')
		return fail(mp, "a part has two Content-Disposition headers");
	if (strncasecmp(v, "form-data", 9) != 0 ||
	    (v[9] != '\0' && v[9] != ';' && v[9] != ' '))
		return fail(mp, "a part is not form-data");
	v += 9;
	for (;;) {
		while (*v == ' ' || *v == '\t')
			v++;
		if (*v == '\0')
			break;
		if (*v != ';')
			return fail(mp, "a malformed Content-Disposition");
		v++;
		while (*v == ' ' || *v == '\t')
			v++;
		for (klen = 0; v[klen] != '\0' && v[klen] != '=' &&
		    v[klen] != ';' && v[klen] != ' '; klen++)
			;
		if (v[klen] != '=')
			return fail(mp, "a malformed Content-Disposition");
		if (klen == 4 && strncasecmp(v, "name", 4) == 0) {
			v += 5;
			if (param_value(&v, pt->name, MP_NAME_MAX) < 0 ||
			    pt->name[0] == '\0')
				return fail(mp, "a field name is empty or "
				    "too long");
		} else if (klen == 8 && strncasecmp(v, "filename", 8) == 0) {
			v += 9;
			if (param_value(&v, skip, MP_LINE_MAX) < 0)
				return fail(mp, "a malformed file name");
			/* Some browsers send the whole path. */
			if ((slash = strrchr(skip, '/')) != NULL ||
			    (slash = strrchr(skip, '\\')) != NULL)
				memmove(skip, slash + 1, strlen(slash));
			if (strlen(skip) > MP_FILENAME_MAX)
				return fail(mp, "a file name is too long");
			strcpy(pt->filename, skip);
			pt->has_filename = 1;
		} else {
			v += klen + 1;
			if (param_value(&v, skip, MP_LINE_MAX) < 0)
				return fail(mp, "a malformed Content-Disposition");
		}
	}
	if (pt->name[0] == '\0')
		return fail(mp, "a part has no field name");
	return 0;
}

/* One header line of a part (without its CRLF). */
static int
header(struct multipart *mp)
{
	char	*colon, *v;
	size_t	 n;

	if (++mp->nheaders > MP_HEADERS_MAX)
		return fail(mp, "a part has too many headers");
	if ((colon = strchr(mp->line, ':')) == NULL)
		return fail(mp, "a malformed part header");
	*colon = '\0';
	for (v = colon + 1; *v == ' ' || *v == '\t'; v++)
		;
	n = strlen(v);
	while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t'))
		v[--n] = '\0';
	if (strcasecmp(mp->line, "Content-Disposition") == 0)
		return disposition(mp, v);
	if (strcasecmp(mp->line, "Content-Type") == 0) {
		if (n > MP_CTYPE_MAX)
			return fail(mp, "a part's Content-Type is too long");
		memcpy(mp->part.ctype, v, n + 1);
	}
	return 0;
}

int
mp_feed(struct multipart *mp, const char *data, size_t n)
{
	size_t	 i;
	int	 c;

	for (i = 0; i < n; i++) {
		c = (unsigned char)data[i];
		switch (mp->state) {
		case MP_PREAMBLE:
		case MP_BODY:
			if (c == (unsigned char)mp->delim[mp->match]) {
				if (++mp->match < mp->dlen)
					break;
				mp->match = 0;
				if (mp->state == MP_BODY) {
					if (flush(mp) < 0)
						return -1;
					mp->in_part = 0;
					if (mp->cb->part_end(mp->arg) < 0)
						return fail(mp, "stopped");
				}
				mp->state = MP_DELIM_TAIL;
				break;
			}
			/* The bytes matched so far were content. */
			if (mp->state == MP_BODY && mp->match > 0 &&
			    emit(mp, mp->delim, mp->match) < 0)
				return -1;
			if (c == '\r')
				mp->match = 1;
			else {
				mp->match = 0;
				if (mp->state == MP_BODY) {
					char ch = (char)c;

					if (emit(mp, &ch, 1) < 0)
						return -1;
				}
			}
			break;
		case MP_DELIM_TAIL:
			if (c == '-')
				mp->state = MP_CLOSE;
			else if (c == '\r')
				mp->state = MP_DELIM_LF;
			else if (c != ' ' && c != '\t')
				return fail(mp, "a boundary is followed by "
				    "junk");
			break;
		case MP_CLOSE:
			if (c != '-')
				return fail(mp, "a boundary is followed by "
				    "junk");
			mp->state = MP_DONE;
			break;
		case MP_DELIM_LF:
			if (c != '\n')
				return fail(mp, "a boundary line does not end "
				    "in CRLF");
			if (++mp->nparts > MP_PARTS_MAX)
				return fail(mp, "the form has too many parts");
			memset(&mp->part, 0, sizeof(mp->part));
			mp->llen = 0;
			mp->nheaders = 0;
			mp->state = MP_HEADERS;
			break;
		case MP_HEADERS:
			if (c == '\0')
				return fail(mp, "a part header holds a NUL");
			if (c != '\n') {
				if (mp->llen == MP_LINE_MAX)
					return fail(mp, "a part header is too "
					    "long");
				mp->line[mp->llen++] = (char)c;
				break;
			}
			if (mp->llen == 0 || mp->line[mp->llen - 1] != '\r')
				return fail(mp, "a part header does not end "
				    "in CRLF");
			mp->line[--mp->llen] = '\0';
			if (mp->llen > 0) {
				if (header(mp) < 0)
					return -1;
				mp->llen = 0;
				break;
			}
			if (mp->part.name[0] == '\0')
				return fail(mp, "a part has no "
				    "Content-Disposition");
			if (mp->cb->part_begin(mp->arg, &mp->part) < 0)
				return fail(mp, "stopped");
			mp->in_part = 1;
			mp->match = 0;
			mp->olen = 0;
			mp->state = MP_BODY;
			break;
		case MP_DONE:
			return 0;	/* the epilogue is ignored */
		case MP_ERROR:
			return -1;
		}
	}
	if (mp->state == MP_BODY)
		return flush(mp);
	return mp->state == MP_ERROR ? -1 : 0;
}

int
mp_finish(struct multipart *mp)
{
	if (mp->state == MP_DONE)
		return 0;
	if (mp->state != MP_ERROR)
		fail(mp, "the body ends before its closing boundary");
	return -1;
}

/*
 * abslinks.c: absolute links in article HTML.  See abslinks.h.
 */
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "abslinks.h"

/* 1 if the n bytes at s start with a URI scheme and its colon. */
static int
has_scheme(const char *s, size_t n)
{
	size_t	 i;

	if (n == 0 || !((s[0] >= 'a' && s[0] <= 'z') ||
	    (s[0] >= 'A' && s[0] <= 'Z')))
		return 0;
	for (i = 1; i < n; i++) {
		if (s[i] == ':')
			return 1;
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' &&
		    s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '+' || s[i] == '-' || s[i] == '.'))
			return 0;
	}
	return 0;
}

/* Append s, escaped for a double-quoted HTML attribute. */
static void
put_attr(struct buf *b, const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		switch (s[i]) {
		case '&': buf_puts(b, "&amp;"); break;
		case '"': buf_puts(b, "&quot;"); break;
		case '<': buf_puts(b, "&lt;"); break;
		case '>': buf_puts(b, "&gt;"); break;
		default: buf_append(b, s + i, 1);
		}
}

/* Append the value v[0..n) resolved against page (see abslinks.h). */
static void
resolve(struct buf *b, const char *page, const char *v, size_t n)
{
	const char	*scheme_end, *host, *path, *end;

	scheme_end = strstr(page, "://");
	host = scheme_end ? scheme_end + 3 : page;
	path = strchr(host, '/');
	if (path == NULL)
		path = host + strlen(host);
	if (has_scheme(v, n))
		buf_append(b, v, n);
	else if (n >= 2 && v[0] == '/' && v[1] == '/') {
		/* The page's scheme and colon; none: the link as it is. */
		if (scheme_end != NULL)
			put_attr(b, page, (size_t)(scheme_end - page) + 1);
		buf_append(b, v, n);
	} else if (n >= 1 && v[0] == '/') {
		put_attr(b, page, (size_t)(path - page));
		buf_append(b, v, n);
	} else if (n == 0 || v[0] == '#' || v[0] == '?') {
		/* A query replaces the page's own; a fragment is added. */
		end = n > 0 && v[0] == '?' ? strchr(page, '?') : NULL;
		put_attr(b, page, end ? (size_t)(end - page) : strlen(page));
		buf_append(b, v, n);
	} else {
		/* Beside the page: its path up to the last slash. */
		end = strchr(path, '?');
		if (end == NULL)
			end = path + strlen(path);
		while (end > path && end[-1] != '/')
			end--;
		put_attr(b, page, (size_t)(end - page));
		if (end == path)
			buf_puts(b, "/");
		buf_append(b, v, n);
	}
}

char *
html_absolute_links(struct arena *a, const char *html, const char *page)
{
	struct buf	 b = BUF_INIT;
	const char	*p = html, *href, *src, *at, *v, *q;
	size_t		 skip;
	char		*out;

	/*
	 * The next of each kind of attribute, searched again only once
	 * passed (searching both at every step would be quadratic).
	 */
	href = strstr(p, " href=\"");
	src = strstr(p, " src=\"");
	for (;;) {
		if (href != NULL && href < p)
			href = strstr(p, " href=\"");
		if (src != NULL && src < p)
			src = strstr(p, " src=\"");
		if (href == NULL && src == NULL)
			break;
		if (href != NULL && (src == NULL || href < src)) {
			at = href;
			skip = 7;
		} else {
			at = src;
			skip = 6;
		}
		v = at + skip;
		if ((q = strchr(v, '"')) == NULL)
			break;
		buf_append(&b, p, (size_t)(v - p));
		resolve(&b, page, v, (size_t)(q - v));
		p = q;
	}
	buf_puts(&b, p);
	out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return out;
}

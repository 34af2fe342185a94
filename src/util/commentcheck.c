/*
 * commentcheck.c: validation of readers' comments.  See commentcheck.h.
 */
#include <string.h>

#include "arena.h"
#include "commentcheck.h"
#include "text.h"

size_t
comment_length(const char *s, size_t n)
{
	size_t	 i, crlf = 0;

	for (i = 0; i + 1 < n; i++)
		if (s[i] == '\r' && s[i + 1] == '\n')
			crlf++;
	return utf8_len(s, n) - crlf;
}

enum comment_problem
comment_check(struct arena *a, const char *name, size_t nlen,
    const char *body, size_t blen, const char **clean_name)
{
	const char	*squished;

	*clean_name = NULL;
	if (name == NULL) {
		name = "";
		nlen = 0;
	}
	if (body == NULL) {
		body = "";
		blen = 0;
	}
	/* Validity first, so that the lengths below count characters. */
	if (!utf8_valid(name, nlen))
		return CP_NAME_UTF8;
	if (text_has_control(name, nlen, 0))
		return CP_NAME_CONTROL;
	if (text_blank(name))
		return CP_NAME_EMPTY;
	squished = text_squish(a, name);
	if (utf8_len(squished, strlen(squished)) > COMMENT_NAME_MAX)
		return CP_NAME_LONG;
	if (!utf8_valid(body, blen))
		return CP_BODY_UTF8;
	if (text_has_control(body, blen, 1))
		return CP_BODY_CONTROL;
	if (text_blank(body))
		return CP_BODY_EMPTY;
	if (comment_length(body, blen) > COMMENT_BODY_MAX)
		return CP_BODY_LONG;
	*clean_name = squished;
	return CP_OK;
}

int
comment_problem_name(enum comment_problem p)
{
	return p == CP_NAME_UTF8 || p == CP_NAME_CONTROL ||
	    p == CP_NAME_EMPTY || p == CP_NAME_LONG;
}

/* Length of the well-formed UTF-8 sequence at s, or 0. */
static size_t
seq_len(const unsigned char *s, size_t n)
{
	size_t	 k;

	for (k = 1; k <= 4 && k <= n; k++)
		if (utf8_valid((const char *)s, k))
			return k;
	return 0;
}

char *
comment_scrub(struct arena *a, const char *s, size_t n, int multiline)
{
	const unsigned char *p = (const unsigned char *)s;
	char		*out, *q;
	size_t		 i = 0, k;

	if (s == NULL)
		return arena_strdup(a, "");
	/* U+FFFD is three bytes and replaces at least one. */
	out = q = arena_alloc(a, n * 3 + 1);
	while (i < n) {
		k = seq_len(p + i, n - i);
		if (k == 0 || text_has_control((const char *)p + i, k,
		    multiline)) {
			memcpy(q, "\xef\xbf\xbd", 3);
			q += 3;
			i += k ? k : 1;
			continue;
		}
		memcpy(q, p + i, k);
		q += k;
		i += k;
	}
	*q = '\0';
	return out;
}

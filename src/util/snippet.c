/*
 * snippet.c: splitting marked search snippets.  See snippet.h.
 */
#include <string.h>

#include "arena.h"
#include "snippet.h"

#define MARKLEN	3	/* bytes of SNIP_OPEN and SNIP_CLOSE */

/* 1 if p starts with one of the marks, and which (1 open, 2 close). */
static int
mark_at(const char *p)
{
	if (strncmp(p, SNIP_OPEN, MARKLEN) == 0)
		return 1;
	if (strncmp(p, SNIP_CLOSE, MARKLEN) == 0)
		return 2;
	return 0;
}

size_t
snip_split(struct arena *a, const char *s, struct snip_part **out)
{
	struct snip_part *parts;
	const char	*p, *start;
	size_t		 n = 0, max = 1;
	int		 m, in = 0;

	/* Each mark ends at most one part: marks + 1 parts at most. */
	for (p = s; *p != '\0'; p++)
		if (mark_at(p))
			max++;
	parts = arena_calloc(a, max, sizeof(*parts));
	for (p = start = s;; p++) {
		m = *p == '\0' ? 3 : mark_at(p);
		if (m == 0)
			continue;
		if (p > start) {
			parts[n].text = arena_strndup(a, start,
			    (size_t)(p - start));
			parts[n].mark = in;
			n++;
		}
		if (m == 3)
			break;
		in = m == 1;
		p += MARKLEN - 1;
		start = p + 1;
	}
	*out = parts;
	return n;
}

int
snip_has_mark(const char *s)
{
	return s != NULL && strstr(s, SNIP_OPEN) != NULL;
}

const char *
snip_clean(struct arena *a, const char *s)
{
	char		*copy, *w;
	const char	*p;

	if (s == NULL || (strstr(s, SNIP_OPEN) == NULL &&
	    strstr(s, SNIP_CLOSE) == NULL))
		return s;
	copy = w = arena_alloc(a, strlen(s) + 1);
	for (p = s; *p != '\0'; p++) {
		if (mark_at(p)) {
			p += MARKLEN - 1;
			continue;
		}
		*w++ = *p;
	}
	*w = '\0';
	return copy;
}

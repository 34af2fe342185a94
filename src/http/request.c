/*
 * request.c: reading the parsed request.  See http.h.
 */
#include <string.h>

#include "../util/arena.h"
#include "http.h"

static const char *
kv_find(const struct kv *kv, size_t n, const char *name)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(kv[i].key, name) == 0)
			return kv[i].val;
	return NULL;
}

const char *
http_query(const struct req *r, const char *name)
{
	return kv_find(r->query, r->nquery, name);
}

const char *
http_form(const struct req *r, const char *name)
{
	return kv_find(r->form, r->nform, name);
}

const char *
http_cookie(const struct req *r, const char *name)
{
	return kv_find(r->cookies, r->ncookies, name);
}

size_t
http_form_all(const struct req *r, const char *name, const char ***out)
{
	const char	**vals;
	size_t		  i, n = 0;

	vals = arena_calloc(r->arena, r->nform + 1, sizeof(*vals));
	for (i = 0; i < r->nform; i++)
		if (strcmp(r->form[i].key, name) == 0)
			vals[n++] = r->form[i].val;
	*out = vals;
	return n;
}

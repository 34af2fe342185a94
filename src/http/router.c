/*
 * router.c: method and path matching.  See router.h.
 */
#include <stdlib.h>
#include <string.h>

#include "../util/arena.h"
#include "../util/text.h"
#include "router.h"

static const char *const method_names[HTTP__MAX] = {
	[HTTP_GET] = "GET",
	[HTTP_HEAD] = "HEAD",
	[HTTP_POST] = "POST",
	[HTTP_PUT] = "PUT",
	[HTTP_DELETE] = "DELETE",
	[HTTP_PATCH] = "PATCH",
	[HTTP_OPTIONS] = "OPTIONS",
	[HTTP_OTHER] = "OTHER",
};

enum http_method
http_method_parse(const char *s)
{
	int	 i;

	if (s == NULL)
		return HTTP_OTHER;
	for (i = 0; i < HTTP_OTHER; i++)
		if (strcmp(s, method_names[i]) == 0)
			return (enum http_method)i;
	return HTTP_OTHER;
}

const char *
http_method_name(enum http_method m)
{
	return m < HTTP__MAX ? method_names[m] : "OTHER";
}

/* 1 if the n bytes at s are all decimal digits. */
static int
digits(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return n > 0;
}

/*
 * 1 if value (a path segment) is valid for the parameter called name;
 * a number's value goes to *num (0 for a slug).
 */
static int
param_ok(const char *name, size_t nlen, const char *value, long long *num)
{
	size_t		 vlen = strlen(value);

	*num = 0;
	if (nlen == 2 && memcmp(name, "id", 2) == 0)
		return parse_id(value, num);
	if (nlen == 4 && memcmp(name, "year", 4) == 0) {
		if (vlen != 4 || !digits(value, 4) || strcmp(value, "1970") < 0)
			return 0;
		*num = atoll(value);
		return 1;
	}
	if (nlen == 5 && memcmp(name, "month", 5) == 0) {
		if (vlen != 2 || !digits(value, 2) ||
		    strcmp(value, "01") < 0 || strcmp(value, "12") > 0)
			return 0;
		*num = atoll(value);
		return 1;
	}
	/* :slug, :tag and anything else are slugs. */
	return slug_valid(value);
}

/*
 * Match path against pattern.  Returns 1 and fills params on a match.
 * Segments are compared one by one.  A parameter spans one segment, or
 * the part of it between a literal prefix and suffix ("sitemap-:id.xml":
 * the name is the lower-case letters after the colon).
 */
static int
match(struct arena *a, const char *pattern, const char *path,
    const char *params[ROUTE_MAXPARAM], long long nums[ROUTE_MAXPARAM])
{
	const char	*p = pattern, *s = path, *pe, *se, *colon, *name;
	size_t		 np = 0, pre, nlen, suf;
	char		*val;

	while (*p == '/' && *s == '/') {
		p++;
		s++;
		pe = strchr(p, '/');
		if (pe == NULL)
			pe = p + strlen(p);
		se = strchr(s, '/');
		if (se == NULL)
			se = s + strlen(s);
		if ((colon = memchr(p, ':', (size_t)(pe - p))) != NULL) {
			pre = (size_t)(colon - p);
			name = colon + 1;
			for (nlen = 0; name + nlen < pe && name[nlen] >= 'a' &&
			    name[nlen] <= 'z'; nlen++)
				continue;
			suf = (size_t)(pe - name - nlen);
			/* The parameter may not be empty. */
			if ((size_t)(se - s) <= pre + suf || np == ROUTE_MAXPARAM ||
			    memcmp(s, p, pre) != 0 ||
			    memcmp(se - suf, name + nlen, suf) != 0)
				return 0;
			val = arena_strndup(a, s + pre,
			    (size_t)(se - s) - pre - suf);
			if (!param_ok(name, nlen, val, &nums[np]))
				return 0;
			params[np++] = val;
		} else if (pe - p != se - s || memcmp(p, s, (size_t)(pe - p)) != 0)
			return 0;
		p = pe;
		s = se;
	}
	return *p == '\0' && *s == '\0';
}

enum route_result
router_match(struct arena *a, const struct route *table, size_t n,
    enum http_method method, const char *path, const struct route **found,
    const char *params[ROUTE_MAXPARAM], long long nums[ROUTE_MAXPARAM],
    unsigned *allow)
{
	const char	*tmp[ROUTE_MAXPARAM];
	long long	 tmpn[ROUTE_MAXPARAM];
	size_t		 i;
	enum http_method want;

	*found = NULL;
	*allow = 0;
	want = method == HTTP_HEAD ? HTTP_GET : method;
	for (i = 0; i < n; i++) {
		memset(tmp, 0, sizeof(tmp));
		memset(tmpn, 0, sizeof(tmpn));
		if (!match(a, table[i].pattern, path, tmp, tmpn))
			continue;
		if (table[i].method == want) {
			*found = &table[i];
			memcpy(params, tmp, sizeof(tmp));
			memcpy(nums, tmpn, sizeof(tmpn));
			return ROUTE_FOUND;
		}
		*allow |= 1u << table[i].method;
		if (table[i].method == HTTP_GET)
			*allow |= 1u << HTTP_HEAD;
	}
	return *allow ? ROUTE_BAD_METHOD : ROUTE_NOT_FOUND;
}

/*
 * urlenc.c: percent-decoding, urlencoded pairs and cookies.
 *
 * These parsers see raw bytes from the network, so they are strict,
 * bounded and fuzzed (t/fuzz/).  They allocate only from the arena.
 */
#include <string.h>

#include "../util/arena.h"
#include "../util/text.h"
#include "http.h"

long
url_decode(char *dst, const char *src, size_t n, int plus)
{
	size_t	 i, j = 0;
	int	 hi, lo;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)src[i];

		if (c == '%') {
			if (n - i < 3)
				return -1;	/* "%4" at the end */
			if ((hi = hex_digit((unsigned char)src[i + 1])) < 0 ||
			    (lo = hex_digit((unsigned char)src[i + 2])) < 0)
				return -1;
			c = (unsigned char)(hi << 4 | lo);
			if (c == '\0')
				return -1;
			i += 2;
		} else if (c == '+' && plus)
			c = ' ';
		else if (c == '\0')
			return -1;
		dst[j++] = (char)c;
	}
	dst[j] = '\0';
	return (long)j;
}

int
url_parse_pairs(struct arena *a, const char *s, size_t n, struct kv **out,
    size_t *nout)
{
	struct kv	*kv;
	size_t		 cap, count = 0, i, j, start, eq, klen;
	long		 len;
	char		*key, *val;

	*out = NULL;
	*nout = 0;
	/* Count the pieces first, so that one allocation suffices. */
	for (cap = 1, i = 0; i < n; i++)
		if (s[i] == '&')
			cap++;
	if (cap > HTTP_MAXPAIRS * 4)
		return -1;
	kv = arena_calloc(a, cap, sizeof(*kv));
	for (start = 0; start <= n; start = i + 1) {
		for (i = start; i < n && s[i] != '&'; i++)
			continue;
		if (i == start)
			continue;	/* "a=1&&b=2" */
		for (eq = start; eq < i && s[eq] != '='; eq++)
			continue;
		klen = eq - start;
		if (klen == 0)
			return -1;	/* "=value" has no name */
		key = arena_alloc(a, klen + 1);
		if (url_decode(key, s + start, klen, 1) < 0)
			return -1;
		if (eq < i) {
			val = arena_alloc(a, i - eq);
			if ((len = url_decode(val, s + eq + 1, i - eq - 1, 1)) < 0)
				return -1;
		} else {
			val = arena_strdup(a, "");
			len = 0;
		}
		klen = strlen(key);
		if (klen < 2 || strcmp(key + klen - 2, "[]") != 0)
			for (j = 0; j < count; j++)
				if (strcmp(kv[j].key, key) == 0)
					return -1;
		if (count == HTTP_MAXPAIRS)
			return -1;
		kv[count].key = key;
		kv[count].val = val;
		kv[count].vlen = (size_t)len;
		count++;
	}
	*out = kv;
	*nout = count;
	return 0;
}

#define COOKIE_MAX	64	/* pairs kept from one header */

void
cookie_parse(struct arena *a, const char *s, struct kv **out, size_t *nout)
{
	struct kv	*kv;
	const char	*p, *end, *eq, *k0, *k1, *v0, *v1;
	size_t		 count = 0, j;
	int		 dup;

	*out = NULL;
	*nout = 0;
	if (s == NULL)
		return;
	kv = arena_calloc(a, COOKIE_MAX, sizeof(*kv));
	for (p = s; *p != '\0' && count < COOKIE_MAX; p = *end ? end + 1 : end) {
		if ((end = strchr(p, ';')) == NULL)
			end = p + strlen(p);
		if ((eq = memchr(p, '=', (size_t)(end - p))) == NULL)
			continue;
		for (k0 = p; k0 < eq && (*k0 == ' ' || *k0 == '\t'); k0++)
			continue;
		for (k1 = eq; k1 > k0 && (k1[-1] == ' ' || k1[-1] == '\t'); k1--)
			continue;
		for (v0 = eq + 1; v0 < end && (*v0 == ' ' || *v0 == '\t'); v0++)
			continue;
		for (v1 = end; v1 > v0 && (v1[-1] == ' ' || v1[-1] == '\t'); v1--)
			continue;
		if (k0 == k1)
			continue;
		if (v1 - v0 >= 2 && *v0 == '"' && v1[-1] == '"') {
			v0++;
			v1--;
		}
		dup = 0;
		for (j = 0; j < count && !dup; j++)
			dup = strlen(kv[j].key) == (size_t)(k1 - k0) &&
			    memcmp(kv[j].key, k0, (size_t)(k1 - k0)) == 0;
		if (dup)
			continue;
		kv[count].key = arena_strndup(a, k0, (size_t)(k1 - k0));
		kv[count].val = arena_strndup(a, v0, (size_t)(v1 - v0));
		kv[count].vlen = (size_t)(v1 - v0);
		count++;
	}
	*out = kv;
	*nout = count;
}

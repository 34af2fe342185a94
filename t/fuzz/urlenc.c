/*
 * urlenc.c (fuzz harness): a query string or urlencoded body through
 * url_parse_pairs(), and the raw bytes through url_decode() both ways,
 * as src/http/server.c gives them.  Checks: what parses has at most
 * HTTP_MAXPAIRS pairs, non-empty names, values without NUL whose vlen
 * is their length, no repeated name unless it ends in "[]"; and every
 * value survives url_encode() then url_decode().
 */
#include <string.h>

#include "../../src/http/http.h"
#include "../../src/util/arena.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	 a;
	struct kv	*kv;
	size_t		 n, i, j, klen;
	const char	*s = (const char *)data;
	char		*dst, *enc, *back;
	long		 len;

	arena_init(&a, 0);
	dst = arena_alloc(&a, size + 1);
	len = url_decode(dst, s, size, 1);
	FUZZ_CHECK(len < 0 || ((size_t)len <= size && strlen(dst) ==
	    (size_t)len));
	len = url_decode(dst, s, size, 0);
	FUZZ_CHECK(len < 0 || ((size_t)len <= size && strlen(dst) ==
	    (size_t)len));

	if (url_parse_pairs(&a, s, size, &kv, &n) == 0) {
		FUZZ_CHECK(n <= HTTP_MAXPAIRS);
		for (i = 0; i < n; i++) {
			klen = strlen(kv[i].key);
			FUZZ_CHECK(klen > 0);
			FUZZ_CHECK(strlen(kv[i].val) == kv[i].vlen);
			if (klen < 2 || strcmp(kv[i].key + klen - 2, "[]") != 0)
				for (j = 0; j < i; j++)
					FUZZ_CHECK(strcmp(kv[i].key,
					    kv[j].key) != 0);
			enc = url_encode(&a, kv[i].val);
			back = arena_alloc(&a, strlen(enc) + 1);
			FUZZ_CHECK(url_decode(back, enc, strlen(enc), 1) ==
			    (long)kv[i].vlen);
			FUZZ_CHECK(strcmp(back, kv[i].val) == 0);
		}
	} else
		FUZZ_CHECK(kv == NULL && n == 0);
	arena_free(&a);
	return 0;
}

/*
 * cookie.c (fuzz harness): a Cookie header through cookie_parse().
 * Checks: at most 64 pairs, non-empty names without ';' or '=' or
 * surrounding blanks, values without ';' whose vlen is their length,
 * and no name twice.
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
	char		*s;

	arena_init(&a, 0);
	/* The header as libfcgi gives it: a C string. */
	s = arena_strndup(&a, (const char *)data, size);
	cookie_parse(&a, s, &kv, &n);
	FUZZ_CHECK(n <= 64);
	for (i = 0; i < n; i++) {
		klen = strlen(kv[i].key);
		FUZZ_CHECK(klen > 0);
		FUZZ_CHECK(strpbrk(kv[i].key, ";=") == NULL);
		FUZZ_CHECK(kv[i].key[0] != ' ' && kv[i].key[klen - 1] != ' ');
		FUZZ_CHECK(strchr(kv[i].val, ';') == NULL);
		FUZZ_CHECK(strlen(kv[i].val) == kv[i].vlen);
		for (j = 0; j < i; j++)
			FUZZ_CHECK(strcmp(kv[i].key, kv[j].key) != 0);
	}
	arena_free(&a);
	return 0;
}

/*
 * snippet.c (fuzz harness): a search snippet, as SQLite's snippet()
 * gives it (a C string), through snip_split(), snip_clean() and
 * snip_has_mark().  Checks: the parts are non-empty and hold no mark,
 * there are at most one more than the marks, and joined they are
 * exactly snip_clean()'s text, which is the string itself when there
 * was no mark, and holds none when the snippet is valid UTF-8; each part is marked exactly when the
 * last mark before it opened a match (a model written here without
 * snippet.c's scanning); parts of valid UTF-8 are valid UTF-8; and
 * snip_has_mark() is true exactly when an opening mark is there.
 */
#include <string.h>

#include "../../src/util/arena.h"
#include "../../src/util/buf.h"
#include "../../src/util/snippet.h"
#include "../../src/util/text.h"
#include "fuzz.h"

/* The next mark at or after p: its kind (1 open, 2 close) and place. */
static const char *
next_mark(const char *p, int *kind)
{
	const char	*o = strstr(p, SNIP_OPEN), *c = strstr(p, SNIP_CLOSE);

	if (o == NULL && c == NULL)
		return NULL;
	if (c == NULL || (o != NULL && o < c)) {
		*kind = 1;
		return o;
	}
	*kind = 2;
	return c;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	 a;
	struct snip_part *parts;
	struct buf	 joined = BUF_INIT;
	const char	*clean, *p, *mk;
	char		*s;
	size_t		 n, i, nmarks = 0, k = 0;
	int		 kind = 0, in = 0, valid;

	arena_init(&a, 0);
	s = arena_strndup(&a, (const char *)data, size);
	valid = utf8_valid(s, strlen(s));
	for (p = s; (mk = next_mark(p, &kind)) != NULL; p = mk + 3)
		nmarks++;

	n = snip_split(&a, s, &parts);
	FUZZ_CHECK(parts != NULL);
	FUZZ_CHECK(n <= nmarks + 1);
	for (i = 0; i < n; i++) {
		FUZZ_CHECK(parts[i].text != NULL && *parts[i].text != '\0');
		FUZZ_CHECK(strstr(parts[i].text, SNIP_OPEN) == NULL);
		FUZZ_CHECK(strstr(parts[i].text, SNIP_CLOSE) == NULL);
		FUZZ_CHECK(parts[i].mark == 0 || parts[i].mark == 1);
		if (valid)
			FUZZ_CHECK(utf8_valid(parts[i].text,
			    strlen(parts[i].text)));
		buf_puts(&joined, parts[i].text);
	}

	/* The model: text between marks, marked after an opening one. */
	for (p = s;; p = mk + 3) {
		int	 was = in;

		mk = next_mark(p, &kind);
		if ((mk == NULL && *p != '\0') || (mk != NULL && mk > p)) {
			FUZZ_CHECK(k < n);
			FUZZ_CHECK(parts[k].mark == was);
			FUZZ_CHECK(strlen(parts[k].text) == (mk ? (size_t)(mk -
			    p) : strlen(p)));
			FUZZ_CHECK(strncmp(parts[k].text, p,
			    strlen(parts[k].text)) == 0);
			k++;
		}
		if (mk == NULL)
			break;
		in = kind == 1;
	}
	FUZZ_CHECK(k == n);

	clean = snip_clean(&a, s);
	FUZZ_CHECK(clean != NULL);
	FUZZ_CHECK(strcmp(clean, buf_cstr(&joined)) == 0);
	/* (Malformed UTF-8 can make a mark of what lay around one.) */
	if (valid)
		FUZZ_CHECK(strstr(clean, SNIP_OPEN) == NULL &&
		    strstr(clean, SNIP_CLOSE) == NULL);
	FUZZ_CHECK(nmarks > 0 || clean == s);
	FUZZ_CHECK(snip_has_mark(s) == (strstr(s, SNIP_OPEN) != NULL));
	buf_free(&joined);
	arena_free(&a);
	return 0;
}

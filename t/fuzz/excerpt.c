/*
 * excerpt.c (fuzz harness): an article's HTML through text_excerpt(),
 * as the description of its page is made, and through byline_name().
 * The first byte picks max (3..258 bytes: the ellipsis alone takes 3;
 * the site uses EXCERPT_MAX), the rest is the HTML (a C string).
 * Checks: at most max bytes; white space folded (single ASCII spaces,
 * none at either end); valid UTF-8 from valid UTF-8; no '<' unless a
 * reference made it; and compared with the whole text (the excerpt
 * with room for everything): a text that fits comes back whole, one
 * that does not is cut, ends in "…", and is the start of the whole.
 */
#include <string.h>

#include "../../src/util/arena.h"
#include "../../src/util/excerpt.h"
#include "../../src/util/text.h"
#include "fuzz.h"

#define ELLIPSIS	"\xe2\x80\xa6"

static void
check_folded(const char *s)
{
	size_t	 n = strlen(s);

	FUZZ_CHECK(strpbrk(s, "\t\n\r\f\v") == NULL);
	FUZZ_CHECK(strstr(s, "  ") == NULL);
	FUZZ_CHECK(n == 0 || (s[0] != ' ' && s[n - 1] != ' '));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	 a;
	const char	*ex, *whole, *name;
	char		*html;
	size_t		 max, len, wlen, keep;
	int		 valid;

	if (size == 0)
		return 0;
	arena_init(&a, 0);
	max = 3 + (size_t)data[0];
	html = arena_strndup(&a, (const char *)data + 1, size - 1);
	valid = utf8_valid(html, strlen(html));

	ex = text_excerpt(&a, html, max);
	FUZZ_CHECK(ex != NULL);
	len = strlen(ex);
	FUZZ_CHECK(len <= max);
	check_folded(ex);
	if (valid)
		FUZZ_CHECK(utf8_valid(ex, len));
	if (strchr(html, '&') == NULL)
		FUZZ_CHECK(strchr(ex, '<') == NULL);

	/* Each byte of HTML makes at most one of text: this fits it all. */
	whole = text_excerpt(&a, html, strlen(html) + 1);
	wlen = strlen(whole);
	FUZZ_CHECK(wlen <= strlen(html));
	check_folded(whole);
	if (wlen <= max) {
		FUZZ_CHECK(strcmp(ex, whole) == 0);
	} else {
		if (len < 3 || strcmp(ex + len - 3, ELLIPSIS) != 0)
			fprintf(stderr, "whole (%zu bytes): %s\nexcerpt: %s\n",
			    wlen, whole, ex);
		FUZZ_CHECK(len >= 3 && strcmp(ex + len - 3, ELLIPSIS) == 0);
		keep = len - 3;
		FUZZ_CHECK(keep < wlen && strncmp(ex, whole, keep) == 0);
	}

	name = byline_name(&a, html);
	FUZZ_CHECK(name != NULL && strlen(name) <= strlen(html));
	check_folded(name);
	arena_free(&a);
	return 0;
}

/*
 * commenttext.c (fuzz harness): a reader's comment through ct_split().
 * Checks: the lines that come out, joined from their segments, are
 * exactly the non-blank lines of the input, in order, and paragraphs
 * break where blank lines are; every link is an http:// or https://
 * address with something after the scheme and no blank, '<', '>', '"'
 * or '`' in it.
 */
#include <string.h>

#include "../../src/util/arena.h"
#include "../../src/util/buf.h"
#include "../../src/util/commenttext.h"
#include "fuzz.h"

static int
blank(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return 0;
	return 1;
}

static void
check_link(const char *t)
{
	size_t	 k, i;

	k = strncmp(t, "http://", 7) == 0 ? 7 :
	    strncmp(t, "https://", 8) == 0 ? 8 : 0;
	FUZZ_CHECK(k > 0 && strlen(t) > k);
	for (i = 0; t[i] != '\0'; i++)
		FUZZ_CHECK((unsigned char)t[i] > ' ' &&
		    strchr("<>\"`\x7f", t[i]) == NULL);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	 a;
	struct ct_para	*p;
	struct buf	 line = BUF_INIT;
	const char	*s, *e, *end;
	char		*text;
	size_t		 np, pi = 0, li = 0, k;
	int		 gap = 0;

	arena_init(&a, 0);
	text = arena_strndup(&a, (const char *)data, size);
	np = ct_split(&a, text, &p);

	/* Walk the input's lines alongside the result. */
	end = text + strlen(text);
	for (s = text; s < end; s = e + 1) {
		for (e = s; e < end && *e != '\n' && *e != '\r'; e++)
			continue;
		if (blank(s, (size_t)(e - s))) {
			gap = 1;
		} else {
			if (gap && li > 0) {
				FUZZ_CHECK(li == p[pi].nlines);
				pi++;
				li = 0;
			}
			gap = 0;
			FUZZ_CHECK(pi < np && li < p[pi].nlines);
			buf_reset(&line);
			for (k = 0; k < p[pi].lines[li].nsegs; k++) {
				const struct ct_seg *sg = &p[pi].lines[li].segs[k];

				FUZZ_CHECK(*sg->text != '\0');
				if (sg->kind == CT_LINK)
					check_link(sg->text);
				buf_puts(&line, sg->text);
			}
			FUZZ_CHECK(line.len == (size_t)(e - s) &&
			    memcmp(buf_cstr(&line), s, line.len) == 0);
			li++;
		}
		if (e < end && *e == '\r' && e + 1 < end && e[1] == '\n')
			e++;
		if (e >= end)
			break;
	}
	FUZZ_CHECK(np == (li > 0 ? pi + 1 : 0));
	FUZZ_CHECK(li == 0 || li == p[pi].nlines);
	buf_free(&line);
	arena_free(&a);
	return 0;
}

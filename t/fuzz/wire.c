/*
 * wire.c (fuzz harness): a file through wire_parse(), as `gazette
 * import` reads it, then wire_markdown() and md_render(); and the bytes
 * as a tag field through tags_split().  Checks: parsed text is valid
 * UTF-8 without control characters, the headline and tags are within
 * their limits, there is a body, and the paragraphs' Markdown renders
 * back to exactly their text (no escape is missing).
 */
#include <string.h>

#include "../../src/util/arena.h"
#include "../../src/util/buf.h"
#include "../../src/util/markdown.h"
#include "../../src/util/text.h"
#include "../../src/util/wire.h"
#include "fuzz.h"

static void
check_text(const char *s, int multiline)
{
	FUZZ_CHECK(s != NULL);
	FUZZ_CHECK(utf8_valid(s, strlen(s)));
	FUZZ_CHECK(!text_has_control(s, strlen(s), multiline));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	 a;
	struct wire	 w;
	struct buf	 joined = BUF_INIT;
	const char	*err = NULL, *html, *text, **tags;
	char		*field;
	size_t		 i;
	int		 n;

	arena_init(&a, 0);
	if (wire_parse(&a, (const char *)data, size, &w, &err) == 0) {
		check_text(w.headline, 0);
		FUZZ_CHECK(*w.headline != '\0');
		FUZZ_CHECK(utf8_len(w.headline, strlen(w.headline)) <=
		    WIRE_MAX_HEADLINE);
		FUZZ_CHECK(w.nparas > 0);
		for (i = 0; i < w.nparas; i++) {
			check_text(w.paras[i], 0);
			FUZZ_CHECK(!text_blank(w.paras[i]));
			buf_printf(&joined, "%s%s", i ? "\n\n" : "",
			    w.paras[i]);
		}
		FUZZ_CHECK(w.ntags <= WIRE_MAX_TAGS);
		for (i = 0; i < w.ntags; i++) {
			check_text(w.tags[i], 0);
			FUZZ_CHECK(utf8_len(w.tags[i], strlen(w.tags[i])) <=
			    WIRE_MAX_TAG_LEN);
			FUZZ_CHECK(*text_slugify(&a, w.tags[i]) != '\0');
		}
		for (i = 0; i < w.ncomments; i++) {
			check_text(w.comments[i].author, 0);
			check_text(w.comments[i].body, 1);
			FUZZ_CHECK(*w.comments[i].body != '\0');
		}
		FUZZ_CHECK(md_render(&a, wire_markdown(&a, &w), &html,
		    &text) == 0);
		if (strcmp(text, buf_cstr(&joined)) != 0) {
			fprintf(stderr, "paragraphs:\n%s\nrendered as:\n%s\n",
			    buf_cstr(&joined), text);
			FUZZ_CHECK(!"wire_markdown round trip");
		}
	} else
		FUZZ_CHECK(err != NULL && *err != '\0');
	buf_free(&joined);

	field = arena_strndup(&a, (const char *)data, size);
	err = NULL;
	if ((n = tags_split(&a, field, &tags, &err)) >= 0) {
		FUZZ_CHECK(n <= WIRE_MAX_TAGS);
		for (i = 0; i < (size_t)n; i++)
			FUZZ_CHECK(strchr(tags[i], ',') == NULL &&
			    *text_slugify(&a, tags[i]) != '\0');
	} else
		FUZZ_CHECK(err != NULL);
	arena_free(&a);
	return 0;
}

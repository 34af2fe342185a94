/*
 * 51-snippet.c: splitting search snippets at their marks (snippet.c).
 */
#include <string.h>

#include "../../src/util/arena.h"
#include "../../src/util/snippet.h"
#include "tap.h"

#define O SNIP_OPEN
#define C SNIP_CLOSE

int
main(void)
{
	struct arena	 a;
	struct snip_part *p;
	size_t		 n;

	arena_init(&a, 0);

	n = snip_split(&a, "plain text", &p);
	is_int(n, 1, "unmarked text is one part");
	is_str(p[0].text, "plain text", "as it was");
	is_int(p[0].mark, 0, "not marked");

	n = snip_split(&a, "the " O "mayor" C " said <b>&", &p);
	is_int(n, 3, "a marked word in the middle: three parts");
	is_str(p[0].text, "the ", "text before");
	is_str(p[1].text, "mayor", "the match");
	is_int(p[1].mark, 1, "marked");
	is_str(p[2].text, " said <b>&", "text after, untouched (the "
	    "template escapes it)");
	is_int(p[2].mark, 0, "not marked");

	n = snip_split(&a, O "a" C O "b" C, &p);
	is_int(n, 2, "two marks side by side");
	ok(p[0].mark && p[1].mark, "both marked");

	n = snip_split(&a, "x" O O "y" C C "z", &p);
	is_int(n, 3, "doubled marks are tolerated");
	is_str(p[1].text, "y", "the match");
	ok(!p[0].mark && p[1].mark && !p[2].mark, "marks as expected");

	n = snip_split(&a, "x" O "unclosed", &p);
	is_int(n, 2, "an unclosed mark");
	ok(p[1].mark, "marks to the end");

	n = snip_split(&a, "", &p);
	is_int(n, 0, "empty text: no parts");
	n = snip_split(&a, O C, &p);
	is_int(n, 0, "only marks: no parts");

	ok(snip_has_mark("a" O "b" C), "has_mark sees a mark");
	ok(!snip_has_mark("ab"), "and no mark");
	ok(!snip_has_mark(NULL), "NULL has none");

	is_str(snip_clean(&a, "a" O "b" C "c"), "abc", "clean strips marks");
	is_str(snip_clean(&a, "Чечня"), "Чечня", "clean keeps other text");
	ok(snip_clean(&a, NULL) == NULL, "clean(NULL) is NULL");

	arena_free(&a);
	return done_testing();
}

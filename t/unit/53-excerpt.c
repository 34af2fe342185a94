/*
 * 53-excerpt.c: descriptions from article HTML, names from bylines
 * (excerpt.c).
 */
#include <string.h>

#include "../../src/util/arena.h"
#include "../../src/util/excerpt.h"
#include "../../src/util/text.h"
#include "tap.h"

int
main(void)
{
	struct arena	 a;
	const char	*s;
	char		 long_html[2000];
	size_t		 i;

	arena_init(&a, 0);
	is_str(text_excerpt(&a, "<p>One <em>two</em>.</p>\n<p>Three</p>", 200),
	    "One two. Three", "tags removed, blocks separated");
	is_str(text_excerpt(&a, "<p>&quot;A&quot; &amp; B &lt;c&gt; &#39;d&#39;"
	    " &#x41;</p>", 200), "\"A\" & B <c> 'd' A", "references decoded");
	is_str(text_excerpt(&a, "<p>x &bogus; &#; &#xZZ;</p>", 200),
	    "x &bogus; &#; &#xZZ;", "unknown references kept as text");
	is_str(text_excerpt(&a, "", 200), "", "empty");
	is_str(text_excerpt(&a, NULL, 200), "", "NULL");
	is_str(text_excerpt(&a, "<p>one two three four</p>", 12),
	    "one two\xe2\x80\xa6", "cut at a word, with an ellipsis");
	strcpy(long_html, "<p>");
	for (i = 0; i < 300; i++)
		strcat(long_html, "\xd0\xb6");	/* ж: two bytes each */
	strcat(long_html, "</p>");
	s = text_excerpt(&a, long_html, 101);
	ok(strlen(s) <= 101, "a long word is cut within the limit");
	ok(utf8_valid(s, strlen(s)), "at a character boundary");
	/* (Found by t/fuzz/excerpt.c: white space counted toward the
	 * reading limit, so such text was cut short with no ellipsis.) */
	strcpy(long_html, "<ul>\n");
	for (i = 0; i < 80; i++)
		strcat(long_html, "<li>\n<p>No</p>\n</li>\n");
	strcat(long_html, "</ul>\n");
	s = text_excerpt(&a, long_html, 200);
	ok(strlen(s) <= 200 && strlen(s) > 190, "a list of short items "
	    "fills the excerpt (%zu bytes)", strlen(s));
	ok(strlen(s) >= 3 && strcmp(s + strlen(s) - 3, "\xe2\x80\xa6") == 0,
	    "and is cut with an ellipsis");
	/* (Also found by it: reading stopped inside a character, so an
	 * ideographic space cut in two did not fold and the text seemed
	 * longer than it was.) */
	strcpy(long_html, "abc");
	for (i = 0; i < 30; i++)
		strcat(long_html, "\xe3\x80\x80");	/* U+3000 */
	strcat(long_html, "d");
	is_str(text_excerpt(&a, long_html, 5), "abc d",
	    "white space folds wherever reading stops");

	is_str(byline_name(&a, "By Jane Doe"), "Jane Doe", "By is dropped");
	is_str(byline_name(&a, "  by   Jane\tDoe "), "Jane Doe",
	    "any case, spaces folded");
	is_str(byline_name(&a, "Jane Doe"), "Jane Doe", "no By");
	is_str(byline_name(&a, ""), "", "empty");
	is_str(byline_name(&a, "Byron Smith"), "Byron Smith", "Byron stays");
	arena_free(&a);
	return done_testing();
}

/*
 * 06-commenttext: readers' comments split into paragraphs, lines and
 * segments, with web addresses found (src/util/commenttext.c).
 */
#include <stdio.h>
#include <string.h>

#include "../../src/util/arena.h"
#include "../../src/util/buf.h"
#include "../../src/util/commenttext.h"
#include "tap.h"

static struct arena	 A;
static struct ct_para	*P;
static size_t		 NP;

static size_t
split(const char *s)
{
	return NP = ct_split(&A, s, &P);
}

/*
 * The structure as a string: paragraphs separated by " || ", lines by
 * " | ", links in brackets: "see [http://x] now | line 2 || para 2".
 */
static const char *
shape(void)
{
	struct buf	 b = BUF_INIT;
	const char	*out;
	size_t		 i, j, k;

	for (i = 0; i < NP; i++) {
		if (i > 0)
			buf_puts(&b, " || ");
		for (j = 0; j < P[i].nlines; j++) {
			if (j > 0)
				buf_puts(&b, " | ");
			for (k = 0; k < P[i].lines[j].nsegs; k++) {
				const struct ct_seg *sg = &P[i].lines[j].segs[k];

				buf_printf(&b, sg->kind == CT_LINK ? "[%s]" :
				    "%s", sg->text);
			}
		}
	}
	out = arena_strdup(&A, buf_cstr(&b));
	buf_free(&b);
	return out;
}

static const char *
sh(const char *s)
{
	split(s);
	return shape();
}

static void
test_structure(void)
{
	is_int(split(""), 0, "empty: no paragraphs");
	is_int(split("\n\n\r\n \t \n"), 0, "only blank lines: none");
	is_str(sh("Hello"), "Hello", "one word");
	ok(NP == 1 && P[0].nlines == 1 && P[0].lines[0].nsegs == 1 &&
	    P[0].lines[0].segs[0].kind == CT_TEXT, "one paragraph, line, segment");
	is_str(sh("a\nb"), "a | b", "LF breaks a line");
	is_str(sh("a\n\nb"), "a || b", "a blank line breaks a paragraph");
	is_str(sh("\n\n\na\n\n\n\n\nb\n\n\n"), "a || b",
	    "leading, trailing and repeated blank lines");
	is_str(sh("a\r\nb\r\n\r\nc\r\n"), "a | b || c", "CRLF");
	is_str(sh("a\rb\r\rc"), "a | b || c", "CR alone");
	is_str(sh("a\n\r\nb"), "a || b", "LF then CRLF is a blank line");
	is_str(sh("a\r\n\r\n\r\n"), "a", "trailing CRLFs");
	is_str(sh("a\n \t \nb"), "a || b", "a line of spaces and tabs is blank");
	is_str(sh("  indented\n\tand tabbed  "), "  indented | \tand tabbed  ",
	    "lines keep their own spaces (the template shows them)");
	is_str(sh("<b>&amp;\"'</b>"), "<b>&amp;\"'</b>",
	    "markup is text: the template escapes it");
}

static void
test_links(void)
{
	is_str(sh("see http://example.com now"), "see [http://example.com] now",
	    "an http address");
	ok(P[0].lines[0].nsegs == 3 && P[0].lines[0].segs[1].kind == CT_LINK &&
	    P[0].lines[0].segs[0].kind == CT_TEXT &&
	    P[0].lines[0].segs[2].kind == CT_TEXT, "text, link, text");
	is_str(sh("https://example.com/p?q=1&r=2#frag"),
	    "[https://example.com/p?q=1&r=2#frag]", "https with query and fragment");
	is_str(sh("(see https://example.com/x)."),
	    "(see [https://example.com/x]).", "a closing parenthesis and "
	    "period after it are not part of it");
	is_str(sh("Visit http://a.com, http://b.com; or http://c.com!"),
	    "Visit [http://a.com], [http://b.com]; or [http://c.com]!",
	    "commas, semicolons, exclamation marks");
	is_str(sh("Really? http://a.com/x?"), "Really? [http://a.com/x]?",
	    "a final question mark");
	is_str(sh("'http://a.com/it's'"), "'http://a.com/it's'",
	    "an address must start a word ('  is not a word start)");
	is_str(sh("at http://a.com/it's."), "at [http://a.com/it's].",
	    "an apostrophe inside stays");
	is_str(sh("(http://example.com)"), "([http://example.com])",
	    "after an opening parenthesis");
	is_str(sh("see https://en.wikipedia.org/wiki/Foo_(bar)."),
	    "see [https://en.wikipedia.org/wiki/Foo_(bar)].",
	    "a ')' that closes a '(' of the address is part of it");
	is_str(sh("(https://en.wikipedia.org/wiki/Foo_(bar))"),
	    "([https://en.wikipedia.org/wiki/Foo_(bar)])",
	    "and only that one");
	is_str(sh("(http://a.com/x)))"), "([http://a.com/x])))",
	    "unbalanced ones are not");
	is_str(sh("\thttp://x.com"), "\t[http://x.com]", "after a tab");
	is_str(sh("http://a.com\nhttp://b.com"), "[http://a.com] | [http://b.com]",
	    "one per line, at the line's start");
	is_str(sh("http://x.com<script>alert(1)</script>"),
	    "[http://x.com]<script>alert(1)</script>", "'<' ends an address");
	is_str(sh("http://x.com\"onmouseover=alert(1)"),
	    "[http://x.com]\"onmouseover=alert(1)", "'\"' ends an address");
	is_str(sh("http://x.com>y"), "[http://x.com]>y", "'>' ends it");
	is_str(sh("http://x.com`y`"), "[http://x.com]`y`", "'`' ends it");
	is_str(sh("http://x.com\x7fy"), "[http://x.com]\x7fy", "DEL ends it");
	is_str(sh("https://ru.wikipedia.org/wiki/\xd0\x9c\xd0\xbe\xd1\x81"
	    "\xd0\xba\xd0\xb2\xd0\xb0 ok"), "[https://ru.wikipedia.org/wiki/"
	    "\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0] ok",
	    "non-ASCII letters in a path stay");

	/* What is never a link. */
	is_str(sh("javascript:alert(1)"), "javascript:alert(1)",
	    "javascript: is text");
	is_str(sh("javascript:http://x.com"), "javascript:http://x.com",
	    "javascript: in front of http:// is text");
	is_str(sh("JavaScript://%0Ahttp://x.com"), "JavaScript://%0Ahttp://x.com",
	    "nor hidden behind a comment");
	is_str(sh("data:text/html,<script>"), "data:text/html,<script>",
	    "data: is text");
	is_str(sh("vbscript:msgbox"), "vbscript:msgbox", "vbscript: is text");
	is_str(sh("ftp://example.com"), "ftp://example.com", "ftp: is text");
	is_str(sh("HTTP://EXAMPLE.COM"), "HTTP://EXAMPLE.COM",
	    "the scheme is matched in lower case only");
	is_str(sh("xhttp://example.com"), "xhttp://example.com",
	    "an address must start a word");
	is_str(sh("http://"), "http://", "a scheme alone");
	is_str(sh("http://."), "http://.", "a scheme and a period");
	is_str(sh("https://)"), "https://)", "a scheme and a parenthesis");
	is_str(sh("http:/x.com"), "http:/x.com", "one slash");
	is_str(sh("http: //x.com"), "http: //x.com", "a space after the colon");
	is_str(sh("hhhh http"), "hhhh http", "many h and no address");
}

static void
test_huge(void)
{
	struct buf	 b = BUF_INIT;
	size_t		 i, nlines = 0, nlinks = 0, j, k;

	for (i = 0; i < 100000; i++)
		buf_puts(&b, "x\n\n");
	is_int(split(buf_cstr(&b)), 100000, "100000 paragraphs");
	buf_reset(&b);
	for (i = 0; i < 200000; i++)
		buf_puts(&b, "line\r\n");
	split(buf_cstr(&b));
	ok(NP == 1 && P[0].nlines == 200000, "one paragraph of 200000 lines");
	buf_reset(&b);
	for (i = 0; i < 1000000; i++)
		buf_putc(&b, 'h');
	split(buf_cstr(&b));
	ok(NP == 1 && P[0].lines[0].nsegs == 1 &&
	    strlen(P[0].lines[0].segs[0].text) == 1000000,
	    "a line of a million 'h' is one segment");
	buf_reset(&b);
	for (i = 0; i < 50000; i++)
		buf_puts(&b, "(http://a.b/c) ");
	split(buf_cstr(&b));
	for (i = 0; i < NP; i++)
		for (j = 0; j < P[i].nlines; j++) {
			nlines++;
			for (k = 0; k < P[i].lines[j].nsegs; k++)
				nlinks += P[i].lines[j].segs[k].kind == CT_LINK;
		}
	ok(nlines == 1 && nlinks == 50000, "50000 links on one line");
	buf_reset(&b);
	for (i = 0; i < 100000; i++)
		buf_puts(&b, "(http://. ");
	split(buf_cstr(&b));
	ok(NP == 1 && P[0].lines[0].nsegs == 1,
	    "100000 false starts of an address: one text segment");
	buf_free(&b);
}

int
main(void)
{
	arena_init(&A, 0);
	test_structure();
	test_links();
	test_huge();
	arena_free(&A);
	return done_testing();
}

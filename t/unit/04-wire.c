/*
 * 04-wire: the wire-copy parser, its Markdown and tag splitting
 * (src/util/wire.c), first on the seed article read at run time from
 * ../shared/seed/ (skipped where absent: its text is not copied into
 * this repository, so expected values are derived from the file), then
 * on made-up files for every rule and error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/util/arena.h"
#include "../../src/util/buf.h"
#include "../../src/util/markdown.h"
#include "../../src/util/text.h"
#include "../../src/util/wire.h"
#include "tap.h"

#ifndef GAZETTE_TOP
#define GAZETTE_TOP "."
#endif
#define SEED	GAZETTE_TOP "/../shared/seed/wire-article.txt"
#define NBSP	"\xc2\xa0"

static struct arena	 A;
static struct wire	 W;
static const char	*err;

static int
parse(const char *s)
{
	err = NULL;
	return wire_parse(&A, s, strlen(s), &W, &err);
}

/* 1 if parsing s fails with exactly the reason want. */
static int
fails(const char *s, size_t n, const char *want)
{
	err = NULL;
	if (wire_parse(&A, s, n, &W, &err) != -1 || err == NULL) {
		diag("parsed, but should fail with '%s'", want);
		return 0;
	}
	if (strcmp(err, want) != 0) {
		diag("failed with '%s', expected '%s'", err, want);
		return 0;
	}
	return 1;
}

#define FAILS(s, want) fails((s), sizeof(s) - 1, (want))

static size_t
count(const char *hay, const char *needle)
{
	size_t	 n = 0;

	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay += strlen(needle);
	}
	return n;
}

/* The paragraphs joined as md_render's plain text gives them back. */
static const char *
joined(const struct wire *w)
{
	struct buf	 b = BUF_INIT;
	const char	*out;
	size_t		 i;

	for (i = 0; i < w->nparas; i++)
		buf_printf(&b, "%s%s", i ? "\n\n" : "", w->paras[i]);
	out = arena_strdup(&A, buf_cstr(&b));
	buf_free(&b);
	return out;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE	*f;
	char	*data;
	long	 n;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0) {
		fclose(f);
		return NULL;
	}
	data = arena_alloc(&A, (size_t)n + 1);
	if (fread(data, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		return NULL;
	}
	fclose(f);
	data[n] = '\0';
	*len = (size_t)n;
	return data;
}

#define SEED_TESTS	14

static void
test_seed(void)
{
	struct wire	 w;
	char		*data, *line, *save, *copy, *tagline = NULL;
	const char	*html, *text, *md, *expect_head = NULL;
	size_t		 len, blocks = 0, i, q_file, q_parsed;
	int		 in_block = 0, bad, rc;

	if ((data = slurp(SEED, &len)) == NULL) {
		tap_skip(SEED_TESTS, "no seed article at " SEED);
		return;
	}
	/*
	 * What the file holds, worked out here by simple means: its first
	 * line, the number of blocks of lines between it and the indented
	 * tag line, and the tag line itself.
	 */
	copy = arena_strdup(&A, data);
	for (line = copy; line != NULL; line = save) {
		if ((save = strchr(line, '\n')) != NULL)
			*save++ = '\0';
		if (expect_head == NULL) {
			expect_head = text_squish(&A, line);
			continue;
		}
		if (strncmp(line, NBSP, 2) == 0 || line[0] == ' ') {
			tagline = line;
			break;
		}
		if (text_blank(line))
			in_block = 0;
		else if (!in_block) {
			blocks++;
			in_block = 1;
		}
	}

	rc = wire_parse(&A, data, len, &w, &err);
	ok(rc == 0, "the seed article parses (%s)", rc ? err : "ok");
	if (rc != 0) {
		tap_skip(SEED_TESTS - 1, "it did not parse");
		return;
	}
	is_str(w.headline, expect_head, "headline: the first line, squished");
	ok(w.nparas > 0 && w.nparas == blocks,
	    "%zu paragraphs, one per block between headline and tags",
	    w.nparas);
	ok(tagline != NULL && strcmp(w.tags_field,
	    text_squish(&A, tagline)) == 0, "the tag line is found: '%s'",
	    w.tags_field);
	is_int(w.ntags, 4, "it holds four tags");
	bad = 0;
	for (i = 0; i < w.ntags; i++)
		if (strstr(w.tags_field, w.tags[i]) == NULL ||
		    text_blank(w.tags[i]) || strchr(w.tags[i], ',') != NULL)
			bad++;
	ok(bad == 0 && w.ntags == 4 && count(w.tags[3], " ") == 3,
	    "each a trimmed piece of the line; the last one of four words");
	is_int(w.ncomments, 0, "the Comments marker without comments");
	ok(count(data, NBSP) > 0, "the file holds U+00A0 (NBSP) ...");
	bad = 0;
	for (i = 0; i < w.nparas; i++)
		if (strstr(w.paras[i], NBSP) != NULL ||
		    strstr(w.paras[i], "  ") != NULL ||
		    w.paras[i][0] == ' ' ||
		    w.paras[i][strlen(w.paras[i]) - 1] == ' ')
			bad++;
	is_int(bad, 0, "... and no paragraph does: white space is folded");
	/* Quotes: every one in the file is in the headline or the text. */
	q_file = count(data, "\xe2\x80\x99") + count(data, "\"");
	q_parsed = count(w.headline, "\xe2\x80\x99") +
	    count(w.headline, "\"");
	for (i = 0; i < w.nparas; i++)
		q_parsed += count(w.paras[i], "\xe2\x80\x99") +
		    count(w.paras[i], "\"");
	ok(q_file > 0 && q_parsed == q_file, "quotes are kept (%zu of %zu)",
	    q_parsed, q_file);

	md = wire_markdown(&A, &w);
	ok(md_render(&A, md, &html, &text) == 0, "its Markdown renders");
	is_str(text, joined(&w), "to the same text");
	is_int(count(html, "<p>"), w.nparas, "one <p> per paragraph");
	ok(strstr(html, "<a ") == NULL && strstr(html, "<em>") == NULL &&
	    strstr(html, "<h") == NULL, "and no other markup");
}

static void
test_synthetic(void)
{
	size_t	 i;

	/* Errors. */
	ok(fails("", 0, "empty file"), "empty file");
	ok(FAILS("Head\n\nBo\0dy\n", "binary file (it holds NUL bytes)"),
	    "a NUL byte");
	ok(FAILS("Head\n\nBody \xff\n", "not UTF-8 text"), "invalid UTF-8");
	ok(FAILS("Head\n\nBody \xc0\xaf\n", "not UTF-8 text"),
	    "an overlong sequence");
	ok(FAILS("Head\n\nBody \xed\xa0\x80\n", "not UTF-8 text"),
	    "a surrogate");
	ok(FAILS("Head\n\nBody \xe2\x82", "not UTF-8 text"),
	    "a truncated sequence at the end");
	ok(FAILS("Head\n\nBody \x01\n",
	    "binary file (it holds control characters)"), "U+0001");
	ok(FAILS("Head\n\nBody \x1b[1m\n",
	    "binary file (it holds control characters)"), "an escape");
	ok(FAILS("Head\n\nBody \x7f\n",
	    "binary file (it holds control characters)"), "DEL");
	ok(FAILS("Head\n\nBody \xc2\x85\n",
	    "binary file (it holds control characters)"), "C1 U+0085");
	ok(FAILS("Head\f\n\nBody\n",
	    "binary file (it holds control characters)"), "a form feed");
	ok(FAILS("\n\n \t \n" NBSP "\n", "no headline (the file is blank)"),
	    "a blank file");
	ok(FAILS("\xef\xbb\xbf", "no headline (the file is blank)"),
	    "only a BOM");
	ok(FAILS("Headline only\n", "no body text after the headline"),
	    "no body");
	ok(FAILS("Headline\n\n" NBSP "Tag, Other\n",
	    "no body text after the headline"), "a headline and tags only");
	ok(FAILS("Headline\n\nComments\n\nAnn\nHi\n",
	    "no body text after the headline"), "a headline and comments only");
	ok(FAILS("H\n\nBody\n\nComments\n\nAnn\n\nBob\nHello\n",
	    "a comment has an author line but no text"),
	    "a comment block with no text");
	ok(FAILS("H\n\nBody\n\nComments\nAnn\n",
	    "a comment has an author line but no text"),
	    "an author right after the marker with no text");

	/* The basics. */
	ok(parse("Head line\n\nFirst paragraph.\n\nSecond one.\n") == 0 &&
	    W.nparas == 2 && W.ntags == 0 && W.ncomments == 0,
	    "two paragraphs, no tags, no comments");
	is_str(W.headline, "Head line", "the headline");
	is_str(W.paras[1], "Second one.", "the second paragraph");
	is_str(W.tags_field, "", "no tag field");
	ok(parse("  Head \t line  \n\na  b\tc  \n") == 0, "spaces");
	is_str(W.headline, "Head line", "are folded in the headline");
	is_str(W.paras[0], "a b c", "and in paragraphs");
	ok(parse("Head\nruns on\ninto text\n\nNext\n") == 0 && W.nparas == 2,
	    "the headline's block may run on into a paragraph");
	is_str(W.paras[0], "runs on into text", "lines of a block are joined");
	ok(parse("Head\n\n\n\n\nA\n \n\t\n" NBSP "\nB\n\n\n") == 0 &&
	    W.nparas == 2, "runs of blank lines, also of spaces and NBSP");
	ok(parse("Head\n\nBody \xe2\x80\x9cquoted\xe2\x80\x9d "
	    "it\xe2\x80\x99s \"plain\" 'single'\n") == 0 && strcmp(W.paras[0],
	    "Body \xe2\x80\x9cquoted\xe2\x80\x9d it\xe2\x80\x99s \"plain\" "
	    "'single'") == 0, "quotes of every kind are kept");
	ok(parse("Head\n\nOne" NBSP NBSP "two" NBSP "\n") == 0 &&
	    strcmp(W.paras[0], "One two") == 0, "NBSP is folded");

	/* Line ends and the BOM. */
	ok(parse("Head\r\n\r\nPara one\r\nline two\r\n\r\n" NBSP
	    "Tag1, Tag2\r\n") == 0 && W.nparas == 1 && W.ntags == 2,
	    "CRLF line ends");
	is_str(W.paras[0], "Para one line two", "no CR is left in the text");
	is_str(W.tags[1], "Tag2", "nor in the tags");
	ok(parse("Head\r\rPara\rmore\r\r Tag\r") == 0 && W.nparas == 1 &&
	    W.ntags == 1 && strcmp(W.paras[0], "Para more") == 0,
	    "CR line ends");
	ok(parse("Head\n\r\nA\r\n\nB") == 0 && W.nparas == 2,
	    "mixed line ends, no final newline");
	ok(parse("\xef\xbb\xbfHead\n\nBody\n") == 0 &&
	    strcmp(W.headline, "Head") == 0, "a BOM is dropped");
	ok(parse("Head\n\n\xef\xbb\xbf" "Body\xef\xbb\xbf text\n") == 0 &&
	    strcmp(W.paras[0], "Body text") == 0,
	    "so is a stray U+FEFF (Markdown would lose it at the start)");

	/* Tags. */
	ok(parse("H\n\nBody\n\n" NBSP " Harbour, Ferries , ,city council\n") == 0,
	    "a tag line indented with NBSP");
	ok(W.ntags == 3 && strcmp(W.tags[0], "Harbour") == 0 &&
	    strcmp(W.tags[1], "Ferries") == 0 &&
	    strcmp(W.tags[2], "city council") == 0,
	    "tags are trimmed and empty pieces dropped");
	is_str(W.tags_field, "Harbour, Ferries , ,city council",
	    "the field is kept, squished");
	ok(parse("H\n\nBody\n\n\tOne, one, ONE, Two\n") == 0 &&
	    W.ntags == 2 && strcmp(W.tags[0], "One") == 0,
	    "tags with one slug are one tag; the first spelling stays");
	ok(parse("H\n\nBody\n\n !!!, ---, Real\n") == 0 && W.ntags == 1,
	    "pieces without letters or digits are not tags");
	ok(parse("H\n\nBody\n\nNot, indented\n") == 0 && W.ntags == 0 &&
	    W.nparas == 2, "an unindented last line is a paragraph");
	ok(parse("H\n\nBody\n\n Two, lines\n More, tags\n") == 0 &&
	    W.ntags == 0 && W.nparas == 2,
	    "an indented block of two lines is a paragraph");
	ok(parse("H\n\n Tag, Line\n\nBody after\n") == 0 && W.ntags == 0 &&
	    W.nparas == 2, "tags are only the last block before comments");
	{
		struct buf b = BUF_INIT;

		buf_puts(&b, "H\n\nBody\n\n ");
		for (i = 0; i < WIRE_MAX_TAGS; i++)
			buf_printf(&b, "%stag %zu", i ? ", " : "", i);
		ok(parse(buf_cstr(&b)) == 0 && W.ntags == WIRE_MAX_TAGS,
		    "WIRE_MAX_TAGS tags");
		buf_puts(&b, ", one more\n");
		ok(fails(buf_cstr(&b), b.len, "more than 20 tags"),
		    "one more is refused");
		buf_reset(&b);
		buf_puts(&b, "H\n\nBody\n\n a");
		for (i = 0; i < WIRE_MAX_TAGS * 4; i++)
			buf_putc(&b, ',');
		ok(fails(buf_cstr(&b), b.len, "too many tags"),
		    "a field of many commas is refused before any work");
		buf_reset(&b);
		buf_puts(&b, "H\n\nBody\n\n ");
		for (i = 0; i < WIRE_MAX_TAG_LEN; i++)
			buf_puts(&b, "\xc3\xa9");
		ok(parse(buf_cstr(&b)) == 0 && W.ntags == 1,
		    "a tag of WIRE_MAX_TAG_LEN characters (in UTF-8)");
		buf_puts(&b, "e");
		ok(fails(buf_cstr(&b), b.len,
		    "a tag is longer than 60 characters"),
		    "one character more is refused");

		/* The headline's length, in characters. */
		buf_reset(&b);
		for (i = 0; i < WIRE_MAX_HEADLINE; i++)
			buf_puts(&b, "\xd0\xb6");
		buf_puts(&b, "\n\nBody\n");
		ok(parse(buf_cstr(&b)) == 0, "a headline of WIRE_MAX_HEADLINE "
		    "characters (in UTF-8)");
		buf_reset(&b);
		for (i = 0; i <= WIRE_MAX_HEADLINE; i++)
			buf_putc(&b, 'x');
		buf_puts(&b, "\n\nBody\n");
		ok(fails(buf_cstr(&b), b.len, "the headline (first line) is "
		    "longer than 300 characters"), "one character more");
		buf_free(&b);
	}
	{
		const char	**tags;
		const char	 *e = NULL;

		is_int(tags_split(&A, "", &tags, &e), 0, "tags_split: empty");
		is_int(tags_split(&A, ",,, ,", &tags, &e), 0, "only commas");
		ok(tags_split(&A, " a ,b,  c  d ", &tags, &e) == 3 &&
		    strcmp(tags[2], "c d") == 0, "three, squished");
		ok(tags_split(&A, "Caf\xc3\xa9, cafe", &tags, &e) == 1,
		    "'Caf\xc3\xa9' and 'cafe' share a slug: one tag");
	}

	/* Comments. */
	ok(parse("H\n\nBody\n\n Tag\n\nComments\n\nAlice\nGreat piece.\n"
	    "Second line.\n\nBob  Smith\nThanks\n") == 0 && W.ncomments == 2,
	    "two comments");
	is_str(W.comments[0].author, "Alice", "the author of the first");
	is_str(W.comments[0].body, "Great piece.\nSecond line.",
	    "its lines are kept");
	is_str(W.comments[1].author, "Bob Smith", "the author is squished");
	ok(W.ntags == 1 && W.nparas == 1, "tags and body as before");
	ok(parse("H\n\nBody\n\ncomments\nAnn\nHi\n") == 0 && W.ncomments == 1 &&
	    strcmp(W.comments[0].author, "Ann") == 0 &&
	    strcmp(W.comments[0].body, "Hi") == 0,
	    "the marker is case-insensitive; a comment may follow at once");
	ok(parse("H\n\nBody\n\n  Comments  \n") == 0 && W.ncomments == 0 &&
	    W.nparas == 1, "the marker alone");
	ok(parse("H\n\nComments about it are welcome\n") == 0 &&
	    W.nparas == 1 && W.ncomments == 0,
	    "a paragraph that starts with 'Comments' is no marker");
	ok(parse("Comments\n\nBody\n") == 0 && strcmp(W.headline,
	    "Comments") == 0 && W.nparas == 1,
	    "a headline 'Comments' is a headline");
}

/* wire_markdown's escapes: md_render must give back the literal text. */
static void
test_markdown(void)
{
	static const char *const paras[] = {
		"# not a heading",
		"## nor this",
		"- not a list",
		"+ nor this",
		"* nor this",
		"1. not ordered",
		"2) nor this",
		"123456789. nor a long one",
		"1.5 million, 3,000 homes",
		"> not a quote",
		"=== not a setext line",
		"--- not a rule",
		"***",
		"___",
		"*stars* and _underscores_ and **bold**",
		"`code` and ``more``",
		"```",
		"~~~",
		"[a link](http://example.com) and [ref][1]",
		"[1]: http://example.com",
		"![an image](/static/x.png)",
		"<b>raw html</b> <script>alert(1)</script>",
		"<!-- comment -->",
		"<http://example.com> and http://example.com",
		"a \\ backslash and a trailing one \\",
		"\\*escaped already\\*",
		"&amp; &copy; &#65; &#x41; entities",
		"| a | b |",
		"~~strike~~",
		"Quotes \"straight\" and \xe2\x80\x9c" "curly\xe2\x80\x9d",
		"Ends with two spaces? No: squished.",
		"tab\tinside",
		"!important",
		"a_b_c and snake_case_name",
		"email@example.com",
	};
	struct wire	 w;
	const char	*md, *html, *text;
	size_t		 i;
	int		 bad_text = 0, bad_html = 0;

	memset(&w, 0, sizeof(w));
	for (i = 0; i < sizeof(paras) / sizeof(paras[0]); i++) {
		w.paras = (const char **)&paras[i];
		w.nparas = 1;
		md = wire_markdown(&A, &w);
		if (md_render(&A, md, &html, &text) < 0 ||
		    strcmp(text, paras[i]) != 0) {
			bad_text++;
			diag("'%s' came back as '%s'", paras[i], text);
		}
		if (strncmp(html, "<p>", 3) != 0 ||
		    count(html, "<") != 2) {
			bad_html++;
			diag("'%s' became markup: %s", paras[i], html);
		}
	}
	is_int(bad_text, 0, "Markdown punctuation in wire text comes back "
	    "literally");
	is_int(bad_html, 0, "and makes no markup but the paragraph");

	w.paras = (const char **)paras;
	w.nparas = 3;
	md = wire_markdown(&A, &w);
	ok(md_render(&A, md, &html, &text) == 0 && count(html, "<p>") == 3,
	    "paragraphs stay paragraphs");
	is_str(text, "# not a heading\n\n## nor this\n\n- not a list",
	    "and their text is kept");
	w.nparas = 0;
	is_str(wire_markdown(&A, &w), "", "no paragraphs, no Markdown");
}

/* The byline, dateline and source line conventions. */
static void
test_fields(void)
{
	ok(parse("Head\n\nBy Ann Lee\n\nPORT ARDENT \xe2\x80\x94 The council met.\n\n"
	    "More.\n\nSource: the city's press office\n") == 0,
	    "copy with a byline, dateline and source parses");
	is_str(W.byline, "By Ann Lee", "the byline is its own field");
	is_str(W.dateline, "PORT ARDENT", "so is the dateline");
	is_str(W.source, "Source: the city's press office", "and the source line");
	is_int(W.nparas, 2, "none of them is a paragraph");
	is_str(W.paras[0], "The council met.", "the dateline is cut from the lede");

	ok(parse("Head\n\nЗАРЕЧЬЕ - Библиотека открылась.\n") == 0 &&
	    strcmp(W.dateline, "ЗАРЕЧЬЕ") == 0 &&
	    strcmp(W.paras[0], "Библиотека открылась.") == 0,
	    "a Cyrillic dateline with a hyphen");
	ok(parse("Head\n\nWASHINGTON, D.C. \xe2\x80\x93 Text.\n") == 0 &&
	    strcmp(W.dateline, "WASHINGTON, D.C.") == 0, "commas and stops in a place");

	ok(parse("Head\n\nBy the end of the year, the ferry will run.\n\nMore.\n") == 0 &&
	    *W.byline == '\0' && W.nparas == 2,
	    "a sentence starting with \"By\" is not a byline");
	ok(parse("Head\n\nBy Ann Lee\n") == 0 && *W.byline == '\0' &&
	    W.nparas == 1, "nor is a lone paragraph");
	ok(parse("Head\n\nThe NATO summit - as expected - ended.\n") == 0 &&
	    *W.dateline == '\0', "mixed case before a dash is no dateline");
	ok(parse("Head\n\nA - b.\n") == 0 && *W.dateline == '\0',
	    "one letter is no dateline");
	ok(parse("Head\n\nUK -\n") == 0 && *W.dateline == '\0' &&
	    strcmp(W.paras[0], "UK -") == 0, "nor a place with nothing after it");
	ok(parse("Head\n\nSource: the agency\n") == 0 && *W.source == '\0' &&
	    W.nparas == 1, "a lone \"Source:\" paragraph stays the text");
}

int
main(void)
{
	arena_init(&A, 0);
	test_seed();
	test_synthetic();
	test_fields();
	test_markdown();
	arena_free(&A);
	return done_testing();
}

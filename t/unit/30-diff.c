/*
 * 30-diff.c: the line diff of the revisions page (src/util/diff.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/util/arena.h"
#include "../../src/util/buf.h"
#include "../../src/util/diff.h"
#include "tap.h"

/* The diff as "op text" lines: " a", "-b", "+c", joined by '|'. */
static const char *
show(struct arena *a, const char *x, const char *y)
{
	struct diff_line *d;
	struct buf	 b = BUF_INIT;
	size_t		 n, i;
	const char	*s;

	n = diff_lines(a, x, y, &d);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%c%s", i ? "|" : "",
		    d[i].op == DIFF_SAME ? ' ' : d[i].op == DIFF_DEL ? '-' : '+',
		    d[i].text);
	s = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return s;
}

/* Apply the diff's new side: the lines not removed, in order. */
static int
rebuilds(struct arena *a, const char *x, const char *y)
{
	struct diff_line *d;
	struct buf	 ob = BUF_INIT, nb = BUF_INIT;
	size_t		 n, i;
	int		 ok_;

	n = diff_lines(a, x, y, &d);
	for (i = 0; i < n; i++) {
		if (d[i].op != DIFF_ADD)
			buf_printf(&ob, "%s\n", d[i].text);
		if (d[i].op != DIFF_DEL)
			buf_printf(&nb, "%s\n", d[i].text);
	}
	ok_ = strcmp(buf_cstr(&ob), x) == 0 && strcmp(buf_cstr(&nb), y) == 0;
	buf_free(&ob);
	buf_free(&nb);
	return ok_;
}

int
main(void)
{
	struct arena	 a;
	struct diff_line *d;
	struct buf	 x = BUF_INIT, y = BUF_INIT;
	size_t		 n, i;
	int		 seed;

	(void)tap_skip_all;
	arena_init(&a, 0);
	is_str(show(&a, "", ""), "", "two empty texts: no lines");
	is_str(show(&a, "a\nb\n", "a\nb\n"), " a| b", "equal texts: all same");
	is_str(show(&a, "a\nb\nc\n", "a\nc\n"), " a|-b| c", "a line removed");
	is_str(show(&a, "a\nc\n", "a\nb\nc\n"), " a|+b| c", "a line added");
	is_str(show(&a, "a\nb\nc\n", "a\nB\nc\n"), " a|-b|+B| c",
	    "a line changed: removal before addition");
	is_str(show(&a, "", "x\ny\n"), "+x|+y", "from nothing");
	is_str(show(&a, "x\ny\n", ""), "-x|-y", "to nothing");
	is_str(show(&a, "a\nb\nc\nd\ne\n", "b\nc\nX\ne\nf\n"),
	    "-a| b| c|-d|+X| e|+f", "changes at both ends and inside");
	is_str(show(&a, "a\r\nb\r\n", "a\nb\n"), " a| b",
	    "CRLF and LF lines compare equal");
	is_str(show(&a, "a\nb", "a\nb\n"), " a| b",
	    "a missing final newline is not a change");
	is_str(show(&a, "p\nq\np\nq\n", "q\np\nq\np\n"), "-p| q| p| q|+p",
	    "a shortest difference for a shifted text");

	n = diff_lines(&a, "one\ntwo\nthree\n", "one\n2\nthree\nfour\n", &d);
	is_int(n, 5, "five lines in the result");
	ok(d[0].old_no == 1 && d[0].new_no == 1, "same line: both numbers");
	ok(d[1].op == DIFF_DEL && d[1].old_no == 2 && d[1].new_no == 0,
	    "removed line: old number only");
	ok(d[2].op == DIFF_ADD && d[2].old_no == 0 && d[2].new_no == 2,
	    "added line: new number only");
	ok(d[4].op == DIFF_ADD && d[4].new_no == 4, "appended line numbered");
	is_int(diff_changes(d, n), 3, "three changed lines");

	/* Random texts over a small alphabet: the diff always rebuilds both. */
	srand(7);
	for (seed = 0; seed < 200; seed++) {
		buf_reset(&x);
		buf_reset(&y);
		for (i = (size_t)(rand() % 12); i > 0; i--)
			buf_printf(&x, "%c\n", 'a' + rand() % 4);
		for (i = (size_t)(rand() % 12); i > 0; i--)
			buf_printf(&y, "%c\n", 'a' + rand() % 4);
		if (!rebuilds(&a, buf_cstr(&x), buf_cstr(&y)))
			break;
	}
	is_int(seed, 200, "200 random pairs: both sides rebuilt from the diff");

	/* Past the table limit: still a correct difference. */
	buf_reset(&x);
	buf_reset(&y);
	for (i = 0; i < 3000; i++) {
		buf_printf(&x, "old %zu\n", i);
		buf_printf(&y, "new %zu\n", i);
	}
	ok(rebuilds(&a, buf_cstr(&x), buf_cstr(&y)),
	    "3000 x 3000 lines (past the table limit): still correct");
	n = diff_lines(&a, buf_cstr(&x), buf_cstr(&y), &d);
	is_int(diff_changes(d, n), 6000, "every line removed and added");

	/* Word by word: the pieces give back both texts; one changed word
	 * is one removal and one addition, the rest unchanged. */
	{
		struct diff_word	*w;
		struct buf		 o = BUF_INIT, n2 = BUF_INIT;
		const char		*wx = "The last ferry leaves at 23:40.\n\nTickets stay valid.";
		const char		*wy = "The last ferry leaves at 23:55.\n\nTickets stay valid.";
		size_t			 nw, k, changed = 0;

		nw = diff_words(&a, wx, wy, &w);
		for (k = 0; k < nw; k++) {
			if (w[k].op != DIFF_ADD)
				buf_puts(&o, w[k].text);
			if (w[k].op != DIFF_DEL)
				buf_puts(&n2, w[k].text);
			if (w[k].op != DIFF_SAME)
				changed++;
		}
		is_str(buf_cstr(&o), wx, "words: the old text comes back");
		is_str(buf_cstr(&n2), wy, "words: the new text comes back");
		is_int((long long)changed, 2, "one word removed, one added");
		ok(nw == 4 && w[1].op == DIFF_DEL &&
		    strcmp(w[1].text, "23:40.\n\n") == 0 &&
		    w[2].op == DIFF_ADD, "the changed word with its spaces");
		buf_free(&o);
		buf_free(&n2);
		nw = diff_words(&a, "", "new words", &w);
		ok(nw == 1 && w[0].op == DIFF_ADD &&
		    strcmp(w[0].text, "new words") == 0, "from nothing: one addition");
	}
	buf_free(&x);
	buf_free(&y);
	arena_free(&a);
	return done_testing();
}

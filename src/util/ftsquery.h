/*
 * ftsquery.h: what a reader types into the search box, made into a safe
 * SQLite FTS5 query.
 *
 * The reader's text is only ever words.  Each word becomes an FTS5
 * string ("word", with any quote inside doubled), so that nothing typed
 * is FTS5 syntax: AND, OR, NOT, NEAR(, *, -, +, ^, :, parentheses and
 * quotes are all plain text, which the index's own tokenizer then splits
 * exactly as it split the articles.  The strings are put side by side,
 * which FTS5 reads as "all of these".
 *
 * - Words are separated by white space (ASCII and Unicode spaces),
 *   control characters, malformed UTF-8, and the private-use characters
 *   that mark search snippets (see snippet.h).
 * - A word with no letter or digit (ASCII letters and digits, or any
 *   character beyond ASCII) is dropped: "-" or "(" alone means nothing.
 * - At most FTSQ_MAXWORDS words are kept, each cut to FTSQ_MAXWORD bytes
 *   at a character boundary, so that the query's cost is bounded.
 * - The last word matches as a prefix ("moskal" finds "Moskalkova") when
 *   it ends in a run of at least FTSQ_PREFIXMIN letters or digits.
 *
 * Pure C: no allocation, no global state, any input bytes at all.
 */
#ifndef GAZETTE_FTSQUERY_H
#define GAZETTE_FTSQUERY_H

#include <stddef.h>

#define FTSQ_MAXWORDS	12
#define FTSQ_MAXWORD	64	/* bytes per word */
#define FTSQ_PREFIXMIN	3	/* letters or digits for a prefix match */

/* Room for every word quoted, its quotes doubled, a space, and "*". */
#define FTSQ_MATCHMAX	(FTSQ_MAXWORDS * (2 * FTSQ_MAXWORD + 3) + 2)
#define FTSQ_WORDSMAX	(FTSQ_MAXWORDS * (FTSQ_MAXWORD + 1) + 1)

struct ftsq {
	char	 match[FTSQ_MATCHMAX];	/* for MATCH: "w1" "w2" "w3"* */
	char	 words[FTSQ_WORDSMAX];	/* the kept words, one space apart */
	int	 nwords;		/* 0: nothing to search for */
	int	 prefix;		/* 1: the last word is a prefix */
};

/*
 * Build q from the n bytes at in (which may hold anything, NUL bytes
 * included).  Both strings in q are NUL-terminated and valid UTF-8.
 * Returns q->nwords; with 0, both strings are empty and there is
 * nothing to search for.
 */
int	 ftsq_build(struct ftsq *q, const char *in, size_t n);

#endif

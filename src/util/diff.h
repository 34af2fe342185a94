/*
 * diff.h: a line-by-line or word-by-word difference between two texts,
 * as the revisions page and an editing conflict show it.  The classic longest-common-subsequence
 * table over the lines that differ once the common head and tail are
 * set aside; past DIFF_MAX_CELLS table cells (two long texts that
 * differ everywhere) the middle is shown as removed, then added, which
 * is still a correct, if not the shortest, difference.
 */
#ifndef GAZETTE_DIFF_H
#define GAZETTE_DIFF_H

#include <stddef.h>

struct arena;

#define DIFF_MAX_CELLS	(4u * 1024 * 1024)

enum diff_op {
	DIFF_SAME,
	DIFF_DEL,	/* only in the old text */
	DIFF_ADD,	/* only in the new text */
};

struct diff_line {
	enum diff_op	 op;
	const char	*text;		/* the line, without its newline */
	size_t		 old_no;	/* 1-based line in the old text (0: none) */
	size_t		 new_no;	/* 1-based line in the new text (0: none) */
};

/*
 * Compare old and new (NUL-terminated; lines end in "\n", a trailing
 * "\r" is dropped).  Stores the lines in order, removals before
 * additions within a change, in *out (arena); returns their number.
 */
size_t	 diff_lines(struct arena *, const char *old, const char *new_,
	    struct diff_line **out);

/* A piece of a word-by-word difference: a run of words (each with the
 * white space after it) of one kind. */
struct diff_word {
	enum diff_op	 op;
	const char	*text;
};

/*
 * Compare old and new word by word: a word is a run of characters other
 * than ASCII white space, with the white space after it, so that the
 * pieces put together give back the texts, line breaks included.  Runs
 * of one kind are joined.  Stores the pieces in order, removals before
 * additions within a change, in *out (arena); returns their number.
 */
size_t	 diff_words(struct arena *, const char *old, const char *new_,
	    struct diff_word **out);

/* How many lines of the result are not DIFF_SAME. */
size_t	 diff_changes(const struct diff_line *, size_t n);

#endif

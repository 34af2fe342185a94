/*
 * excerpt.h: short plain texts made from longer ones, for the metadata
 * that search engines, feed readers and link previews read: a
 * description from an article's HTML, an author's name from a byline.
 * Results are plain text (the templates escape them), owned by the arena.
 */
#ifndef GAZETTE_EXCERPT_H
#define GAZETTE_EXCERPT_H

#include <stddef.h>

struct arena;

#define EXCERPT_MAX	200	/* bytes: what a description usually shows */

/*
 * The start of html (cmark's output) as plain text: tags removed
 * (block elements become a space), the character references cmark
 * writes decoded (&amp; &lt; &gt; &quot; &#NN; &#xNN;), white space
 * folded, cut to at most max bytes at a word boundary (or a character
 * boundary for a long word) with "…" added when cut.  "" for no text.
 */
char	*text_excerpt(struct arena *, const char *html, size_t max);

/*
 * The author's name in a byline: "By Jane Doe" gives "Jane Doe" (any
 * case of "by", and white space folded); "" stays "".
 */
char	*byline_name(struct arena *, const char *byline);

#endif

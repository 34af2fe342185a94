/*
 * snippet.h: search snippets, safely.
 *
 * SQLite's snippet() marks the matched words in an excerpt with strings
 * of our choosing.  Gazette uses two private-use characters that no
 * article text holds (the store strips them before indexing), and this
 * splits the excerpt at them into plain and marked parts, so that the
 * template escapes every part and adds the <mark> element itself.  No
 * HTML is ever made here.
 */
#ifndef GAZETTE_SNIPPET_H
#define GAZETTE_SNIPPET_H

#include <stddef.h>

struct arena;

#define SNIP_OPEN	"\xee\x80\x80"	/* U+E000: a match starts */
#define SNIP_CLOSE	"\xee\x80\x81"	/* U+E001: a match ends */
#define SNIP_ELLIPSIS	"\xe2\x80\xa6"	/* U+2026, where text was cut */

struct snip_part {
	const char	*text;		/* NUL-terminated, never empty */
	int		 mark;		/* 1: a matched word */
};

/*
 * Split s into parts (in the arena).  Marks that do not pair up are
 * tolerated: an opening mark inside a match and a closing one outside
 * are dropped.  Returns the number of parts; *out is never NULL.
 */
size_t	 snip_split(struct arena *, const char *s, struct snip_part **out);

/* 1 if some part of s is marked. */
int	 snip_has_mark(const char *s);

/*
 * s without the mark characters: s itself when it holds none, else a
 * copy in the arena.  NULL gives NULL.
 */
const char *snip_clean(struct arena *, const char *s);

#endif

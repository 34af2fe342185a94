/*
 * wire.h: plain-text wire copy, as agencies send it:
 *
 *   Headline on the first line
 *
 *   Paragraphs separated by blank lines ...
 *
 *   <white space>Tag one, Tag two, Tag three
 *
 *   Comments
 *
 *   Author Name
 *   Text of a comment, one block per comment.
 *
 * Three wire conventions are recognised, so that the importer fills the
 * article's own fields:
 *   - a byline: a short first paragraph "By Jane Doe" (no final stop);
 *   - a dateline: an upper-case place at the start of the first
 *     paragraph, followed by a dash: "PORT ARDENT — The council ...";
 *   - a source line: a last paragraph starting "Source:".
 *
 * The tag line is the last block before "Comments", one line indented
 * with white space (wire copy often uses U+00A0).  The Comments marker
 * and what follows it are optional; Gazette's sample articles use it to
 * ship a few comments.  All white space runs are folded; quotes and
 * other Unicode are kept as they are.
 */
#ifndef GAZETTE_WIRE_H
#define GAZETTE_WIRE_H

#include <stddef.h>

struct arena;

#define WIRE_MAX_TAGS		20
#define WIRE_MAX_TAG_LEN	60	/* characters */
#define WIRE_MAX_HEADLINE	300	/* characters */

struct wire_comment {
	const char	*author;
	const char	*body;	/* lines kept, joined by "\n" */
};

struct wire {
	const char	 *headline;
	const char	 *byline;	/* "By Jane Doe", or "" */
	const char	 *dateline;	/* "PORT ARDENT", or "" */
	const char	 *source;	/* "Source: ...", or "" */
	const char	**paras;
	size_t		  nparas;
	const char	**tags;
	size_t		  ntags;
	const char	 *tags_field;	/* "Russia, Putin, ..." as cleaned */
	struct wire_comment *comments;
	size_t		  ncomments;
};

/*
 * Parse len bytes of wire copy.  Returns 0, or -1 with *err set to a
 * short reason ("empty file", "not UTF-8 text", "no headline", ...).
 * Everything in *w is owned by the arena.
 */
int	 wire_parse(struct arena *, const char *data, size_t len,
	    struct wire *w, const char **err);

/* The paragraphs as Markdown, with Markdown's punctuation escaped. */
char	*wire_markdown(struct arena *, const struct wire *);

/*
 * Split a comma-separated tag field into cleaned, distinct tag names
 * (told apart case-insensitively by their slug).  Returns the count, or
 * -1 with *err set if there are too many or one is too long.
 */
int	 tags_split(struct arena *, const char *field, const char ***out,
	    const char **err);

#endif

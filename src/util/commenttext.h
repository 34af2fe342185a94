/*
 * commenttext.h: readers' comments are plain text.  This splits one into
 * paragraphs, lines and segments (text, or a web address to be linked),
 * so that the template can add the markup and escape every piece.
 * Nothing here produces HTML.
 */
#ifndef GAZETTE_COMMENTTEXT_H
#define GAZETTE_COMMENTTEXT_H

#include <stddef.h>

struct arena;

enum ct_kind {
	CT_TEXT,
	CT_LINK,	/* an http:// or https:// address */
};

struct ct_seg {
	enum ct_kind	 kind;
	const char	*text;	/* NUL-terminated copy */
};

struct ct_line {
	struct ct_seg	*segs;
	size_t		 nsegs;
};

struct ct_para {
	struct ct_line	*lines;
	size_t		 nlines;
};

/*
 * Split text into paragraphs (separated by blank lines) of lines (CR
 * and LF break lines) of segments.  Leading and trailing blank lines
 * are dropped.  Returns the number of paragraphs; *out is in the arena.
 */
size_t	 ct_split(struct arena *, const char *text, struct ct_para **out);

#endif

/*
 * markdown.h: an article's Markdown, rendered once when it is saved.
 */
#ifndef GAZETTE_MARKDOWN_H
#define GAZETTE_MARKDOWN_H

struct arena;

/*
 * Render md with cmark in safe mode: raw HTML is dropped, links to
 * javascript:, vbscript:, file: and data: (but images) are emptied, and
 * images that are not on this site (anything but a path starting with a
 * single "/") become plain links, so that no page loads anything from
 * elsewhere.  Invalid UTF-8 becomes U+FFFD.  *html gets the HTML and
 * *text the plain text (for the search index: blocks separated by one
 * blank line, no markup), both in the arena.  Returns 0, or -1 out of
 * memory.
 */
int	 md_render(struct arena *, const char *md, const char **html,
	    const char **text);

/* 1 if md holds raw HTML, which md_render() drops; 0, or -1. */
int	 md_raw_html(const char *md);

#endif

/*
 * markdown.h: an article's Markdown, rendered once when it is saved.
 */
#ifndef GAZETTE_MARKDOWN_H
#define GAZETTE_MARKDOWN_H

struct arena;

/* How the Markdown names a library image: ![note](media:12). */
#define MD_MEDIA_SCHEME	"media:"
/* The largest number such an image may have (a larger one is a link). */
#define MD_MEDIA_MAX	999999999999LL
/*
 * What md_render() leaves for one: `<figure data-media="12"></figure>`,
 * a block of its own, which pages replace by the image (see
 * src/ctl/media_body.c).  Nothing an editor types renders as this:
 * raw HTML is dropped.
 */
#define MD_MEDIA_FIGURE	"<figure data-media=\""

/*
 * Render md with cmark in safe mode: raw HTML is dropped, links to
 * javascript:, vbscript:, file: and data: (but images) are emptied, and
 * images that are not on this site (anything but a path starting with a
 * single "/") become plain links, so that no page loads anything from
 * elsewhere.  A library image, ![note](media:ID), becomes a placeholder
 * figure (MD_MEDIA_FIGURE) after the paragraph it stood in.  Invalid UTF-8 becomes U+FFFD.  *html gets the HTML and
 * *text the plain text (for the search index: blocks separated by one
 * blank line, no markup), both in the arena.  Returns 0, or -1 out of
 * memory.
 */
int	 md_render(struct arena *, const char *md, const char **html,
	    const char **text);

/*
 * The first placeholder (MD_MEDIA_FIGURE) in rendered html: its start,
 * with *id the image's number and *end just past it; NULL if none.
 */
const char	*md_media_next(const char *html, long long *id,
		    const char **end);

/* 1 if md holds raw HTML, which md_render() drops; 0, or -1. */
int	 md_raw_html(const char *md);

#endif

/*
 * abslinks.h: the links of an article's HTML made absolute, for copies
 * of it that leave the site (feed entries), where a reader that stores
 * the content has no address to resolve "/tags/x" against.
 */
#ifndef GAZETTE_ABSLINKS_H
#define GAZETTE_ABSLINKS_H

struct arena;

/*
 * html (cmark's output, whose attribute values are quoted and never hold
 * a raw '"') with every href and src value resolved against page, the
 * absolute address of the page the HTML belongs to: "/x" becomes
 * origin + "/x" (origin: page's scheme and host), "//host/x" takes
 * page's scheme, "#a" and "?q" hang off page, "x" sits beside page, an
 * empty value (a link cmark emptied) becomes page itself, and a value
 * with a scheme stays as it is.  Owned by the arena.
 */
char	*html_absolute_links(struct arena *, const char *html,
	    const char *page);

#endif

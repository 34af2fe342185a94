/*
 * 58-abslinks.c: links of article HTML made absolute for feeds
 * (abslinks.c), on cmark's own output.
 */
#include <string.h>

#include "../../src/util/abslinks.h"
#include "../../src/util/arena.h"
#include "../../src/util/markdown.h"
#include "tap.h"

static struct arena	 A;

#define PAGE	"https://news.example.org/articles/ferry-route"

static const char *
abs_html(const char *html)
{
	return html_absolute_links(&A, html, PAGE);
}

/* The HTML cmark makes of md, made absolute. */
static const char *
abs_md(const char *md)
{
	const char	*html, *text;

	if (md_render(&A, md, &html, &text) < 0)
		return "(render failed)";
	return abs_html(html);
}

int
main(void)
{
	arena_init(&A, 0);

	is_str(abs_html("<p><a href=\"/tags/harbour\">Harbour</a></p>"),
	    "<p><a href=\"https://news.example.org/tags/harbour\">Harbour</a></p>",
	    "a site path gets the origin");
	is_str(abs_html("<img src=\"/static/map.png\" alt=\"Map\" />"),
	    "<img src=\"https://news.example.org/static/map.png\" alt=\"Map\" />",
	    "an image's src too");
	is_str(abs_html("<a href=\"https://example.org/x?a=1&amp;b=2\">x</a>"),
	    "<a href=\"https://example.org/x?a=1&amp;b=2\">x</a>",
	    "an absolute link stays as it is");
	is_str(abs_html("<a href=\"mailto:desk@example.org\">desk</a>"),
	    "<a href=\"mailto:desk@example.org\">desk</a>",
	    "so does any other scheme");
	is_str(abs_html("<a href=\"//cdn.example.org/a\">a</a>"),
	    "<a href=\"https://cdn.example.org/a\">a</a>",
	    "a scheme-relative link takes the page's scheme");
	is_str(abs_html("<a href=\"#note-1\">1</a>"),
	    "<a href=\"" PAGE "#note-1\">1</a>", "a fragment hangs off the page");
	is_str(abs_html("<a href=\"?page=2\">2</a>"),
	    "<a href=\"" PAGE "?page=2\">2</a>", "so does a query");
	is_str(abs_html("<a href=\"other-story\">o</a>"),
	    "<a href=\"https://news.example.org/articles/other-story\">o</a>",
	    "a relative path sits beside the page");
	is_str(abs_html("<a href=\"../tags/x\">x</a>"),
	    "<a href=\"https://news.example.org/articles/../tags/x\">x</a>",
	    "dot segments are left to the reader, with an absolute base");
	is_str(abs_html("<a href=\"\">gone</a>"),
	    "<a href=\"" PAGE "\">gone</a>",
	    "an emptied link becomes the page itself");
	is_str(abs_html("<p>Text with href=&quot;/x&quot; in it</p>"),
	    "<p>Text with href=&quot;/x&quot; in it</p>",
	    "text that looks like an attribute is left alone");
	is_str(abs_html("<p>No links at all.</p>"), "<p>No links at all.</p>",
	    "HTML with no links is unchanged");
	is_str(abs_html(""), "", "nothing stays nothing");

	/* Through cmark, as articles are rendered. */
	is_str(abs_md("See [the harbour](/tags/harbour) and ![map](/static/m.png \"The \\\"map\\\"\")."),
	    "<p>See <a href=\"https://news.example.org/tags/harbour\">the harbour</a> and "
	    "<img src=\"https://news.example.org/static/m.png\" alt=\"map\" title=\"The &quot;map&quot;\" />.</p>\n",
	    "cmark's links and images");
	is_str(abs_md("[x](javascript:alert(1))"),
	    "<p><a href=\"" PAGE "\">x</a></p>\n",
	    "a link cmark emptied points at the page, never at a script");
	is_str(abs_md("`<a href=\"/x\">`"),
	    "<p><code>&lt;a href=&quot;/x&quot;&gt;</code></p>\n",
	    "code that shows a link is not a link");

	arena_free(&A);
	return done_testing();
}

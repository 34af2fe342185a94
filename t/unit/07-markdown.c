/*
 * 07-markdown: md_render() (src/util/markdown.c): cmark in safe mode,
 * remote images turned into links, and the plain text for search.
 */
#include <stdio.h>
#include <string.h>

#include "../../src/util/arena.h"
#include "../../src/util/markdown.h"
#include "../../src/util/text.h"
#include "tap.h"

static struct arena	 A;
static const char	*H, *T;

static const char *
html(const char *md)
{
	H = T = NULL;
	if (md_render(&A, md, &H, &T) < 0)
		return "(md_render failed)";
	return H;
}

static int
has(const char *hay, const char *needle)
{
	return strstr(hay, needle) != NULL;
}

static void
test_basics(void)
{
	is_str(html("Hello *world*"), "<p>Hello <em>world</em></p>\n",
	    "emphasis");
	is_str(T, "Hello world", "its plain text");
	is_str(html(""), "", "empty Markdown, empty HTML");
	is_str(T, "", "and empty text");
	is_str(html("a < b & \"c\""), "<p>a &lt; b &amp; &quot;c&quot;</p>\n",
	    "text is escaped");
	is_str(T, "a < b & \"c\"", "the plain text is not");
	is_str(html("&amp; &copy; &#65;"), "<p>&amp; © A</p>\n",
	    "entities are decoded");
	is_str(T, "& \xc2\xa9 A", "in the text too");
	html("a\xff b \xc0\xaf c \xed\xa0\x80");
	ok(utf8_valid(H, strlen(H)) && utf8_valid(T, strlen(T)),
	    "invalid UTF-8 in the Markdown gives valid UTF-8 out");
	ok(has(H, "\xef\xbf\xbd"), "as U+FFFD");
}

static void
test_raw_html(void)
{
	ok(!has(html("<script>alert(1)</script>"), "<script"),
	    "an HTML block is omitted");
	ok(has(H, "raw HTML omitted"), "with cmark's comment");
	ok(!has(html("a <b onclick=\"x()\">b</b> <img src=x onerror=y>"),
	    "<b") && !has(H, "<img") && !has(H, "onclick"),
	    "inline HTML is omitted");
	ok(!has(html("<div>secret</div>\n\nshown"), "<div") &&
	    !has(T, "secret") && has(T, "shown"),
	    "raw HTML is not in the plain text either");
	ok(!has(html("<!-- x --> <?php ?> <![CDATA[x]]>"), "<?php") &&
	    !has(H, "CDATA"), "comments, processing instructions, CDATA");
	ok(!has(html("<style>*{}</style>\n\n<iframe src=//x>"), "<style") &&
	    !has(H, "<iframe"), "style and iframe");
}

static void
test_links(void)
{
	static const char *const bad[] = {
		"[x](javascript:alert(1))",
		"[x](JAVASCRIPT:alert(1))",
		"[x](JaVaScRiPt:alert(1))",
		"[x](java&#x73;cript:alert(1))",
		"[x](<javascript:alert(1)>)",
		"[x](vbscript:msgbox(1))",
		"[x](data:text/html;base64,PHNjcmlwdD4=)",
		"[x](DATA:text/html,<script>)",
		"[x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
		"[x](file:///etc/passwd)",
		"<javascript:alert(1)>",
		"[x][r]\n\n[r]: javascript:alert(1)",
	};
	size_t	 i;
	int	 n = 0;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		html(bad[i]);
		if (!has(H, "href=\"\"") || has(H, "href=\"j") ||
		    has(H, "href=\"v") || has(H, "href=\"d") ||
		    has(H, "href=\"f")) {
			n++;
			diag("%s -> %s", bad[i], H);
		}
	}
	is_int(n, 0, "javascript:, vbscript:, data: (but images) and file: "
	    "links get an empty href");
	ok(has(html("[x](http://example.com/a?b=1&c=2)"),
	    "href=\"http://example.com/a?b=1&amp;c=2\""), "http links stay");
	ok(has(html("[x](/articles/a-b)"), "href=\"/articles/a-b\""),
	    "local links stay");
	ok(has(html("[x](http://a.com/\"onmouseover=alert(1))"),
	    "href=\"http://a.com/%22onmouseover=alert(1)\""),
	    "a quote in an address cannot end the attribute");
	ok(!has(html("[x](http://a.com \"t\" onclick=1)"), "onclick=1\""),
	    "nor can a title add one");
}

static void
test_images(void)
{
	ok(!has(html("![alt](http://evil.example/x.png)"), "<img"),
	    "a remote image is not loaded");
	is_str(H, "<p><a href=\"http://evil.example/x.png\">alt</a></p>\n",
	    "it becomes a link with the alt text");
	is_str(html("![alt](/static/x.png)"),
	    "<p><img src=\"/static/x.png\" alt=\"alt\" /></p>\n",
	    "a local image is kept");
	ok(!has(html("![alt](//evil.example/x.png)"), "<img"),
	    "'//evil' is remote");
	ok(!has(html("![alt](/\\evil.example/x.png)"), "<img"),
	    "'/\\evil' is remote");
	ok(!has(html("![alt](https://evil.example/x.png)"), "<img"),
	    "https is remote");
	ok(!has(html("![alt](x.png)"), "<img"), "a relative address is not "
	    "on this site's root: a link");
	ok(!has(html("![alt](data:image/png;base64,AAAA)"), "<img"),
	    "a data: image is not loaded");
	ok(!has(html("![alt](javascript:alert(1))"), "<img") &&
	    has(H, "href=\"\""), "a javascript: image is an empty link");
	ok(has(html("![](http://evil.example/x.png)"),
	    ">http://evil.example/x.png</a>"),
	    "without alt text, the link shows the address");
	ok(has(html("![alt](http://e.example/x.png \"Title\")"),
	    "title=\"Title\""), "the title is kept");
	ok(!has(html("[![a](http://evil.example/x.png)](http://a.example)"),
	    "<img"), "an image inside a link");
	ok(!has(html("![![in](http://x.example/y.png)](http://z.example/w.png)"),
	    "<img"), "an image inside an image's alt text");
	ok(!has(html("![alt][r]\n\n[r]: http://evil.example/x.png"), "<img"),
	    "a reference-style image");
	ok(!has(html("* ![a](http://e.example/1.png)\n* > ![b](//e.example/2.png)"
	    "\n\n# ![c](http://e.example/3.png)"), "<img"),
	    "images in lists, quotes and headings");
	ok(has(html("![a](/1.png) ![b](http://e.example/2.png) ![c](/3.png)"),
	    "<img src=\"/1.png\"") && has(H, "<img src=\"/3.png\"") &&
	    !has(H, "<img src=\"http"), "local and remote images mixed");
}

static void
test_text(void)
{
	html("# Heading\n\nPara *one*\nsoft  \nhard\n\n- item1\n- item2\n\n"
	    "> quoted\n\n```\ncode\n```\n\nafter `inline` code\n\n---\n\nlast");
	is_str(T, "Heading\n\nPara one soft hard\n\nitem1\n\nitem2\n\nquoted"
	    "\n\ncode\n\nafter inline code\n\nlast",
	    "plain text: blocks separated by one blank line, no markup");
	html("[a link](http://x.example) and ![an image](/i.png)");
	is_str(T, "a link and an image", "link and alt texts are text");
	html("\n\n\n");
	is_str(T, "", "blank Markdown, empty text");
	html("```\n\n\n```\n\ntext");
	is_str(T, "text", "a blank code block adds no blank lines");
}

static void
test_library_images(void)
{
	is_str(html("![A harbour](media:12)"),
	    "<figure data-media=\"12\"></figure>\n",
	    "a library image alone in its paragraph: the placeholder only");
	is_str(html("Before ![x](media:3) after\n\nNext"),
	    "<p>Before  after</p>\n<figure data-media=\"3\"></figure>\n"
	    "<p>Next</p>\n", "amid text: after its paragraph, not in it");
	is_str(html("![a](media:1)\n![b](media:2)"),
	    "<figure data-media=\"1\"></figure>\n"
	    "<figure data-media=\"2\"></figure>\n", "two keep their order");
	is_str(html("- ![a](media:5 \"t\")"),
	    "<ul>\n<li>\n<figure data-media=\"5\"></figure>\n</li>\n</ul>\n",
	    "in a list item");
	is_str(html("[![a](media:6)](http://x.example)"),
	    "<figure data-media=\"6\"></figure>\n",
	    "inside a link: the empty link goes");
	ok(!has(html("![x](media:0)"), "data-media") &&
	    !has(html("![x](media:-1)"), "data-media") &&
	    !has(html("![x](media:1a)"), "data-media") &&
	    !has(html("![x](media:99999999999999999999)"), "data-media") &&
	    !has(html("![x](media:1000000000000)"), "data-media") &&
	    !has(html("![x](MEDIA:1)"), "data-media"),
	    "a malformed number is no library image (a plain link)");
	ok(!has(html("![x](media:1\"onerror=alert(1))"), "\"onerror") &&
	    !has(H, "data-media"), "nor is anything after the number");
	is_str(html("![![in](media:8)](media:9)"),
	    "<figure data-media=\"9\"></figure>\n"
	    "<figure data-media=\"8\"></figure>\n",
	    "an image in another's alt text is taken out first");
	html("<figure data-media=\"7\"></figure>\n\n`<figure data-media=\"7\">`");
	ok(!has(H, "<figure"), "typed, the placeholder is raw HTML (dropped) "
	    "or code (escaped)");
	ok(has(html("![x](media:999999999999)"),
	    "data-media=\"999999999999\""), "the largest number is one");
	html("Words ![a secret note](media:4) more");
	is_str(T, "Words  more", "the note is not in the searched text");
	html("# Title ![a](media:4)");
	is_str(H, "<h1>Title </h1>\n<figure data-media=\"4\"></figure>\n",
	    "in a heading: after it");
}

int
main(void)
{
	arena_init(&A, 0);
	test_basics();
	test_raw_html();
	test_links();
	test_images();
	test_library_images();
	test_text();
	arena_free(&A);
	is_int(md_raw_html("Plain *text* and [a link](/x)."), 0, "no raw HTML");
	is_int(md_raw_html("Some <b>bold</b> words."), 1, "inline raw HTML");
	is_int(md_raw_html("<div>\nblock\n</div>\n"), 1, "a raw HTML block");
	is_int(md_raw_html("`<b>` in code"), 0, "HTML in code is text");
	return done_testing();
}

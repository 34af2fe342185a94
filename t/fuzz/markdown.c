/*
 * markdown.c (fuzz harness): an article's Markdown through md_render().
 * Checks: the HTML and the plain text are valid UTF-8; the HTML holds
 * only the elements cmark makes from Markdown (no raw HTML passes); no
 * href or src is javascript:, vbscript:, file: or data:text, nor hides
 * one behind a character reference; and every <img> is on this site (a
 * path starting with a single '/'); a library image's placeholder
 * figure is whole, where md_media_next() finds it.  Markdown is bounded by the editor's
 * form, so inputs beyond 64 KiB are skipped: cmark has super-linear
 * corners that would show up as timeouts the site never sees.
 */
#include <string.h>
#include <strings.h>

#include "../../src/util/arena.h"
#include "../../src/util/markdown.h"
#include "../../src/util/text.h"
#include "fuzz.h"

/* The elements cmark's HTML renderer writes for CommonMark. */
static const char *const tags[] = {
	"p", "em", "strong", "a", "img", "code", "pre", "h1", "h2", "h3",
	"h4", "h5", "h6", "ul", "ol", "li", "blockquote", "hr", "br", NULL,
};

static void
check_tag(const char *p)
{
	size_t	 i, n;

	if (strncmp(p, "<!-- raw HTML omitted -->", 25) == 0)
		return;
	p += 1 + (p[1] == '/');
	for (n = 0; (p[n] >= 'a' && p[n] <= 'z') || (p[n] >= '0' &&
	    p[n] <= '9'); n++)
		continue;
	for (i = 0; tags[i] != NULL; i++)
		if (strlen(tags[i]) == n && strncmp(p, tags[i], n) == 0)
			break;
	if (tags[i] == NULL)
		fprintf(stderr, "unexpected markup: %.40s\n", p - 1);
	FUZZ_CHECK(tags[i] != NULL);
	FUZZ_CHECK(p[n] == '>' || p[n] == ' ');
}

/* An attribute value (after 'name="'): a safe address. */
static void
check_url(const char *v, int img)
{
	const char	*q, *end = strchr(v, '"');

	FUZZ_CHECK(end != NULL);
	FUZZ_CHECK(strncasecmp(v, "javascript:", 11) != 0);
	FUZZ_CHECK(strncasecmp(v, "vbscript:", 9) != 0);
	FUZZ_CHECK(strncasecmp(v, "file:", 5) != 0);
	FUZZ_CHECK(strncasecmp(v, "data:text", 9) != 0);
	/* cmark writes '&' and '\'' as these two references, nothing else. */
	for (q = v; q < end; q++)
		FUZZ_CHECK(*q != '&' || strncmp(q, "&amp;", 5) == 0 ||
		    strncmp(q, "&#x27;", 6) == 0);
	if (img)
		FUZZ_CHECK(v[0] == '/' && v[1] != '/' && v[1] != '\\');
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena	 a;
	const char	*html, *text, *p;
	char		*md;

	if (size > 64 * 1024)
		return 0;
	arena_init(&a, 0);
	md = arena_strndup(&a, (const char *)data, size);
	FUZZ_CHECK(md_render(&a, md, &html, &text) == 0);
	FUZZ_CHECK(utf8_valid(html, strlen(html)));
	FUZZ_CHECK(utf8_valid(text, strlen(text)));
	for (p = html; (p = strchr(p, '<')) != NULL; p++) {
		long long	 id;
		const char	*end;

		/* A library image: the placeholder, and nothing else. */
		if (strncmp(p, "<figure", 7) == 0) {
			FUZZ_CHECK(md_media_next(p, &id, &end) == p && id > 0);
			p = end - 1;
			continue;
		}
		check_tag(p);
	}
	for (p = html; (p = strstr(p, " href=\"")) != NULL; p += 7)
		check_url(p + 7, 0);
	for (p = html; (p = strstr(p, " src=\"")) != NULL; p += 6)
		check_url(p + 6, 1);
	arena_free(&a);
	return 0;
}

/*
 * markdown.c: cmark, safely.  See markdown.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "arena.h"
#include "buf.h"
#include "markdown.h"
#include "text.h"

/* 1 and *id if url names a library image: "media:12". */
static int
media_ref(const char *url, long long *id)
{
	return url != NULL && strncmp(url, MD_MEDIA_SCHEME,
	    sizeof(MD_MEDIA_SCHEME) - 1) == 0 &&
	    parse_id(url + sizeof(MD_MEDIA_SCHEME) - 1, id) && *id > 0 &&
	    *id <= MD_MEDIA_MAX;
}

/* 1 if the inline node holds nothing but white space and line breaks. */
static int
inline_blank(cmark_node *n)
{
	cmark_node	*c;
	const char	*s;

	for (c = cmark_node_first_child(n); c != NULL;
	    c = cmark_node_next(c))
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			break;
		case CMARK_NODE_TEXT:
			for (s = cmark_node_get_literal(c); s && *s; s++)
				if (*s != ' ' && *s != '\t')
					return 0;
			break;
		default:
			return 0;
		}
	return 1;
}

/*
 * A library image becomes a block of its own: a placeholder figure
 * right after the paragraph (or heading) it stood in, which pages fill
 * in from the library when they are shown.  A figure cannot stand in a
 * paragraph; a paragraph (or link, emphasis) left empty goes.  Called
 * for a block's last image first, so that several keep their order.
 */
static void
image_to_figure(cmark_node *img, long long id)
{
	cmark_node	*b, *fig, *parent;
	cmark_node_type	 t;
	char		 html[64];

	for (b = cmark_node_parent(img); b != NULL; b = cmark_node_parent(b))
		if ((t = cmark_node_get_type(b)) == CMARK_NODE_PARAGRAPH ||
		    t == CMARK_NODE_HEADING)
			break;
	if (b == NULL)
		return;
	if ((fig = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)) == NULL)
		abort();
	snprintf(html, sizeof(html), MD_MEDIA_FIGURE "%lld\"></figure>", id);
	cmark_node_set_on_enter(fig, html);
	cmark_node_insert_after(b, fig);
	parent = cmark_node_parent(img);
	cmark_node_free(img);	/* unlinks it, with its alt text */
	/* Not an image holding it: that one is still to be done. */
	while (parent != b && cmark_node_first_child(parent) == NULL &&
	    cmark_node_get_type(parent) != CMARK_NODE_IMAGE) {
		img = parent;
		parent = cmark_node_parent(img);
		cmark_node_free(img);
	}
	if (inline_blank(b))
		cmark_node_free(b);
}

/* 1 if url is a path on this site ("/static/x.png"), not "//host/x". */
static int
local_url(const char *url)
{
	return url != NULL && url[0] == '/' && url[1] != '/' && url[1] != '\\';
}

/* Replace an image whose source is elsewhere by a link to it. */
static void
image_to_link(cmark_node *img)
{
	cmark_node	*link, *child;

	if ((link = cmark_node_new(CMARK_NODE_LINK)) == NULL)
		abort();
	cmark_node_set_url(link, cmark_node_get_url(img));
	cmark_node_set_title(link, cmark_node_get_title(img));
	while ((child = cmark_node_first_child(img)) != NULL) {
		cmark_node_unlink(child);
		cmark_node_append_child(link, child);
	}
	if (cmark_node_first_child(link) == NULL) {
		/* An image with no alt text: show the address. */
		cmark_node *t = cmark_node_new(CMARK_NODE_TEXT);
		if (t == NULL)
			abort();
		cmark_node_set_literal(t, cmark_node_get_url(img));
		cmark_node_append_child(link, t);
	}
	cmark_node_replace(img, link);
	cmark_node_free(img);
}

/*
 * End a block in the plain text: one blank line between blocks, however
 * deeply they nest (a paragraph in a list item ends both).
 */
static void
plain_break(struct buf *b)
{
	if (b->len == 0)
		return;
	while (b->len > 0 && b->data[b->len - 1] == '\n')
		b->len--;
	b->data[b->len] = '\0';
	if (b->len > 0)
		buf_puts(b, "\n\n");
}

int
md_render(struct arena *a, const char *md, const char **html,
    const char **text)
{
	cmark_node	*doc, *node, **imgs = NULL;
	cmark_iter	*it;
	cmark_event_type ev;
	struct buf	 plain = BUF_INIT;
	size_t		 nimg = 0, cap = 0, i;
	long long	 id;
	int		 note = 0;
	char		*out;

	/* Invalid UTF-8 becomes U+FFFD: pages are always valid UTF-8. */
	doc = cmark_parse_document(md, strlen(md), CMARK_OPT_DEFAULT |
	    CMARK_OPT_VALIDATE_UTF8);
	if (doc == NULL)
		return -1;
	/* Collect first: the tree must not change under the iterator. */
	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		node = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(node) == CMARK_NODE_IMAGE &&
		    (!local_url(cmark_node_get_url(node)) ||
		    media_ref(cmark_node_get_url(node), &id))) {
			if (nimg == cap) {
				cap = cap ? cap * 2 : 8;
				imgs = realloc(imgs, cap * sizeof(*imgs));
				if (imgs == NULL)
					abort();
			}
			imgs[nimg++] = node;
		}
		/* A library image's note is for editors: not searched. */
		if (cmark_node_get_type(node) == CMARK_NODE_IMAGE &&
		    media_ref(cmark_node_get_url(node), &id))
			note += ev == CMARK_EVENT_ENTER ? 1 : -1;
		switch (cmark_node_get_type(node)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			if (ev == CMARK_EVENT_ENTER && note == 0)
				buf_puts(&plain, cmark_node_get_literal(node));
			break;
		case CMARK_NODE_CODE_BLOCK:
			/* A leaf block: one event, no EXIT. */
			buf_puts(&plain, cmark_node_get_literal(node));
			plain_break(&plain);
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			buf_putc(&plain, ' ');
			break;
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_HEADING:
		case CMARK_NODE_ITEM:
			if (ev == CMARK_EVENT_EXIT)
				plain_break(&plain);
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	/* The last first: an image may hold another in its alt text. */
	for (i = nimg; i-- > 0; )
		if (media_ref(cmark_node_get_url(imgs[i]), &id))
			image_to_figure(imgs[i], id);
		else
			image_to_link(imgs[i]);
	free(imgs);

	out = cmark_render_html(doc, CMARK_OPT_DEFAULT);
	cmark_node_free(doc);
	if (out == NULL) {
		buf_free(&plain);
		return -1;
	}
	*html = arena_strdup(a, out);
	free(out);
	while (plain.len > 0 && plain.data[plain.len - 1] == '\n')
		plain.data[--plain.len] = '\0';
	*text = arena_strdup(a, buf_cstr(&plain));
	buf_free(&plain);
	return 0;
}

const char *
md_media_next(const char *html, long long *id, const char **end)
{
	static const char close[] = "\"></figure>";
	const char	*p, *q;
	long long	 n;

	for (p = html; (p = strstr(p, MD_MEDIA_FIGURE)) != NULL; p++) {
		q = p + sizeof(MD_MEDIA_FIGURE) - 1;
		for (n = 0; *q >= '0' && *q <= '9' && n <= MD_MEDIA_MAX; q++)
			n = n * 10 + (*q - '0');
		if (n > 0 && n <= MD_MEDIA_MAX &&
		    strncmp(q, close, sizeof(close) - 1) == 0) {
			*id = n;
			*end = q + sizeof(close) - 1;
			return p;
		}
	}
	return NULL;
}

int
md_raw_html(const char *md)
{
	cmark_node	*doc;
	cmark_iter	*it;
	cmark_node_type	 t;
	int		 found = 0;

	if ((doc = cmark_parse_document(md, strlen(md), CMARK_OPT_DEFAULT |
	    CMARK_OPT_VALIDATE_UTF8)) == NULL)
		return -1;
	it = cmark_iter_new(doc);
	while (!found && cmark_iter_next(it) != CMARK_EVENT_DONE) {
		t = cmark_node_get_type(cmark_iter_get_node(it));
		found = t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE;
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	return found;
}

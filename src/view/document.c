/*
 * document.c: responses that are not HTML pages (feeds, sitemaps,
 * robots.txt): one template, no layout, their own Content-Type.
 */
#include "../site.h"
#include "../util/buf.h"
#include "page.h"
#include "view.h"

struct view *
doc_new(const struct vctx *c)
{
	struct view	*v = view_new(c->arena);
	const struct site *s = site();

	view_set_shared(v, "SITE_TITLE", s->title);
	view_set_shared(v, "SITE_TAGLINE", s->tagline);
	return v;
}

int
doc_render(struct view *v, const char *tpl, struct buf *out)
{
	if (view_render(v, tpl, out) < 0) {
		buf_reset(out);
		return -1;
	}
	return 0;
}

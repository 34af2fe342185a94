/*
 * document.c: responses that are not HTML pages (feeds, sitemaps,
 * robots.txt): one template, no layout, their own Content-Type.
 */
#include "../http/http.h"
#include "../site.h"
#include "../util/buf.h"
#include "page.h"
#include "view.h"

struct view *
doc_new(struct req *r)
{
	struct view	*v = view_new(r->arena);
	const struct site *s = site();

	view_set_shared(v, "SITE_TITLE", s->title);
	view_set_shared(v, "SITE_TAGLINE", s->tagline);
	return v;
}

int
doc_render(struct req *r, struct view *v, const char *tpl,
    const char *content_type, int status)
{
	if (view_render(v, tpl, r->resp.body) < 0) {
		buf_reset(r->resp.body);
		return 500;
	}
	r->resp.content_type = content_type;
	r->resp.rendered = 1;
	return status;
}

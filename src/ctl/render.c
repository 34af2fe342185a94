/*
 * render.c: a controller's page or document into the response.
 */
#include "../util/arena.h"
#include "../view/page.h"
#include "ctl.h"

const struct vctx *
ctl_vctx(struct req *r)
{
	struct vctx	*c = arena_alloc(r->arena, sizeof(*c));

	c->arena = r->arena;
	c->now = r->now;
	c->editor = r->editor;
	c->search = http_query(r, "q");
	return c;
}

int
ctl_page(struct req *r, struct page *p, int status)
{
	if (page_render(ctl_vctx(r), p, r->resp.body) < 0)
		return 500;
	r->resp.rendered = 1;
	return status;
}

int
ctl_doc(struct req *r, struct view *v, const char *tpl,
    const char *content_type, int status)
{
	if (doc_render(v, tpl, r->resp.body) < 0)
		return 500;
	r->resp.content_type = content_type;
	r->resp.rendered = 1;
	return status;
}

/*
 * page.c: the layout shared by every HTML page.
 */
#include <string.h>

#include "../config.h"
#include "../model.h"
#include "../site.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/lang.h"
#include "../util/log.h"
#include "page.h"
#include "view.h"

struct page *
page_new(const struct vctx *c, const char *tpl, const char *title, const char *path)
{
	const struct site *s = site();
	struct page	*p;

	p = arena_alloc(c->arena, sizeof(*p));
	p->root = view_new(c->arena);
	view_set_shared(p->root, "SITE_TITLE", s->title);
	view_set_shared(p->root, "SITE_TAGLINE", s->tagline);
	if (title != NULL && *title != '\0')
		view_set(p->root, "TITLE", arena_printf(c->arena, "%s \xe2\x80\x94 %s",
		    title, s->title));
	else
		view_set(p->root, "TITLE", s->title);
	view_set(p->root, "DESCRIPTION", s->tagline);
	view_set(p->root, "LANG", SITE_LANG);
	view_set(p->root, "CANONICAL", arena_printf(c->arena, "%s%s",
	    cfg.base_url, path ? path : "/"));
	p->body = view_include(p->root, "BODY", tpl);
	return p;
}

void
page_describe(struct page *p, const char *description)
{
	if (description != NULL && *description != '\0')
		view_set(p->root, "DESCRIPTION", description);
}

struct view *
page_head(struct page *p, const char *tpl)
{
	if (p->head == NULL)
		p->head = view_include(p->root, "HEAD", tpl);
	return p->head;
}

void
page_noindex(struct page *p)
{
	view_show(p->root, "NOINDEX");
}

int
page_render(const struct vctx *c, struct page *p, struct buf *out)
{
	/* The search box keeps what the reader typed. */
	if (c->search != NULL)
		view_set(p->root, "SEARCH_QUERY", c->search);
	if (c->editor != NULL) {
		view_show(p->root, "EDITOR");
		view_set(p->root, "EDITOR_NAME", c->editor->display);
		view_set(p->root, "CSRF", c->editor->csrf);
	}
	if (view_render(p->root, "layout.tpl", out) < 0) {
		buf_reset(out);
		return -1;
	}
	return 0;
}

void
page_flash(struct page *p, const char *text)
{
	view_show(p->root, "FLASH");
	view_set(p->root, "FLASH_TEXT", text);
}

void
page_csrf(const struct vctx *c, struct view *v)
{
	/* Include dictionaries do not inherit: each form's view gets it. */
	if (c->editor != NULL)
		view_set(v, "CSRF", c->editor->csrf);
}

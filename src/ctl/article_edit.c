/*
 * article_edit.c: Editors (issue 3): writing, previewing, publishing,
 * unpublishing and deleting articles, and their comment switch.
 *
 * Every form posts to the address it was shown at; success answers 303
 * (post/redirect/get) to the edit page with a ?done= notice.  A form
 * with mistakes comes back (422) with every value as typed and a
 * message next to each field in error: nothing is lost, nothing saved.
 */
#include <string.h>

#include "../util/arena.h"
#include "../util/text.h"
#include "../view/forms.h"
#include "../view/page.h"
#include "article_form.h"
#include "ctl.h"

/* The notices the edit page shows after a redirect, by ?done= code. */
static const struct {
	const char	*code;
	const char	*text;
} notices[] = {
	{ "saved", "Saved." },
	{ "published", "Published: readers can see it now." },
	{ "scheduled", "Scheduled: readers will see it from its publication "
	  "time." },
	{ "unpublished", "Unpublished: readers no longer see it." },
	{ "restored", "The revision was restored, as a new revision." },
	{ "comments", "The comment setting was saved." },
	{ "photo", "The lead photograph was set." },
	{ "nophoto", "The lead photograph was removed." },
};

/* The fixed notice for ?done=, or NULL. */
static const char *
notice(struct req *r)
{
	const char	*done = http_query(r, "done");
	size_t		 i;

	for (i = 0; done != NULL && i < sizeof(notices) / sizeof(notices[0]);
	    i++)
		if (strcmp(done, notices[i].code) == 0)
			return notices[i].text;
	return NULL;
}

/* Render the form page with status; preview may be NULL. */
static int
form_page(struct req *r, int status, struct article_form *f,
    const struct article *preview)
{
	struct page	*p;
	struct media	*lead;
	const char	*n;
	int		 rc;

	p = page_new(r, "article_form.tpl", f->id ? "Edit article" :
	    "New article", f->id ? arena_printf(r->arena,
	    "/admin/articles/%lld/edit", f->id) : "/admin/articles/new");
	page_noindex(p);
	if ((n = notice(r)) != NULL && status == 200 && preview == NULL)
		page_flash(p, n);
	if (f->id > 0) {
		lead = arena_alloc(r->arena, sizeof(*lead));
		if ((rc = store_article_lead(r->store, r->arena, f->id,
		    lead)) < 0)
			return 500;
		f->lead = rc == 1 ? lead : NULL;
	}
	fill_article_form(r, p->body, f, preview);
	return page_render(r, p, status);
}

/* The stored article for the route's :id; 1, 0 (404) or -1. */
static int
load(struct req *r, struct article *a)
{
	long long	 id;

	if (!parse_id(r->param[0], &id))
		return 0;
	return store_article_by_id(r->store, r->arena, id, a);
}

/*
 * Check and act on a posted form (f already holds the stored state).
 * The action is the button pressed: save, preview, publish, unpublish.
 */
static int
submit(struct req *r, struct article_form *f)
{
	struct article_edit	 e;
	struct article		 pa;
	const char		*action = http_form(r, "action");
	const char		*done;
	int			 n;

	if (action == NULL)
		action = "save";
	if (strcmp(action, "save") != 0 && strcmp(action, "preview") != 0 &&
	    strcmp(action, "publish") != 0 &&
	    strcmp(action, "unpublish") != 0) {
		r->resp.error = "The form asked for an unknown action.";
		return 400;
	}
	if ((n = article_form_check(r, f, action, &e)) < 0)
		return 500;
	if (n > 0)
		return form_page(r, 422, f, NULL);
	/* A lead photograph needs alt text before readers see it. */
	if (e.status == ARTICLE_PUBLISHED && f->id > 0) {
		struct media	 lead;

		if ((n = store_article_lead(r->store, r->arena, f->id,
		    &lead)) < 0)
			return 500;
		if (n == 1 && *lead.alt == '\0') {
			f->error = arena_printf(r->arena, "The lead photograph "
			    "(image %lld) needs alt text before the article "
			    "can be published: add it in the media library.",
			    lead.id);
			return form_page(r, 422, f, NULL);
		}
	}
	if (strcmp(action, "preview") == 0) {
		article_form_preview(r, &e, &pa);
		return form_page(r, 200, f, &pa);
	}
	if ((n = store_article_save(r->store, &e)) < 0)
		return 500;
	if (n == 1) {
		/* Another editor took the address in the meantime. */
		f->err[AF_SLUG] = "Another article uses (or used) this address.";
		f->error = "The article was not saved: please see the messages "
		    "next to the fields.";
		return form_page(r, 422, f, NULL);
	}
	if (e.status == ARTICLE_PUBLISHED && f->status != ARTICLE_PUBLISHED)
		done = e.published_at > r->now ? "scheduled" : "published";
	else if (e.status == ARTICLE_DRAFT && f->status == ARTICLE_PUBLISHED)
		done = "unpublished";
	else
		done = "saved";
	return http_redirect(r, 303, arena_printf(r->arena,
	    "/admin/articles/%lld/edit?done=%s", e.id, done));
}

/*
 * GET /admin/articles/new
 * The empty form.  Raises HTTP 200.
 */
int
ctl_article_new(struct req *r)
{
	struct article_form	 f;

	article_form_new(&f);
	return form_page(r, 200, &f, NULL);
}

/*
 * POST /admin/articles/new (csrf, action, the fields)
 * Saves a new draft, publishes or schedules it, or previews it.
 * Raises HTTP 400 for an unknown action, 422 with the form for
 * mistakes, 200 for a preview, 303 to its edit page once saved.
 */
int
ctl_article_create(struct req *r)
{
	struct article_form	 f;

	article_form_new(&f);
	return submit(r, &f);
}

/*
 * GET /admin/articles/:id/edit[?done=CODE]
 * The form for a stored article, whatever its status.
 * Raises HTTP 404 for an unknown id, 200 otherwise.
 */
int
ctl_article_edit(struct req *r)
{
	struct article_form	 f;
	struct article		 a;
	int			 rc;

	if ((rc = load(r, &a)) <= 0)
		return rc < 0 ? 500 : 404;
	article_form_load(r, &f, &a);
	return form_page(r, 200, &f, NULL);
}

/*
 * POST /admin/articles/:id/edit (csrf, action, the fields)
 * Saves, previews, publishes or unpublishes; "delete" leads to the
 * confirmation page and changes nothing.
 * Raises HTTP 404 for an unknown id, 400 for an unknown action, 422
 * with the form for mistakes, 200 for a preview, 303 once saved.
 */
int
ctl_article_update(struct req *r)
{
	struct article_form	 f;
	struct article		 a;
	const char		*action = http_form(r, "action");
	int			 rc;

	if ((rc = load(r, &a)) <= 0)
		return rc < 0 ? 500 : 404;
	if (action != NULL && strcmp(action, "delete") == 0)
		return http_redirect(r, 303, arena_printf(r->arena,
		    "/admin/articles/%lld/delete", a.id));
	article_form_load(r, &f, &a);
	return submit(r, &f);
}

/*
 * GET /admin/articles/:id/preview
 * The stored article as readers would see it, drafts included.
 * Raises HTTP 404 for an unknown id, 200 otherwise.
 */
int
ctl_article_preview(struct req *r)
{
	struct article	 a;
	struct page	*p;
	int		 rc;

	if ((rc = load(r, &a)) <= 0)
		return rc < 0 ? 500 : 404;
	p = page_new(r, "article_preview.tpl", a.headline, arena_printf(
	    r->arena, "/admin/articles/%lld/preview", a.id));
	page_noindex(p);
	fill_article_preview(r, p->body, &a);
	return page_render(r, p, 200);
}

/*
 * GET /admin/articles/:id/delete
 * Asks for confirmation.  Raises HTTP 404 for an unknown id, 200.
 */
int
ctl_article_delete_form(struct req *r)
{
	struct article	 a;
	struct page	*p;
	int		 rc;

	if ((rc = load(r, &a)) <= 0)
		return rc < 0 ? 500 : 404;
	p = page_new(r, "article_delete.tpl", "Delete article", arena_printf(
	    r->arena, "/admin/articles/%lld/delete", a.id));
	page_noindex(p);
	fill_article_delete(r, p->body, &a);
	return page_render(r, p, 200);
}

/*
 * POST /admin/articles/:id/delete (csrf)
 * Withdraws the article: status deleted, readers get 410 Gone, its
 * revisions stay and one more records the deletion.
 * Raises HTTP 404 for an unknown id, 303 to the dashboard.
 */
int
ctl_article_delete(struct req *r)
{
	struct article_edit	 e;
	struct article		 a;
	int			 rc;

	if ((rc = load(r, &a)) <= 0)
		return rc < 0 ? 500 : 404;
	if (a.status != ARTICLE_DELETED) {
		article_edit_from(r, &a, &e);
		e.status = ARTICLE_DELETED;
		e.kind = "delete";
		if (store_article_save(r->store, &e) != 0)
			return 500;
	}
	return http_redirect(r, 303, "/admin?done=deleted");
}

/*
 * POST /admin/articles/:id/comments (csrf, mode=open|closed|hidden)
 * Opens, closes (shown, no new ones) or hides an article's comments.
 * Raises HTTP 400 for another mode, 404 for an unknown id, 303 to the
 * edit page.
 */
int
ctl_article_comments(struct req *r)
{
	const char		*mode = http_form(r, "mode");
	enum comments_mode	 m;
	long long		 id;
	int			 rc;

	if (mode != NULL && strcmp(mode, "open") == 0)
		m = COMMENTS_OPEN;
	else if (mode != NULL && strcmp(mode, "closed") == 0)
		m = COMMENTS_CLOSED;
	else if (mode != NULL && strcmp(mode, "hidden") == 0)
		m = COMMENTS_HIDDEN;
	else {
		r->resp.error = "Comments can be open, closed or hidden.";
		return 400;
	}
	if (!parse_id(r->param[0], &id))
		return 404;
	if ((rc = store_article_comments_set(r->store, id, m, r->now)) <= 0)
		return rc < 0 ? 500 : 404;
	return http_redirect(r, 303, arena_printf(r->arena,
	    "/admin/articles/%lld/edit?done=comments", id));
}

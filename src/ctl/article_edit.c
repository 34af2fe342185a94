/*
 * article_edit.c: writing, previewing, publishing, unpublishing and
 * deleting articles, their comment switch, and their review.
 *
 * Contributors reach only their own drafts: they save, preview and
 * submit them for review; an editor publishes a submitted draft or
 * returns it with a note (ctl_article_return) that its writer sees on
 * the form and the dashboard.
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
	{ "submitted", "Sent for review: an editor will publish it or "
	  "return it to you with a note." },
	{ "returned", "Returned to its writer with your note." },
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
	const char	*n;

	p = page_new(r, "article_form.tpl", f->id ? "Edit article" :
	    "New article", f->id ? arena_printf(r->arena,
	    "/admin/articles/%lld/edit", f->id) : "/admin/articles/new");
	page_noindex(p);
	if ((n = notice(r)) != NULL && status == 200 && preview == NULL)
		page_flash(p, n);
	f->may_publish = r->editor != NULL && r->editor->role >= ROLE_EDITOR;
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

int
ctl_article_may(struct req *r, const struct article *a, struct review *rv)
{
	int	 rc;

	if ((rc = store_article_review(r->store, r->arena, a->id, rv)) <= 0)
		return rc < 0 ? 500 : 404;
	if (r->editor->role >= ROLE_EDITOR)
		return 0;
	if (rv->author_id != r->editor->user_id) {
		r->resp.error = "You may work on your own articles only.";
		return 403;
	}
	if (a->status != ARTICLE_DRAFT) {
		r->resp.error = "Only an editor may change an article once "
		    "it is published or withdrawn.";
		return 403;
	}
	return 0;
}

/* The stored article for :id that this account may work on, its form
 * loaded with its review state: 0, or the status to answer. */
static int
load_form(struct req *r, struct article *a, struct article_form *f)
{
	struct review	 rv;
	int		 rc;

	if ((rc = load(r, a)) <= 0)
		return rc < 0 ? 500 : 404;
	if ((rc = ctl_article_may(r, a, &rv)) != 0)
		return rc;
	article_form_load(r, f, a);
	f->submitted_at = rv.submitted_at;
	f->review_note = rv.note;
	return 0;
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
	    strcmp(action, "unpublish") != 0 &&
	    strcmp(action, "submit") != 0) {
		r->resp.error = "The form asked for an unknown action.";
		return 400;
	}
	if (r->editor->role < ROLE_EDITOR && (strcmp(action, "publish") == 0 ||
	    strcmp(action, "unpublish") == 0)) {
		r->resp.error = "Only an editor may publish or unpublish. "
		    "Send the article for review instead.";
		return 403;
	}
	if (strcmp(action, "submit") == 0 && f->status != ARTICLE_DRAFT) {
		r->resp.error = "Only a draft can be sent for review.";
		return 409;
	}
	if ((n = article_form_check(r, f, action, &e)) < 0)
		return 500;
	if (n > 0)
		return form_page(r, 422, f, NULL);
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
	if (strcmp(action, "submit") == 0) {
		if (store_article_submit(r->store, e.id, r->now) < 0)
			return 500;
		done = "submitted";
	} else if (e.status == ARTICLE_PUBLISHED &&
	    f->status != ARTICLE_PUBLISHED)
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
 * Saves a new draft, sends it for review, publishes or schedules it
 * (editors), or previews it.
 * Raises HTTP 400 for an unknown action, 403 for a contributor who
 * publishes, 422 with the form for mistakes, 200 for a preview, 303 to
 * its edit page once saved.
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
 * The form for a stored article, whatever its status (a contributor:
 * their own drafts), with its review state.
 * Raises HTTP 404 for an unknown id, 403 for another's article or a
 * published one asked for by a contributor, 200 otherwise.
 */
int
ctl_article_edit(struct req *r)
{
	struct article_form	 f;
	struct article		 a;
	int			 rc;

	if ((rc = load_form(r, &a, &f)) != 0)
		return rc;
	return form_page(r, 200, &f, NULL);
}

/*
 * POST /admin/articles/:id/edit (csrf, action, the fields)
 * Saves, previews, sends for review, publishes or unpublishes;
 * "delete" leads to the confirmation page and changes nothing.
 * Raises HTTP 404 for an unknown id, 400 for an unknown action, 403
 * for another's article or a contributor who publishes, 409 for a
 * review asked of an article that is no draft, 422 with the form for
 * mistakes, 200 for a preview, 303 once saved.
 */
int
ctl_article_update(struct req *r)
{
	struct article_form	 f;
	struct article		 a;
	const char		*action = http_form(r, "action");
	int			 rc;

	if ((rc = load_form(r, &a, &f)) != 0)
		return rc;
	if (action != NULL && strcmp(action, "delete") == 0) {
		if (r->editor->role < ROLE_EDITOR) {
			r->resp.error = "Only an editor may delete an "
			    "article.";
			return 403;
		}
		return http_redirect(r, 303, arena_printf(r->arena,
		    "/admin/articles/%lld/delete", a.id));
	}
	return submit(r, &f);
}

/*
 * GET /admin/articles/:id/preview
 * The stored article as readers would see it, drafts included.
 * Raises HTTP 404 for an unknown id, 403 for another's article asked
 * for by a contributor, 200 otherwise.
 */
int
ctl_article_preview(struct req *r)
{
	struct article	 a;
	struct review	 rv;
	struct page	*p;
	int		 rc;

	if ((rc = load(r, &a)) <= 0)
		return rc < 0 ? 500 : 404;
	if ((rc = ctl_article_may(r, &a, &rv)) != 0)
		return rc;
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

#define NOTE_MAX	2000	/* characters of a review note */

/*
 * POST /admin/articles/:id/return (csrf, note); editors.
 * Takes a submitted draft out of the queue with a note for its writer,
 * who sees it on the form and the dashboard.  Nothing readers see
 * changes.
 * Raises HTTP 404 for an unknown id, 409 for an article that is not
 * waiting for review, 422 for a missing or overlong note, 303 to the
 * edit page.
 */
int
ctl_article_return(struct req *r)
{
	const char	*note = http_form(r, "note");
	long long	 id;
	int		 rc;

	if (!parse_id(r->param[0], &id))
		return 404;
	if (note == NULL || !utf8_valid(note, strlen(note)) ||
	    text_has_control(note, strlen(note), 1) || text_blank(note) ||
	    utf8_len(note, strlen(note)) > NOTE_MAX) {
		r->resp.error = "A returned article needs a note of 1 to 2000 "
		    "characters saying what to change.";
		return 422;
	}
	if ((rc = store_article_return(r->store, id, note, r->now)) < 0)
		return 500;
	if (rc == 0) {
		r->resp.error = "That article is not waiting for review.";
		return 409;
	}
	return http_redirect(r, 303, arena_printf(r->arena,
	    "/admin/articles/%lld/edit?done=returned", id));
}

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
#include <strings.h>

#include "../util/arena.h"
#include "../util/log.h"
#include "../util/markdown.h"
#include "../util/secret.h"
#include "../util/text.h"
#include "../view/forms.h"
#include "../view/page.h"
#include "article_form.h"
#include "ctl.h"

/* The notices the edit page shows after a redirect, by ?done= code. */
static const char *const done_codes[] = {
	"saved", "published", "scheduled", "unpublished", "restored",
	"comments", "submitted", "returned", "unchanged", "photo", "nophoto",
	NULL
};
static const char *const notices[] = {
	"Saved.",
	"Published: readers can see it now.",
	"Scheduled: readers will see it from its publication time.",
	"Unpublished: readers no longer see it.",
	"The revision was restored, as a new revision.",
	"The comment setting was saved.",
	"Sent for review: an editor will publish it or return it to you "
	"with a note.",
	"Returned to its writer with your note.",
	"Nothing had changed: no revision was recorded.",
	"The lead photograph was set.",
	"The lead photograph was removed.",
};
CHOICES_MATCH(done_codes, notices);

/*
 * The article form's inputs, one declaration for its routes (the form
 * of a new or a stored article, its posts, and signing in again to
 * save them): the fields at their enum af_field indexes, as typed
 * (article_form.c checks them, and mistakes give the form again), then
 * the button pressed (an unknown one is refused once the article is
 * found), the revision the form was opened on (none or malformed: no
 * conflict check), the name, password and code of signing in again,
 * and ?done= (a notice; an unknown one is ignored).
 */
enum {
	IN_AF_ACTION = AF__MAX, IN_AF_BASE, IN_AF_RELOGIN_NAME,
	IN_AF_RELOGIN_PASSWORD, IN_AF_RELOGIN_CODE, IN_AF_DONE, IN_AF__MAX
};
static const char *const form_actions[] = {
	"save", "preview", "publish", "unpublish", "submit", NULL
};
const struct input ctl_article_form_in[] = {
	[AF_HEADLINE] = { "headline", IN_ANY, 0, NULL, NULL },
	[AF_SUMMARY] = { "summary", IN_ANY, 0, NULL, NULL },
	[AF_BYLINE] = { "byline", IN_ANY, 0, NULL, NULL },
	[AF_AUTHORS] = { "authors", IN_ANY, 0, NULL, NULL },
	[AF_DATELINE] = { "dateline", IN_ANY, 0, NULL, NULL },
	[AF_SOURCE] = { "source", IN_ANY, 0, NULL, NULL },
	[AF_PUBLISHED] = { "published_at", IN_ANY, 0, NULL, NULL },
	[AF_BODY] = { "body", IN_ANY, 0, NULL, NULL },
	[AF_TAGS] = { "tags", IN_ANY, 0, NULL, NULL },
	[AF_SLUG] = { "slug", IN_ANY, 0, NULL, NULL },
	[AF_CHANGE] = { "change", IN_ANY, 0, NULL, NULL },
	[AF_NOTE] = { "note", IN_ANY, 0, NULL, NULL },
	[IN_AF_ACTION] = { "action", IN_WORD, 0, form_actions, NULL },
	[IN_AF_BASE] = { "base", IN_ID, 0, NULL, NULL },
	[IN_AF_RELOGIN_NAME] = { "relogin_name", IN_ANY, 0, NULL, NULL },
	[IN_AF_RELOGIN_PASSWORD] = { "relogin_password", IN_ANY, 0, NULL,
	    NULL },
	[IN_AF_RELOGIN_CODE] = { "relogin_code", IN_ANY, 0, NULL, NULL },
	[IN_AF_DONE] = { "done", IN_WORD, 0, done_codes, NULL },
	{ NULL, 0, 0, NULL, NULL }
};
_Static_assert(IN_AF__MAX <= INPUT_MAX, "the article form's inputs fit");

/* The fixed notice for ?done=, or NULL. */
static const char *
notice(struct req *r)
{
	return r->in[IN_AF_DONE].set ? notices[r->in[IN_AF_DONE].n] : NULL;
}

/* Render the form page with status; preview may be NULL. */
static int
form_page(struct req *r, int status, struct article_form *f,
    const struct article *preview)
{
	struct page	*p;
	struct media	*lead;
	struct user	*accounts = NULL;
	const char	*n;
	int		 rc;

	p = page_new(ctl_vctx(r), "article_form.tpl", f->id ? "Edit article" :
	    "New article", f->id ? arena_printf(r->arena,
	    "/admin/articles/%lld/edit", f->id) : "/admin/articles/new");
	page_noindex(p);
	if ((n = notice(r)) != NULL && status == 200 && preview == NULL)
		page_flash(p, n);
	f->may_publish = r->editor != NULL && r->editor->role >= ROLE_EDITOR;
	/* The accounts the authors field may name (not for a form shown
	 * to someone signed out). */
	if (r->editor != NULL && (f->naccounts = store_users_all(r->store,
	    r->arena, &accounts)) < 0)
		return 500;
	f->accounts = r->editor != NULL ? accounts : NULL;
	if (f->accounts == NULL)
		f->naccounts = 0;
	if (f->id > 0) {
		lead = arena_alloc(r->arena, sizeof(*lead));
		if ((rc = store_article_lead(r->store, r->arena, f->id,
		    lead)) < 0)
			return 500;
		f->lead = rc == 1 ? lead : NULL;
	}
	fill_article_form(ctl_vctx(r), p->body, f, preview);
	return ctl_page(r, p, status);
}

/* The stored article for the route's :id; 1, 0 (404) or -1. */
static int
load(struct req *r, struct article *a)
{
	return store_article_by_id(r->store, r->arena, r->num[0], a);
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
	if (ctl_article_authors(r, a) < 0)
		return 500;
	article_form_load(r, f, a);
	f->submitted_at = rv.submitted_at;
	f->review_note = rv.note;
	f->stored = a;
	if (store_article_head(r->store, a->id, &f->base_rev) < 0)
		return 500;
	return 0;
}

/* 1 if the edit e would store article a exactly as it is. */
static int
unchanged(const struct article *a, const struct article_edit *e)
{
	size_t	 i;

	/* The form gives the time to the minute. */
	if (a == NULL || e->status != a->status || e->touch_updated ||
	    e->published_at / 60 != a->published_at / 60 ||
	    e->ntags != a->ntags ||
	    strcmp(e->slug, a->slug) != 0 ||
	    strcmp(e->headline, a->headline) != 0 ||
	    strcmp(e->summary, a->summary) != 0 ||
	    strcmp(e->byline, a->byline) != 0 ||
	    strcmp(e->dateline, a->dateline) != 0 ||
	    strcmp(e->source, a->source) != 0 ||
	    strcmp(e->body_md, a->body_md) != 0)
		return 0;
	for (i = 0; i < e->ntags; i++)
		if (strcmp(e->tags[i], a->tags[i].name) != 0)
			return 0;
	if (e->set_authors) {
		if (e->nauthors != a->nauthors)
			return 0;
		for (i = 0; i < e->nauthors; i++)
			if (e->author_ids[i] != a->authors[i].id)
				return 0;
	}
	return 1;
}

/*
 * The form again, 409, after another editor saved the article since
 * this one opened it: what was typed, the other version and how this
 * one differs from it; the form now carries the newer revision, so
 * that saving again replaces it, on purpose.
 */
static int
conflict_page(struct req *r, struct article_form *f)
{
	struct revision	 theirs;
	int		 rc;

	if (store_article_head(r->store, f->id, &f->base_rev) < 0)
		return 500;
	if ((rc = store_revision_get(r->store, r->arena, f->base_rev,
	    &theirs)) <= 0)
		return 500;
	f->theirs = arena_alloc(r->arena, sizeof(*f->theirs));
	*f->theirs = theirs;
	f->error = "Nothing was saved: someone else saved this article "
	    "while you were editing it.  Compare the two versions below, "
	    "then save yours to replace theirs, or open theirs.";
	return form_page(r, 409, f, NULL);
}

/*
 * What rendering changes that the editor may not expect, for the
 * preview: raw HTML dropped, a dateline typed in its field and left at
 * the start of the text too (readers would see it twice).
 */
static void
render_notes(struct req *r, struct article_form *f)
{
	const char	*body = f->val[AF_BODY], *dl = f->val[AF_DATELINE];
	size_t		 n = strlen(dl);
	int		 k = 0;

	if (md_raw_html(body) == 1)
		f->render_note[k++] = "The text holds raw HTML, which is not "
		    "shown to readers: use Markdown instead (see the hint "
		    "under Text).";
	while (*body == ' ' || *body == '\n' || *body == '\t')
		body++;
	if (n > 0 && strncasecmp(body, dl, n) == 0)
		f->render_note[k++] = arena_printf(r->arena, "The text starts "
		    "with the dateline \"%s\" that its own field already "
		    "holds: readers would see it twice.  Remove it from the "
		    "text.", dl);
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
	const struct input_value *a = &r->in[IN_AF_ACTION];
	const char		*action = a->set ? a->s : "save";
	const char		*done;
	int			 n;

	if (input_bad(a)) {
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
	/* So do the images in its text, which must exist. */
	if (e.status == ARTICLE_PUBLISHED && strcmp(action, "preview") != 0) {
		const char	*problem;

		if (ctl_body_media(r, e.body_html, 0, &problem) == NULL)
			return 500;
		if (problem != NULL) {
			f->error = arena_printf(r->arena, "Nothing was saved. "
			    " %s", problem);
			return form_page(r, 422, f, NULL);
		}
	}
	if (strcmp(action, "preview") == 0) {
		article_form_preview(r, &e, &pa);
		pa.authors = f->authors;
		pa.nauthors = f->nauthors;
		render_notes(r, f);
		if ((pa.body_html = ctl_body_media(r, pa.body_html, 0,
		    &f->render_note[2])) == NULL)
			return 500;
		return form_page(r, 200, f, &pa);
	}
	/* The revision the form was opened on; none sent: no check. */
	if (f->id > 0 && r->in[IN_AF_BASE].set &&
	    (e.base_rev = r->in[IN_AF_BASE].n) != f->base_rev)
		return conflict_page(r, f);
	/* A save that changes nothing records nothing. */
	if (strcmp(action, "save") == 0 && unchanged(f->stored, &e))
		return http_redirect(r, 303, arena_printf(r->arena,
		    "/admin/articles/%lld/edit?done=unchanged", f->id));
	if (strcmp(action, "submit") == 0)
		done = "submitted";
	else if (e.status == ARTICLE_PUBLISHED &&
	    f->status != ARTICLE_PUBLISHED)
		done = e.published_at > r->now ? "scheduled" : "published";
	else if (e.status == ARTICLE_DRAFT && f->status == ARTICLE_PUBLISHED)
		done = "unpublished";
	else
		done = "saved";
	/* Publications and takedowns are audited, in the save's own
	 * transaction (a new article's number is not known yet: the
	 * store names it in the empty target). */
	if (strcmp(done, "published") == 0 || strcmp(done, "scheduled") == 0 ||
	    strcmp(done, "unpublished") == 0)
		ctl_audit_next(r, arena_printf(r->arena, "article.%s",
		    strcmp(done, "published") == 0 ? "publish" :
		    strcmp(done, "scheduled") == 0 ? "schedule" : "unpublish"),
		    f->id > 0 ? arena_printf(r->arena, "article %lld", f->id) :
		    "", e.headline);
	if ((n = store_article_save(r->store, &e)) < 0)
		return 500;
	if (n == 2)
		return conflict_page(r, f);
	if (n == 1) {
		/* Another editor took the address in the meantime. */
		f->err[AF_SLUG] = "Another article uses (or used) this address.";
		f->error = "The article was not saved: please see the messages "
		    "next to the fields.";
		return form_page(r, 422, f, NULL);
	}
	if (strcmp(done, "submitted") == 0 &&
	    store_article_submit(r->store, e.id, r->now) < 0)
		return 500;
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
	/* A contributor writes their own articles. */
	if (r->editor->role == ROLE_CONTRIBUTOR)
		f.val[AF_AUTHORS] = r->editor->name;
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
	const char		*action = r->in[IN_AF_ACTION].s;
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
	if ((a.body_html = ctl_body_media(r, a.body_html, 0, NULL)) == NULL)
		return 500;
	if (ctl_article_authors(r, &a) < 0)
		return 500;
	p = page_new(ctl_vctx(r), "article_preview.tpl", a.headline, arena_printf(
	    r->arena, "/admin/articles/%lld/preview", a.id));
	page_noindex(p);
	fill_article_preview(ctl_vctx(r), p->body, &a);
	return ctl_page(r, p, 200);
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
	p = page_new(ctl_vctx(r), "article_delete.tpl", "Delete article", arena_printf(
	    r->arena, "/admin/articles/%lld/delete", a.id));
	page_noindex(p);
	fill_article_delete(ctl_vctx(r), p->body, &a);
	return ctl_page(r, p, 200);
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
		ctl_audit_next(r, "article.delete", arena_printf(r->arena,
		    "article %lld", a.id), a.headline);
		if (store_article_save(r->store, &e) != 0)
			return 500;
	}
	return http_redirect(r, 303, "/admin?done=deleted");
}

/* The comment switch: mode, one of three. */
#define NO_MODE	"Comments can be open, closed or hidden."
static const char *const mode_names[] = { "open", "closed", "hidden", NULL };
static const enum comments_mode modes[] = {
	COMMENTS_OPEN, COMMENTS_CLOSED, COMMENTS_HIDDEN
};
CHOICES_MATCH(mode_names, modes);
const struct input ctl_article_comments_in[] = {
	{ "mode", IN_WORD, 0, mode_names, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

/*
 * POST /admin/articles/:id/comments (csrf, mode=open|closed|hidden)
 * Opens, closes (shown, no new ones) or hides an article's comments.
 * Raises HTTP 400 for another mode or none, 404 for an unknown id, 303
 * to the edit page.
 */
int
ctl_article_comments(struct req *r)
{
	enum comments_mode	 m;
	long long		 id;
	int			 rc;

	if (!r->in[0].set) {		/* none, or another */
		r->resp.error = NO_MODE;
		return 400;
	}
	m = modes[r->in[0].n];
	id = r->num[0];
	if ((rc = store_article_comments_set(r->store, id, m, r->now)) <= 0)
		return rc < 0 ? 500 : 404;
	return http_redirect(r, 303, arena_printf(r->arena,
	    "/admin/articles/%lld/edit?done=comments", id));
}

#define NOTE_MAX	2000	/* characters of a review note */

/* The note for the writer: text, checked below (422). */
const struct input ctl_article_return_in[] = {
	{ "note", IN_ANY, 0, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

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
	const char	*note = r->in[0].s;	/* note */
	long long	 id;
	int		 rc;

	id = r->num[0];
	if (note == NULL || !utf8_valid(note, strlen(note)) ||
	    text_has_control(note, strlen(note), 1) || text_blank(note) ||
	    utf8_len(note, strlen(note)) > NOTE_MAX) {
		r->resp.error = "A returned article needs a note of 1 to 2000 "
		    "characters saying what to change.";
		return 422;
	}
	ctl_audit_next(r, "article.return", arena_printf(r->arena,
	    "article %lld", id), "");
	if ((rc = store_article_return(r->store, id, note, r->now)) < 0)
		return 500;
	if (rc == 0) {
		r->resp.error = "That article is not waiting for review.";
		return 409;
	}
	return http_redirect(r, 303, arena_printf(r->arena,
	    "/admin/articles/%lld/edit?done=returned", id));
}

/*
 * The form as posted, to sign in again and save (status 403, or 429
 * while the login throttle holds): everything typed comes back, with
 * the action first pressed and the revision the form was opened on;
 * it is sent to ACTION/login.  Nothing is read from the store: the
 * sender is not signed in.
 */
static int
relogin_page(struct req *r, int status, const char *name, const char *message)
{
	struct article_form	 f;

	article_form_new(&f);
	f.id = r->num[0];	/* 0: a new article */
	article_form_read(r, &f);
	f.base_rev = r->in[IN_AF_BASE].set ? r->in[IN_AF_BASE].n : 0;
	f.relogin = 1;
	f.relogin_name = name != NULL ? name : "";
	f.relogin_action = r->in[IN_AF_ACTION].set ?
	    form_actions[r->in[IN_AF_ACTION].n] : "save";
	f.relogin_message = message;
	return form_page(r, status, &f, NULL);
}

/*
 * POST /admin/articles/new or /admin/articles/:id/edit, from dispatch,
 * when the session has ended or the form's token is stale.
 * Raises HTTP 403 with the form as typed and a password field.
 */
int
ctl_article_relogin_form(struct req *r)
{
	return relogin_page(r, 403, r->editor != NULL ? r->editor->name :
	    r->in[IN_AF_RELOGIN_NAME].s, r->editor != NULL ?
	    "This form had expired: nothing was saved yet.  Enter your "
	    "password to sign in again and save it." :
	    "Your session has ended: nothing was saved yet.  Sign in again "
	    "to save it; everything you typed is below.");
}

/*
 * Sign in with the form's relogin_name and relogin_password, as
 * POST /login does (same-origin check by dispatch, the login
 * throttle, a fresh session), then run save with the same form.
 */
static int
relogin(struct req *r, int (*save)(struct req *))
{
	const char	*name = r->in[IN_AF_RELOGIN_NAME].s;
	const char	*pw = r->in[IN_AF_RELOGIN_PASSWORD].s;
	long		 wait;

	if (name == NULL || pw == NULL) {
		r->resp.error = "The form is incomplete.";
		return 400;
	}
	if (strlen(name) > ACCOUNT_NAME_MAX)
		name = arena_strndup(r->arena, name, ACCOUNT_NAME_MAX);
	switch (ctl_sign_in(r, name, pw, r->in[IN_AF_RELOGIN_CODE].s,
	    "to save a form", &wait)) {
	case SIGN_IN_OK:
		return save(r);
	case SIGN_IN_THROTTLED:
		http_header(r, "Retry-After", arena_printf(r->arena, "%ld",
		    wait));
		return relogin_page(r, 429, name, arena_printf(r->arena,
		    "Too many failed logins: nothing was saved.  Try again in "
		    "%ld minute%s; everything you typed is below.",
		    (wait + 59) / 60, (wait + 59) / 60 == 1 ? "" : "s"));
	case SIGN_IN_BUSY:
		http_header(r, "Retry-After", "5");
		return 503;
	case SIGN_IN_WRONG:
		return relogin_page(r, 403, name, "The name or the password "
		    "is wrong: nothing was saved yet.  Try again.");
	case SIGN_IN_NO_CODE:
	case SIGN_IN_BAD_CODE:
		return relogin_page(r, 403, name, "The two-factor code is "
		    "missing, wrong or used already: nothing was saved yet.  "
		    "Try again.");
	default:
		return 500;
	}
}

/*
 * POST /admin/articles/new/login (relogin_name, relogin_password,
 * action, the fields); same-origin checked by dispatch.
 * Raises HTTP 400 for a form without name or password, 403 with the
 * form for a wrong one, 429 with it while the login throttle holds,
 * 503 if no password check could start in time; then as
 * ctl_article_create.
 */
int
ctl_article_create_login(struct req *r)
{
	return relogin(r, ctl_article_create);
}

/*
 * POST /admin/articles/:id/edit/login (relogin_name, relogin_password,
 * base, action, the fields); same-origin checked by dispatch.
 * Raises the statuses of ctl_article_create_login, then as
 * ctl_article_update (409 with both versions if another revision was
 * saved meanwhile).
 */
int
ctl_article_update_login(struct req *r)
{
	return relogin(r, ctl_article_update);
}

/*
 * fill_article_form.c: article_form.tpl,
 * article_preview.tpl and article_delete.tpl.
 */
#include <string.h>

#include "../config.h"
#include "../model.h"
#include "../util/arena.h"
#include "../util/diff.h"
#include "../util/timefmt.h"
#include "forms.h"
#include "page.h"
#include "view.h"

/* The template's name of each field's value; errors add "_ERROR". */
static const char *const keys[AF__MAX] = {
	[AF_HEADLINE] = "HEADLINE",
	[AF_SUMMARY] = "SUMMARY",
	[AF_BYLINE] = "BYLINE",
	[AF_AUTHORS] = "AUTHORS",
	[AF_DATELINE] = "DATELINE",
	[AF_SOURCE] = "SOURCE",
	[AF_PUBLISHED] = "PUBLISHED_AT",
	[AF_BODY] = "BODY",
	[AF_TAGS] = "TAGS",
	[AF_SLUG] = "SLUG",
	[AF_CHANGE] = "CHANGE",
	[AF_NOTE] = "NOTE",
};

/* Status sections and label of an article's state. */
static void
status_of(struct view *v, enum article_status st, int live)
{
	const char	*s, *label;

	switch (st) {
	case ARTICLE_PUBLISHED:
		s = live ? "published" : "scheduled";
		label = s;
		break;
	case ARTICLE_DELETED:
		s = "deleted";
		label = "withdrawn";
		break;
	default:
		s = "draft";
		label = "draft";
		break;
	}
	view_set(v, "STATUS", s);
	view_set(v, "STATUS_LABEL", label);
}

/* The other editor's version and how the form's differs from it. */
static void
conflict(const struct vctx *c, struct view *v, const struct article_form *f)
{
	const struct revision	*t = f->theirs;
	struct revision		 mine;
	struct diff_word	*d;
	size_t			 n;

	view_set(v, "WHO", t->user_display[0] != '\0' ? t->user_display :
	    "the command line");
	view_set(v, "THEIR_ISO", time_iso(c->arena, t->created_at));
	view_set(v, "THEIR_TIME", time_human(c->arena, t->created_at));
	/* The form as a revision of the same fields. */
	mine = (struct revision){
		.headline = f->val[AF_HEADLINE], .summary = f->val[AF_SUMMARY],
		.byline = f->val[AF_BYLINE], .authors = f->val[AF_AUTHORS],
		.dateline = f->val[AF_DATELINE], .source = f->val[AF_SOURCE],
		.tags = f->val[AF_TAGS], .body_md = f->val[AF_BODY],
	};
	n = diff_words(c->arena, revision_text(c->arena, t, 0),
	    revision_text(c->arena, &mine, 0), &d);
	fill_diff_words(v, "PIECES", d, n);
}

void
fill_article_form(const struct vctx *c, struct view *v, const struct article_form *f,
    const struct article *preview)
{
	struct view	*row;
	int		 i;

	page_csrf(c, v);
	view_set(v, "TIMEZONE", cfg.timezone);
	for (i = 0; i < f->naccounts; i++) {
		row = view_row(v, "ACCOUNTS");
		view_set(row, "NAME", f->accounts[i].name);
		view_set(row, "DISPLAY", f->accounts[i].display);
	}
	for (i = 0; i < AF__MAX; i++) {
		view_set(v, keys[i], f->val[i]);
		if (f->err[i] != NULL) {
			row = view_row(v, arena_printf(c->arena, "%s_ERROR",
			    keys[i]));
			view_set(row, "MESSAGE", f->err[i]);
		}
	}
	if (f->error != NULL)
		view_set(view_row(v, "FORM_ERROR"), "MESSAGE", f->error);
	if (f->relogin) {
		/* Only the form, as typed, to sign in and save. */
		view_show(v, "RELOGIN_HEAD");
		row = view_row(v, "RELOGIN");
		view_set(row, "RELOGIN_NAME", f->relogin_name);
		view_set(row, "RELOGIN_ACTION", f->relogin_action);
		view_set(row, "MESSAGE", f->relogin_message);
		view_set(v, "ACTION", f->id ? arena_printf(c->arena,
		    "/admin/articles/%lld/edit/login", f->id) :
		    "/admin/articles/new/login");
		if (f->base_rev > 0)
			view_set_int(view_row(v, "BASE"), "REV", f->base_rev);
		return;
	}
	view_show(v, "BTN_SAVE");
	if (f->id == 0) {
		view_show(v, "IS_NEW");
		view_set(v, "ACTION", "/admin/articles/new");
		view_set(v, "SAVE_LABEL", "Save draft");
		view_show(v, f->may_publish ? "BTN_PUBLISH" : "BTN_SUBMIT");
	} else {
		view_show(v, "IS_OLD");
		view_set_int(v, "ID", f->id);
		fill_article_lead(c, view_include(v, "LEAD_FORM",
		    "lead_form.tpl"), f->id, f->lead);
		view_set(v, "ACTION", arena_printf(c->arena,
		    "/admin/articles/%lld/edit", f->id));
		view_set(v, "SLUG_STORED", f->slug);
		status_of(v, f->status, f->live);
		if (f->published_at != 0) {
			view_show(v, "HAS_TIME");
			view_set(v, "TIME_ISO", time_iso(c->arena,
			    f->published_at));
			view_set(v, "TIME_HUMAN", time_human(c->arena,
			    f->published_at));
		}
		if (f->live)
			view_show(v, "IS_LIVE");
		if (f->may_publish) {
			view_show(v, "BTN_DELETE");
			view_show(v, "COMMENTS_SWITCH");
		}
		if (f->status == ARTICLE_PUBLISHED) {
			view_set(v, "SAVE_LABEL", "Save changes");
			if (f->may_publish)
				view_show(v, "BTN_UNPUBLISH");
		} else {
			view_set(v, "SAVE_LABEL", "Save draft");
			view_show(v, f->may_publish ? "BTN_PUBLISH" :
			    "BTN_SUBMIT");
		}
		view_show(v, f->comments == COMMENTS_CLOSED ? "MODE_CLOSED" :
		    f->comments == COMMENTS_HIDDEN ? "MODE_HIDDEN" :
		    "MODE_OPEN");
		/* Review: waiting in the queue, or returned with a note. */
		if (f->submitted_at != 0) {
			row = view_row(v, "IN_QUEUE");
			view_set(row, "QUEUED_ISO", time_iso(c->arena,
			    f->submitted_at));
			view_set(row, "QUEUED_HUMAN", time_human(c->arena,
			    f->submitted_at));
			if (f->may_publish) {
				view_show(row, "CAN_RETURN");
				view_set_int(row, "ID", f->id);
				page_csrf(c, row);
			}
		} else if (f->review_note != NULL &&
		    f->review_note[0] != '\0' &&
		    f->status == ARTICLE_DRAFT)
			view_set(view_row(v, "RETURNED"), "NOTE",
			    f->review_note);
	}
	if (f->id != 0 && f->base_rev > 0)
		view_set_int(view_row(v, "BASE"), "REV", f->base_rev);
	if (f->theirs != NULL)
		conflict(c, view_row(v, "CONFLICT"), f);
	if (f->live) {
		view_show(v, "ASK_CHANGE");
		if (strcmp(f->val[AF_CHANGE], "update") == 0)
			view_show(v, "CHANGE_UPDATE");
		else if (strcmp(f->val[AF_CHANGE], "correction") == 0)
			view_show(v, "CHANGE_CORRECTION");
		else
			view_show(v, "CHANGE_TYPO");
	}
	if (preview != NULL) {
		row = view_row(v, "PREVIEW");
		for (i = 0; i < 3; i++)
			if (f->render_note[i] != NULL)
				view_set(view_row(row, "RENDER_NOTE"), "TEXT",
				    f->render_note[i]);
		fill_article_show(c, view_include(row, "PREVIEW_ARTICLE",
		    "article_show.tpl"), preview, NULL, 0, 0);
	}
}

void
fill_article_preview(const struct vctx *c, struct view *v, const struct article *a)
{
	struct article	 copy = *a;

	view_set_int(v, "ID", a->id);
	status_of(v, a->status, a->status == ARTICLE_PUBLISHED &&
	    a->published_at <= c->now);
	if (copy.published_at == 0)
		copy.published_at = c->now;
	copy.comments = COMMENTS_HIDDEN;
	fill_article_show(c, view_include(v, "ARTICLE", "article_show.tpl"),
	    &copy, NULL, 0, 0);
}

void
fill_article_delete(const struct vctx *c, struct view *v, const struct article *a)
{
	page_csrf(c, v);
	view_set_int(v, "ID", a->id);
	view_set(v, "HEADLINE", a->headline);
	if (a->status == ARTICLE_DELETED)
		view_show(v, "ALREADY");
	else
		view_show(v, "ASK");
}

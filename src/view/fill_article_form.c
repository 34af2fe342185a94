/*
 * fill_article_form.c: Editors (issue 3): article_form.tpl,
 * article_preview.tpl and article_delete.tpl.
 */
#include <string.h>

#include "../config.h"
#include "../http/http.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/timefmt.h"
#include "forms.h"
#include "page.h"
#include "view.h"

const char *const af_names[AF__MAX] = {
	[AF_HEADLINE] = "headline",
	[AF_SUMMARY] = "summary",
	[AF_BYLINE] = "byline",
	[AF_DATELINE] = "dateline",
	[AF_SOURCE] = "source",
	[AF_PUBLISHED] = "published_at",
	[AF_BODY] = "body",
	[AF_TAGS] = "tags",
	[AF_SLUG] = "slug",
	[AF_CHANGE] = "change",
	[AF_NOTE] = "note",
};

/* The template's name of each field's value; errors add "_ERROR". */
static const char *const keys[AF__MAX] = {
	[AF_HEADLINE] = "HEADLINE",
	[AF_SUMMARY] = "SUMMARY",
	[AF_BYLINE] = "BYLINE",
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

void
fill_article_form(struct req *r, struct view *v, const struct article_form *f,
    const struct article *preview)
{
	struct view	*row;
	int		 i;

	page_csrf(r, v);
	view_set(v, "TIMEZONE", cfg.timezone);
	for (i = 0; i < AF__MAX; i++) {
		view_set(v, keys[i], f->val[i]);
		if (f->err[i] != NULL) {
			row = view_row(v, arena_printf(r->arena, "%s_ERROR",
			    keys[i]));
			view_set(row, "MESSAGE", f->err[i]);
		}
	}
	if (f->error != NULL)
		view_set(view_row(v, "FORM_ERROR"), "MESSAGE", f->error);
	if (f->id == 0) {
		view_show(v, "IS_NEW");
		view_set(v, "ACTION", "/admin/articles/new");
		view_set(v, "SAVE_LABEL", "Save draft");
		view_show(v, "BTN_PUBLISH");
	} else {
		view_show(v, "IS_OLD");
		view_set_int(v, "ID", f->id);
		fill_article_lead(r, view_include(v, "LEAD_FORM",
		    "lead_form.tpl"), f->id, f->lead);
		view_set(v, "ACTION", arena_printf(r->arena,
		    "/admin/articles/%lld/edit", f->id));
		view_set(v, "SLUG_STORED", f->slug);
		status_of(v, f->status, f->live);
		if (f->published_at != 0) {
			view_show(v, "HAS_TIME");
			view_set(v, "TIME_ISO", time_iso(r->arena,
			    f->published_at));
			view_set(v, "TIME_HUMAN", time_human(r->arena,
			    f->published_at));
		}
		if (f->live)
			view_show(v, "IS_LIVE");
		view_show(v, "BTN_DELETE");
		if (f->status == ARTICLE_PUBLISHED) {
			view_set(v, "SAVE_LABEL", "Save changes");
			view_show(v, "BTN_UNPUBLISH");
		} else {
			view_set(v, "SAVE_LABEL", "Save draft");
			view_show(v, "BTN_PUBLISH");
		}
		view_show(v, f->comments == COMMENTS_CLOSED ? "MODE_CLOSED" :
		    f->comments == COMMENTS_HIDDEN ? "MODE_HIDDEN" :
		    "MODE_OPEN");
	}
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
		fill_article_show(r, view_include(row, "PREVIEW_ARTICLE",
		    "article_show.tpl"), preview, NULL, 0, 0);
	}
}

void
fill_article_preview(struct req *r, struct view *v, const struct article *a)
{
	struct article	 copy = *a;

	view_set_int(v, "ID", a->id);
	status_of(v, a->status, a->status == ARTICLE_PUBLISHED &&
	    a->published_at <= r->now);
	if (copy.published_at == 0)
		copy.published_at = r->now;
	copy.comments = COMMENTS_HIDDEN;
	fill_article_show(r, view_include(v, "ARTICLE", "article_show.tpl"),
	    &copy, NULL, 0, 0);
}

void
fill_article_delete(struct req *r, struct view *v, const struct article *a)
{
	page_csrf(r, v);
	view_set_int(v, "ID", a->id);
	view_set(v, "HEADLINE", a->headline);
	if (a->status == ARTICLE_DELETED)
		view_show(v, "ALREADY");
	else
		view_show(v, "ASK");
}

/*
 * fill_desk.c: the newsroom's article list with its filters and bulk
 * actions (admin_articles.tpl), and the bulk confirmation
 * (admin_bulk.tpl).
 */
#include <string.h>

#include "../model.h"
#include "../util/arena.h"
#include "../util/timefmt.h"
#include "forms.h"
#include "page.h"
#include "view.h"

/* An article's state in a list: STATUS, STATUS_LABEL and its time. */
static void
state_of(const struct vctx *c, struct view *row, const struct article *a)
{
	const char	*status, *label;
	int64_t		 t;

	switch (a->status) {
	case ARTICLE_PUBLISHED:
		status = label = a->published_at > c->now ? "scheduled" :
		    "published";
		t = a->published_at;
		break;
	case ARTICLE_DELETED:
		status = "deleted";
		label = "withdrawn";
		t = a->modified_at;
		break;
	default:
		status = label = "draft";
		t = a->modified_at;
		break;
	}
	view_set(row, "STATUS", status);
	view_set(row, "STATUS_LABEL", label);
	view_set(row, "TIME_ISO", time_iso(c->arena, t));
	view_set(row, "TIME_HUMAN", time_human(c->arena, t));
}

void
fill_article_desk(const struct vctx *c, struct view *v, const struct desk_view *d)
{
	struct view	*row;
	int		 i;

	page_csrf(c, v);
	view_set(v, "TITLE", d->title);
	view_set(v, "TAG", d->tag);
	view_set(v, "Q", d->words);
	for (i = 0; i < d->naccounts; i++) {
		row = view_row(v, "AUTHORS");
		view_set(row, "NAME", d->accounts[i].name);
		view_set(row, "DISPLAY", d->accounts[i].display);
		if (strcmp(d->accounts[i].name, d->author) == 0)
			view_show(row, "SELECTED");
	}
	if (d->n == 0)
		view_show(v, "EMPTY");
	else
		view_show(v, "ANY");
	for (i = 0; i < d->n; i++) {
		row = view_row(v, "ARTICLES");
		view_set_int(row, "ID", d->rows[i].id);
		view_set(row, "HEADLINE", d->rows[i].headline);
		state_of(c, row, &d->rows[i]);
	}
	if (d->older_url != NULL)
		view_set(view_row(v, "OLDER"), "OLDER_URL", d->older_url);
}

void
fill_article_desk_status(const struct vctx *c, struct view *v, const char *value,
    const char *label, int selected)
{
	struct view	*row = view_row(v, "STATUSES");

	(void)c;
	view_set(row, "VALUE", value);
	view_set(row, "LABEL", label);
	if (selected)
		view_show(row, "SELECTED");
}

void
fill_article_bulk(const struct vctx *c, struct view *v, const char *action,
    const char *verb, const struct bulk_item *items, size_t n)
{
	struct view	*row, *confirm = NULL;
	size_t		 i, k = 0;

	view_set(v, "VERB", verb);
	for (i = 0; i < n; i++)
		if (items[i].change != NULL)
			k++;
	if (k > 0) {
		confirm = view_row(v, "CONFIRM");
		page_csrf(c, confirm);
		view_set(confirm, "VERB", verb);
		view_set(confirm, "ACTION", action);
		view_set_int(confirm, "COUNT", (long long)k);
		if (k != 1)
			view_show(confirm, "PLURAL");
	} else
		view_show(v, "NOTHING");
	for (i = 0; i < n; i++) {
		row = view_row(v, "ITEMS");
		view_set_int(row, "ID", items[i].a.id);
		view_set(row, "HEADLINE", items[i].a.headline);
		if (items[i].a.slug != NULL)
			state_of(c, row, &items[i].a);
		if (items[i].change != NULL) {
			view_set(view_row(row, "CHANGE"), "TEXT",
			    items[i].change);
			view_set_int(view_row(confirm, "IDS"), "ID",
			    items[i].a.id);
		} else
			view_set(view_row(row, "SKIP"), "TEXT", items[i].why);
	}
}

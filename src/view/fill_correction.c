/*
 * fill_correction.c: the updates and corrections on
 * article_show.tpl, and correction_index.tpl.
 */
#include <string.h>

#include "../model.h"
#include "../util/arena.h"
#include "../util/timefmt.h"
#include "page.h"
#include "view.h"

void
fill_article_notes(const struct vctx *c, struct view *v,
    const struct correction *notes, int n)
{
	struct view	*top = NULL, *list = NULL, *row;
	int		 i, correction;

	for (i = 0; i < n; i++) {
		correction = strcmp(notes[i].kind, "correction") == 0;
		/* A correction also stands at the top of the article. */
		if (correction) {
			if (top == NULL)
				top = view_row(v, "CORRECTED");
			row = view_row(top, "CORRECTION_TOP");
			view_set(row, "NOTE", notes[i].note);
			view_set(row, "NOTE_ISO", time_iso(c->arena,
			    notes[i].created_at));
			view_set(row, "NOTE_HUMAN", time_human(c->arena,
			    notes[i].created_at));
		}
		if (list == NULL)
			list = view_row(v, "HAS_NOTES");
		row = view_row(list, "NOTES");
		view_set(row, "KIND", correction ? "correction" : "update");
		view_set(row, "KIND_LABEL", correction ? "Correction" :
		    "Update");
		view_set(row, "NOTE", notes[i].note);
		view_set(row, "NOTE_ISO", time_iso(c->arena, notes[i].created_at));
		view_set(row, "NOTE_HUMAN", time_human(c->arena,
		    notes[i].created_at));
	}
}

void
fill_correction_index(const struct vctx *c, struct view *v,
    const struct correction *rows, int n, const struct correction *older)
{
	struct view	*row;
	int		 i;

	if (n == 0)
		view_show(v, "EMPTY");
	for (i = 0; i < n; i++) {
		row = view_row(v, "ROWS");
		view_set(row, "SLUG", rows[i].article_slug);
		view_set(row, "HEADLINE", rows[i].article_headline);
		view_set(row, "NOTE", rows[i].note);
		view_set(row, "TIME_ISO", time_iso(c->arena,
		    rows[i].created_at));
		view_set(row, "TIME_HUMAN", time_human(c->arena,
		    rows[i].created_at));
	}
	if (older != NULL) {
		view_show(v, "OLDER");
		/* A cursor of two numbers: "<created_at>-<id>". */
		view_set(v, "OLDER_CURSOR", arena_printf(c->arena,
		    "%lld-%lld", (long long)older->created_at, older->id));
	}
}

/*
 * fill_revision.c: revision_index.tpl.
 */
#include "../model.h"
#include "../util/arena.h"
#include "../util/diff.h"
#include "../util/timefmt.h"
#include "page.h"
#include "view.h"

#define CONTEXT	3	/* unchanged lines shown around a change */

void
fill_diff_words(struct view *v, const char *section,
    const struct diff_word *d, size_t n)
{
	struct view	*row;
	size_t		 i;

	for (i = 0; i < n; i++) {
		row = view_row(v, section);
		view_show(row, d[i].op == DIFF_ADD ? "P_INS" :
		    d[i].op == DIFF_DEL ? "P_DEL" : "P_SAME");
		view_set(row, "T", d[i].text);
	}
}

/* One row of the difference: line numbers, mark, and its pieces. */
static struct view *
diff_row(struct view *v, const char *cls, const char *mark, size_t old_no,
    size_t new_no)
{
	struct view	*row;

	row = view_row(v, "LINES");
	view_show(row, "LINE");
	view_set(row, "CLASS", cls);
	view_set(row, "MARK", mark);
	if (old_no)
		view_set_int(row, "OLD_NO", (long long)old_no);
	if (new_no)
		view_set_int(row, "NEW_NO", (long long)new_no);
	return row;
}

/* A whole line as one piece of kind op. */
static void
whole_line(struct view *row, enum diff_op op, const char *text)
{
	struct diff_word	 w;

	w.op = op;
	w.text = text;
	fill_diff_words(row, "PIECES", &w, 1);
}

/*
 * The difference as rows; long unchanged runs fold into one row.  A
 * run of removed lines followed by a run of added ones is a change:
 * its lines pair up, one row each, marked word by word.
 */
static void
diff_rows(const struct vctx *c, struct view *v, const struct diff_line *d, size_t n)
{
	struct view		*row;
	struct diff_word	*w;
	char			*keep;
	size_t			 i, j, k, lo, hi, skipped, ndel, nadd, nw;

	keep = arena_calloc(c->arena, n + 1, 1);
	for (i = 0; i < n; i++) {
		if (d[i].op == DIFF_SAME)
			continue;
		lo = i >= CONTEXT ? i - CONTEXT : 0;
		hi = i + CONTEXT < n ? i + CONTEXT : n - 1;
		for (j = lo; j <= hi; j++)
			keep[j] = 1;
	}
	for (i = 0; i < n; ) {
		if (!keep[i]) {
			for (skipped = 0; i < n && !keep[i]; i++)
				skipped++;
			row = view_row(v, "LINES");
			view_show(row, "SKIP");
			view_set_int(row, "SKIPPED", (long long)skipped);
			continue;
		}
		if (d[i].op == DIFF_SAME) {
			row = diff_row(v, "same", "", d[i].old_no, d[i].new_no);
			whole_line(row, DIFF_SAME, d[i].text);
			i++;
			continue;
		}
		for (ndel = 0; i + ndel < n && d[i + ndel].op == DIFF_DEL; )
			ndel++;
		for (nadd = 0; i + ndel + nadd < n &&
		    d[i + ndel + nadd].op == DIFF_ADD; )
			nadd++;
		for (k = 0; k < ndel || k < nadd; k++) {
			if (k < ndel && k < nadd) {
				const struct diff_line *o = &d[i + k];
				const struct diff_line *a = &d[i + ndel + k];

				row = diff_row(v, "chg", "~", o->old_no,
				    a->new_no);
				nw = diff_words(c->arena, o->text, a->text, &w);
				fill_diff_words(row, "PIECES", w, nw);
			} else if (k < ndel) {
				row = diff_row(v, "del", "\xe2\x88\x92",
				    d[i + k].old_no, 0);
				whole_line(row, DIFF_DEL, d[i + k].text);
			} else {
				row = diff_row(v, "ins", "+", 0,
				    d[i + ndel + k].new_no);
				whole_line(row, DIFF_ADD, d[i + ndel + k].text);
			}
		}
		i += ndel + nadd;
	}
}

const char *
revision_text(struct arena *a, const struct revision *v, int meta)
{
	const char	*fields;

	fields = arena_printf(a, "Headline: %s\nSummary: %s\nByline: %s\n"
	    "Authors: %s\nDateline: %s\nSource: %s\nTags: %s\n",
	    v->headline, v->summary, v->byline,
	    v->authors != NULL ? v->authors : "(not recorded)", v->dateline,
	    v->source, v->tags);
	if (meta)
		fields = arena_printf(a, "%sSlug: %s\nStatus: %s\n", fields,
		    v->slug, v->status);
	return arena_printf(a, "%s\n%s", fields, v->body_md);
}

void
fill_revision_index(const struct vctx *c, struct view *v, const struct article *a,
    const struct revision *revs, int n, const struct revision *from,
    const struct revision *to, const struct diff_line *diff, size_t ndiff)
{
	struct view	*row, *dv;
	int		 i;

	page_csrf(c, v);
	view_set_int(v, "ID", a->id);
	view_set(v, "HEADLINE", a->headline);
	if (n > 0)
		view_set_int(v, "LATEST", revs[0].number);
	if (n < 2)
		view_show(v, "FEW");
	for (i = 0; i < n; i++) {
		row = view_row(v, "REVS");
		view_set_int(row, "REV", revs[i].number);
		view_set(row, "TIME_ISO", time_iso(c->arena,
		    revs[i].created_at));
		view_set(row, "TIME_HUMAN", time_human(c->arena,
		    revs[i].created_at));
		view_set(row, "BY", revs[i].user_display[0] != '\0' ?
		    revs[i].user_display : "command line");
		view_set(row, "KIND", revs[i].kind);
		view_set(row, "REV_HEADLINE", revs[i].headline);
		if (from != NULL && revs[i].id == from->id)
			view_show(row, "FROM_SEL");
		if (to != NULL && revs[i].id == to->id)
			view_show(row, "TO_SEL");
		if (i > 0)
			view_show(row, "NOT_LATEST");
	}
	if (from == NULL || to == NULL)
		return;
	dv = view_row(v, "DIFF");
	view_set_int(dv, "FROM", from->number);
	view_set_int(dv, "TO", to->number);
	if (diff_changes(diff, ndiff) == 0)
		view_show(dv, "NO_CHANGES");
	else
		diff_rows(c, dv, diff, ndiff);
}

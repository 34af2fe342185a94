/*
 * fill_archive.c: archive_index.tpl and archive_month.tpl.
 */
#include "../model.h"
#include "../util/arena.h"
#include "../util/timefmt.h"
#include "page.h"
#include "view.h"

void
fill_archive_index(const struct vctx *c, struct view *v,
    const struct archive_month *months, int n)
{
	struct view	*year = NULL, *row;
	int		 i;

	if (n == 0)
		view_show(v, "EMPTY");
	for (i = 0; i < n; i++) {
		/* Months come newest first: a new year starts a group. */
		if (i == 0 || months[i].year != months[i - 1].year) {
			year = view_row(v, "YEARS");
			view_set_int(year, "YEAR", months[i].year);
		}
		row = view_row(year, "MONTHS");
		view_set(row, "MM", arena_printf(c->arena, "%02d",
		    months[i].month));
		view_set(row, "MONTH_NAME", time_month_name(months[i].month));
		view_set_int(row, "COUNT", months[i].count);
	}
}

/* The link to the month of t, under the names prefix_YEAR/_MM/_NAME. */
static void
month_link(const struct vctx *c, struct view *v, const char *section,
    const char *prefix, int64_t t)
{
	int	 year, month;

	time_year_month(t, &year, &month);
	view_show(v, section);
	view_set_int(v, arena_printf(c->arena, "%s_YEAR", prefix), year);
	view_set(v, arena_printf(c->arena, "%s_MM", prefix),
	    arena_printf(c->arena, "%02d", month));
	view_set(v, arena_printf(c->arena, "%s_NAME", prefix),
	    time_month_name(month));
}

void
fill_archive_month(const struct vctx *c, struct view *v, int year, int month,
    long long count, int64_t earlier, int64_t later)
{
	view_set_int(v, "YEAR", year);
	view_set(v, "MONTH_NAME", time_month_name(month));
	view_set_int(v, "COUNT", count);
	if (count != 1)
		view_show(v, "PLURAL");
	if (earlier > 0)
		month_link(c, v, "EARLIER", "E", earlier);
	if (later > 0)
		month_link(c, v, "LATER", "L", later);
}

/*
 * fill_article.c: article_show.tpl and comment_body.tpl.
 */
#include <string.h>

#include "../model.h"
#include "../util/commenttext.h"
#include "../util/lang.h"
#include "../util/timefmt.h"
#include "page.h"
#include "view.h"

void
fill_comment_body(const struct vctx *c, struct view *v, const char *marker,
    const char *text)
{
	struct ct_para	*paras;
	struct view	*cv, *pv, *lv, *sv;
	size_t		 np, i, j, k;

	cv = view_include(v, marker, "comment_body.tpl");
	np = ct_split(c->arena, text, &paras);
	for (i = 0; i < np; i++) {
		pv = view_row(cv, "PARA");
		for (j = 0; j < paras[i].nlines; j++) {
			lv = view_row(pv, "LINE");
			if (j > 0)
				view_show(lv, "BR");
			for (k = 0; k < paras[i].lines[j].nsegs; k++) {
				const struct ct_seg *s = &paras[i].lines[j].segs[k];

				sv = view_row(lv, "SEG");
				if (s->kind == CT_LINK) {
					view_show(sv, "LINK");
					view_set(sv, "URL", s->text);
				} else {
					view_show(sv, "TEXT");
					view_set(sv, "T", s->text);
				}
			}
		}
	}
}

void
fill_article_show(const struct vctx *c, struct view *v, const struct article *a,
    const struct comment *comments, int ncomments, int more_comments)
{
	struct view	*row;
	const char	*lang;
	size_t		 k;
	int		 i;

	lang = lang_of_headline(a->headline);
	if (strcmp(lang, SITE_LANG) != 0) {
		view_show(v, "OWN_LANG");
		view_set(v, "LANG", lang);
	}
	view_set(v, "SLUG", a->slug);
	view_set(v, "HEADLINE", a->headline);
	if (a->summary[0] != '\0') {
		view_show(v, "HAS_SUMMARY");
		view_set(v, "SUMMARY", a->summary);
	}
	/* Account authors, linked to their pages; else the byline as
	 * filed (wire copy, outside writers). */
	if (a->nauthors > 0) {
		view_show(v, "HAS_AUTHORS");
		fill_article_authors(c, v, a);
	} else if (a->byline[0] != '\0') {
		view_show(v, "HAS_BYLINE");
		view_set(v, "BYLINE", a->byline);
	}
	if (a->dateline[0] != '\0') {
		view_show(v, "HAS_DATELINE");
		view_set(v, "DATELINE", a->dateline);
	}
	if (a->source[0] != '\0') {
		view_show(v, "HAS_SOURCE");
		view_set(v, "SOURCE", a->source);
	}
	view_set(v, "PUBLISHED_ISO", time_iso(c->arena, a->published_at));
	view_set(v, "PUBLISHED_HUMAN", time_human(c->arena, a->published_at));
	if (a->updated_at > a->published_at) {
		view_show(v, "UPDATED");
		view_set(v, "UPDATED_ISO", time_iso(c->arena, a->updated_at));
		view_set(v, "UPDATED_HUMAN", time_human(c->arena,
		    a->updated_at));
	}
	view_set(v, "BODY_HTML", a->body_html);
	if (a->ntags > 0)
		view_show(v, "HAS_TAGS");
	for (k = 0; k < a->ntags; k++) {
		row = view_row(v, "TAGS");
		view_set(row, "TAG_SLUG", a->tags[k].slug);
		view_set(row, "TAG_NAME", a->tags[k].name);
	}
	if (a->comments == COMMENTS_HIDDEN)
		return;
	view_show(v, "SHOW_COMMENTS");
	view_set_int(v, "COMMENT_COUNT", a->comment_count);
	if (ncomments == 0)
		view_show(v, "NO_COMMENTS");
	for (i = 0; i < ncomments; i++) {
		row = view_row(v, "COMMENTS");
		view_set_int(row, "ID", comments[i].id);
		view_set(row, "AUTHOR", comments[i].author);
		view_set(row, "TIME_ISO", time_iso(c->arena,
		    comments[i].created_at));
		view_set(row, "TIME_HUMAN", time_human(c->arena,
		    comments[i].created_at));
		fill_comment_body(c, row, "TEXT", comments[i].body);
	}
	if (more_comments && ncomments > 0) {
		view_show(v, "MORE_COMMENTS");
		view_set_int(v, "LAST_COMMENT_ID", comments[ncomments - 1].id);
	}
	if (a->comments == COMMENTS_CLOSED)
		view_show(v, "COMMENTS_CLOSED");
	else if (a->comments == COMMENTS_OPEN)
		view_show(v, "COMMENTS_OPEN");
}

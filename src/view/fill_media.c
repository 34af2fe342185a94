/*
 * fill_media.c: media_index.tpl (the media library), the lead image
 * part of article_form.tpl, and picture.tpl, the <picture> element
 * every page shows a photograph with.
 */
#include <stdlib.h>
#include <string.h>

#include "../config.h"
#include "../model.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/timefmt.h"
#include "../util/urlencode.h"
#include "page.h"
#include "view.h"

const char *
media_url(struct arena *a, const struct media *m, int width, const char *ext)
{
	return arena_printf(a, "/media/%s-%d.%s", m->hash, width, ext);
}

const char *
media_crop_url(struct arena *a, const struct media *m, const char *crop)
{
	return arena_printf(a, "/media/%s-og-%s.jpg", m->hash, crop);
}

/* The width of m's smallest variant of at least want pixels. */
static int
media_fit(const struct media *m, int want)
{
	const char	*p = m->widths;
	char		*end;
	long		 w, last = m->width;

	while (*p != '\0') {
		w = strtol(p, &end, 10);
		if (end == p)
			break;
		if (w >= want)
			return (int)w;
		last = w;
		p = *end == ',' ? end + 1 : end;
	}
	return (int)last;
}

/* "URL 320w, URL 640w" for ext. */
static const char *
srcset(struct arena *a, const struct media *m, const char *ext)
{
	struct buf	 b = BUF_INIT;
	const char	*p = m->widths, *s;
	char		*end;
	long		 w;

	while (*p != '\0') {
		w = strtol(p, &end, 10);
		if (end == p)
			break;
		buf_printf(&b, "%s%s %ldw", b.len ? ", " : "",
		    media_url(a, m, (int)w, ext), w);
		p = *end == ',' ? end + 1 : end;
	}
	s = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return s;
}

void
fill_picture(const struct vctx *c, struct view *v, const struct media *m,
    const char *sizes, int eager)
{
	view_set(v, "SRCSET_WEBP", srcset(c->arena, m, "webp"));
	view_set(v, "SRCSET_JPEG", srcset(c->arena, m, "jpg"));
	view_set(v, "SRC", media_url(c->arena, m, media_fit(m, 960), "jpg"));
	view_set(v, "SIZES", sizes);
	view_set_int(v, "WIDTH", m->width);
	view_set_int(v, "HEIGHT", m->height);
	view_set(v, "ALT", m->alt);
	view_show(v, eager ? "EAGER" : "LAZY");
}

/* One library entry (or the lead of an article form) into row. */
static void
media_entry(const struct vctx *c, struct view *row, const struct media *m)
{
	view_set_int(row, "ID", m->id);
	fill_picture(c, view_include(row, "PICTURE", "picture.tpl"), m,
	    "160px", 0);
	view_set(row, "ALT", m->alt);
	view_set(row, "CAPTION", m->caption);
	view_set(row, "CREDIT", m->credit);
	view_set(row, "FILENAME", m->filename);
	view_set_int(row, "WIDTH", m->width);
	view_set_int(row, "HEIGHT", m->height);
	view_set_int(row, "KIB", (m->bytes + 1023) / 1024);
	view_set(row, "TIME_ISO", time_iso(c->arena, m->created_at));
	view_set(row, "TIME_HUMAN", time_human(c->arena, m->created_at));
	if (*m->alt == '\0')
		view_show(row, "NO_ALT");
}

void
fill_media_index(const struct vctx *c, struct view *v, const char *q,
    const struct media *rows, int n, const struct media_use *const *uses,
    const int *nuses, int more, const char *message)
{
	struct view	*row, *use, *older;
	int		 i, j;

	page_csrf(c, v);
	view_set(v, "Q", q != NULL ? q : "");
	if (q != NULL)
		view_set(view_row(v, "SEARCHED"), "Q", q);
	if (message != NULL)
		view_set(view_row(v, "ERROR"), "MESSAGE", message);
	if (n == 0)
		view_show(v, "EMPTY");
	else
		view_show(v, "HAS_MEDIA");
	for (i = 0; i < n; i++) {
		row = view_row(v, "MEDIA");
		media_entry(c, row, &rows[i]);
		if (nuses[i] == 0)
			view_show(row, "UNUSED");
		for (j = 0; j < nuses[i]; j++) {
			use = view_row(row, "USES");
			view_set_int(use, "ARTICLE_ID", uses[i][j].article_id);
			view_set(use, "HEADLINE", uses[i][j].headline);
			view_show(use, uses[i][j].lead ? "LEAD" : "IN_TEXT");
		}
	}
	if (more && n > 0) {
		older = view_row(v, "OLDER");
		view_set_int(older, "BEFORE", rows[n - 1].id);
		/* Encoded here: the template escapes it for HTML only. */
		if (q != NULL)
			view_set(view_row(older, "WITH_Q"), "Q_ENC",
			    url_encode(c->arena, q));
	}
}

void
fill_article_lead(const struct vctx *c, struct view *v, long long article_id,
    const struct media *lead)
{
	struct view	*row;

	view_set_int(v, "ARTICLE_ID", article_id);
	page_csrf(c, v);
	if (lead == NULL) {
		view_show(v, "NO_LEAD");
		return;
	}
	row = view_row(v, "LEAD");
	media_entry(c, row, lead);
}

void
fill_lead_figure(const struct vctx *c, struct view *v, const struct media *m)
{
	struct view	*row = view_row(v, "LEAD");

	/* The article column: the whole screen on a phone, 38rem beyond. */
	fill_picture(c, view_include(row, "PICTURE", "picture.tpl"), m,
	    "(max-width: 40rem) 100vw, 38rem", 1);
	if (*m->caption != '\0' || *m->credit != '\0') {
		row = view_row(row, "FIGCAPTION");
		view_set(row, "CAPTION", m->caption);
		if (*m->credit != '\0')
			view_set(view_row(row, "CREDIT"), "CREDIT", m->credit);
	}
}

int
fill_body_figure(const struct vctx *c, const struct media *m, int feed,
    struct buf *out)
{
	struct view	*v = view_new(c->arena), *row;

	if (feed) {
		row = view_row(v, "FEED");
		view_set(row, "SRC", media_url(c->arena, m, media_fit(m, 960),
		    "jpg"));
		view_set_int(row, "WIDTH", m->width);
		view_set_int(row, "HEIGHT", m->height);
		view_set(row, "ALT", m->alt);
	} else
		/* The article column, as the lead photograph. */
		fill_picture(c, view_include(view_row(v, "PAGE"), "PICTURE",
		    "picture.tpl"), m, "(max-width: 40rem) 100vw, 38rem", 0);
	if (*m->caption != '\0' || *m->credit != '\0') {
		row = view_row(v, "FIGCAPTION");
		view_set(row, "CAPTION", m->caption);
		if (*m->credit != '\0')
			view_set(view_row(row, "CREDIT"), "CREDIT", m->credit);
	}
	return view_render(v, "body_figure.tpl", out);
}

void
fill_head_image(const struct vctx *c, struct view *v, const struct media *m)
{
	static const char *const crops[] = { "16x9", "4x3", "1x1" };
	struct view	*row;
	size_t		 i;

	if (m == NULL) {
		view_show(v, "NO_IMAGE");
		return;
	}
	row = view_row(v, "IMAGE");
	/* Link previews: the 16:9 crop, 1200 wide, as they ask. */
	view_set(row, "IMAGE_URL", arena_printf(c->arena, "%s%s", cfg.base_url,
	    media_crop_url(c->arena, m, "16x9")));
	view_set(row, "IMAGE_ALT", m->alt);
	/* Search engines: the three crops they ask articles for. */
	row = view_row(v, "LD_IMAGE");
	for (i = 0; i < sizeof(crops) / sizeof(crops[0]); i++)
		view_set(view_row(row, "IMAGES"), "URL", arena_printf(c->arena,
		    "%s%s", cfg.base_url, media_crop_url(c->arena, m,
		    crops[i])));
}

void
fill_head_logo(const struct vctx *c, struct view *v, const struct media *m)
{
	struct view	*row = view_row(v, "LOGO");
	int		 w = media_fit(m, 600);

	view_set(row, "LOGO_URL", arena_printf(c->arena, "%s%s", cfg.base_url,
	    media_url(c->arena, m, w, "jpg")));
	view_set_int(row, "LOGO_WIDTH", w);
	view_set_int(row, "LOGO_HEIGHT", (long long)m->height * w / m->width);
}

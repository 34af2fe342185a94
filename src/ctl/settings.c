/*
 * settings.c: the site settings an admin changes
 * while the site runs (src/site.h): the site's name, the line under it,
 * the comment moderation policy and when comments close.
 */
#include <string.h>

#include "../site.h"
#include "../store/store.h"
#include "../util/text.h"
#include "../util/log.h"
#include "../view/page.h"
#include "ctl.h"

/* The form with values s, status, and an error message or a notice
 * (or neither). */
static int
settings_page(struct req *r, const struct site *s, int status,
    const char *message, const char *notice)
{
	struct page	*p;

	p = page_new(ctl_vctx(r), "settings.tpl", "Site settings", "/admin/settings");
	page_noindex(p);
	if (notice != NULL)
		page_flash(p, notice);
	fill_settings(ctl_vctx(r), p->body, s, message);
	return ctl_page(r, p, status);
}

/* ?done=saved after a save (another notice is ignored). */
static const char *const settings_done[] = { "saved", NULL };
const struct input ctl_settings_in[] = {
	{ "done", IN_WORD, 0, settings_done, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

/*
 * GET /admin/settings[?done=saved] (admins only)
 * The form, with the current values.
 * Raises HTTP 403 for an editor (dispatch), 200 otherwise.
 */
int
ctl_settings(struct req *r)
{
	return settings_page(r, site(), 200, NULL, r->in[0].set ?
	    "The settings were saved; every page shows them now." : NULL);
}

/*
 * The form: text fields (site_check() says what fits), the moderation
 * policy and the closing days (parsed as src/site.h says), and the
 * logo: an image's number, or empty or 0 for none.  A bad value
 * gives the form again with its message.
 */
enum {
	IN_SETTINGS_TITLE, IN_SETTINGS_TAGLINE, IN_SETTINGS_MODERATION,
	IN_SETTINGS_DAYS, IN_SETTINGS_LOGO
};
const struct input ctl_settings_save_in[] = {
	[IN_SETTINGS_TITLE] = { "title", IN_ANY, 0, NULL, NULL },
	[IN_SETTINGS_TAGLINE] = { "tagline", IN_ANY, 0, NULL, NULL },
	[IN_SETTINGS_MODERATION] = { "moderation", IN_ANY, 0, NULL, NULL },
	[IN_SETTINGS_DAYS] = { "close_days", IN_ANY, 0, NULL, NULL },
	[IN_SETTINGS_LOGO] = { "logo", IN_ID, 0, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

/*
 * POST /admin/settings (admins only; csrf, title, tagline, moderation,
 * close_days, logo)
 * Saves the settings; every page shows them at once.
 * Raises HTTP 303 to the form on success, 422 with the form and the
 * values as typed for an invalid one (nothing saved), 500 on a store
 * failure.
 */
int
ctl_settings_save(struct req *r)
{
	struct site	 s;
	const char	*mod = r->in[IN_SETTINGS_MODERATION].s;
	const char	*days = r->in[IN_SETTINGS_DAYS].s;
	const struct input_value *logo = &r->in[IN_SETTINGS_LOGO];
	const char	*why;
	struct media	 m;
	int		 rc;

	memset(&s, 0, sizeof(s));
	s.title = r->in[IN_SETTINGS_TITLE].s;
	s.tagline = r->in[IN_SETTINGS_TAGLINE].s;
	if (s.title == NULL)
		s.title = "";
	if (s.tagline == NULL)
		s.tagline = "";
	s.moderation = MODERATION_FIRST_TIME;	/* replaced, or refused */
	s.comment_close_days = 0;
	why = NULL;
	if (mod == NULL || moderation_parse(mod, &s.moderation) < 0)
		why = "Comment moderation is open, first-time or all.";
	else if (site_days_parse(days, &s.comment_close_days) < 0)
		why = "Comments close after 0 (never) to 36500 days: give a "
		    "whole number.";
	/* The logo: a library image's number; empty or 0 for none. */
	if (why == NULL && logo->s != NULL && *logo->s != '\0' &&
	    strcmp(logo->s, "0") != 0) {
		if (!logo->set)
			why = "The logo is a media library image's number.";
		else {
			s.logo = logo->n;
			if ((rc = store_media_by_id(r->store, r->arena, s.logo,
			    &m)) < 0)
				return 500;
			if (rc == 0)
				why = "There is no such image in the media "
				    "library.";
		}
	}
	if (why == NULL)
		why = site_check(&s);
	if (why != NULL) {
		r->resp.error = why;
		return settings_page(r, &s, 422, why, NULL);
	}
	if (site_save(r->store, &s) < 0)
		return 500;
	log_info("settings saved by %s", r->editor->name);
	return http_redirect(r, 303, "/admin/settings?done=saved");
}

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

/* The form with values s, status, and an error message or NULL. */
static int
settings_page(struct req *r, const struct site *s, int status,
    const char *message)
{
	struct page	*p;
	const char	*done = http_query(r, "done");

	p = page_new(ctl_vctx(r), "settings.tpl", "Site settings", "/admin/settings");
	page_noindex(p);
	if (status == 200 && done != NULL && strcmp(done, "saved") == 0)
		page_flash(p, "The settings were saved; every page shows them "
		    "now.");
	fill_settings(ctl_vctx(r), p->body, s, message);
	return ctl_page(r, p, status);
}

/*
 * GET /admin/settings[?done=saved] (admins only)
 * The form, with the current values.
 * Raises HTTP 403 for an editor (dispatch), 200 otherwise.
 */
int
ctl_settings(struct req *r)
{
	return settings_page(r, site(), 200, NULL);
}

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
	const char	*mod = http_form(r, "moderation");
	const char	*days = http_form(r, "close_days");
	const char	*logo = http_form(r, "logo");
	const char	*why;
	struct media	 m;
	int		 rc;

	memset(&s, 0, sizeof(s));
	s.title = http_form(r, "title");
	s.tagline = http_form(r, "tagline");
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
	if (why == NULL && logo != NULL && *logo != '\0' &&
	    strcmp(logo, "0") != 0) {
		if (!parse_id(logo, &s.logo))
			why = "The logo is a media library image's number.";
		else if ((rc = store_media_by_id(r->store, r->arena, s.logo,
		    &m)) < 0)
			return 500;
		else if (rc == 0)
			why = "There is no such image in the media library.";
	}
	if (why == NULL)
		why = site_check(&s);
	if (why != NULL) {
		r->resp.error = why;
		return settings_page(r, &s, 422, why);
	}
	if (site_save(r->store, &s) < 0)
		return 500;
	log_info("settings saved by %s", r->editor->name);
	return http_redirect(r, 303, "/admin/settings?done=saved");
}

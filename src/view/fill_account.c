/*
 * fill_account.c: accounts in the browser: user_index.tpl and
 * user_link.tpl (admins), account.tpl (everyone's own) and
 * password_set.tpl (the page a one-time link opens).
 */
#include "../model.h"
#include "../util/arena.h"
#include "../util/timefmt.h"
#include "page.h"
#include "view.h"

static const char *const role_sections[ROLE__MAX] = {
	[ROLE_CONTRIBUTOR] = "IS_CONTRIBUTOR",
	[ROLE_EDITOR] = "IS_EDITOR",
	[ROLE_ADMIN] = "IS_ADMIN",
};

void
fill_user_index(const struct vctx *c, struct view *v, const struct user *users,
    int n, const char *name, const char *display, enum role role,
    const char *message)
{
	struct view	*row, *act;
	int		 i;

	page_csrf(c, v);
	view_set(v, "NAME", name ? name : "");
	view_set(v, "DISPLAY", display ? display : "");
	view_show(v, role == ROLE_ADMIN ? "ROLE_ADMIN" : role == ROLE_EDITOR ?
	    "ROLE_EDITOR" : "ROLE_CONTRIBUTOR");
	if (message != NULL)
		view_set(view_row(v, "FORM_ERROR"), "MESSAGE", message);
	for (i = 0; i < n; i++) {
		const struct user *u = &users[i];

		row = view_row(v, "USERS");
		view_set(row, "NAME", u->name);
		view_set(row, "DISPLAY", u->display);
		view_set(row, "ROLE", role_name(u->role));
		view_set(row, "STATE", u->disabled ? "disabled" : u->invited ?
		    "invited" : "active");
		view_set(row, "CREATED_ISO", time_iso(c->arena, u->created_at));
		view_set(row, "CREATED", time_short(c->arena, u->created_at));
		view_set(row, "TFA", u->totp_on ? "on" : "off");
		if (u->id == c->editor->user_id) {
			view_show(row, "YOU");
			continue;
		}
		act = view_row(row, "ACTIONS");
		view_set_int(act, "ID", u->id);
		view_set(act, "NAME", u->name);
		if (u->role > ROLE_NONE && u->role < ROLE__MAX)
			view_show(act, role_sections[u->role]);
		view_set(act, "TOGGLE", u->disabled ? "enable" : "disable");
		view_set(act, "TOGGLE_LABEL", u->disabled ? "Enable" :
		    "Disable");
		view_set(act, "RESET_LABEL", u->invited ? "New invitation link" :
		    "Password reset link");
		if (u->totp_on)
			view_show(act, "TFA_ON");
	}
}

void
fill_user_link(const struct vctx *c, struct view *v, const struct user *u,
    int invite, const char *link, int64_t expires)
{
	view_show(v, invite ? "INVITE" : "RESET");
	view_set(v, "NAME", u->name);
	view_set(v, "DISPLAY", u->display);
	view_set(v, "LINK", link);
	view_set(v, "EXPIRES_ISO", time_iso(c->arena, expires));
	view_set(v, "EXPIRES", time_human(c->arena, expires));
}

void
fill_account(const struct vctx *c, struct view *v, const struct user *u,
    const char *display, const char *bio, const struct session_row *rows,
    int n, const char *message)
{
	struct view	*row;
	int		 i;

	page_csrf(c, v);
	view_set(v, "NAME", u->name);
	view_set(v, "ROLE", role_name(u->role));
	view_set(v, "DISPLAY", display);
	view_set(v, "BIO", bio);
	if (message != NULL)
		view_set(view_row(v, "FORM_ERROR"), "MESSAGE", message);
	for (i = 0; i < n; i++) {
		row = view_row(v, "SESSIONS");
		view_set(row, "CREATED_ISO", time_iso(c->arena,
		    rows[i].created_at));
		view_set(row, "CREATED", time_human(c->arena,
		    rows[i].created_at));
		view_set(row, "SEEN_ISO", time_iso(c->arena, rows[i].seen_at));
		view_set(row, "SEEN", time_human(c->arena, rows[i].seen_at));
		if (rows[i].id == c->editor->session_id)
			view_show(row, "THIS");
		else
			view_set_int(view_row(row, "OTHER"), "ID", rows[i].id);
	}
}

void
fill_password_set(const struct vctx *c, struct view *v, const struct user *u,
    int invite, const char *token, const char *message)
{
	(void)c;
	view_show(v, invite ? "INVITE" : "RESET");
	view_set(v, "NAME", u->name);
	view_set(v, "DISPLAY", u->display);
	view_set(v, "TOKEN", token);
	if (message != NULL)
		view_set(view_row(v, "ERROR"), "MESSAGE", message);
}

void
fill_twofactor(const struct vctx *c, struct view *v, const struct user *u,
    const char *secret, const char *uri, const unsigned char *qr, int width, const char **codes,
    int left, int required, const char *message)
{
	struct view	*sec, *row;
	int		 x, y, run, i;

	page_csrf(c, v);
	if (message != NULL)
		view_set(view_row(v, "FORM_ERROR"), "MESSAGE", message);
	if (required)
		view_show(v, "REQUIRED");
	if (codes != NULL) {
		sec = view_row(v, "CODES");
		for (i = 0; i < RECOVERY_CODES; i++)
			view_set(view_row(sec, "CODE"), "C", codes[i]);
		return;
	}
	if (u->totp_on) {
		sec = view_row(v, "ON");
		view_set_int(sec, "LEFT", left);
		if (!required)
			view_show(sec, "CAN_OFF");
		return;
	}
	sec = view_row(v, "ENROL");
	view_set(sec, "SECRET", secret);
	view_set(sec, "URI", uri);
	/* Four modules of quiet zone around the code, as the standard asks. */
	view_set_int(sec, "SIZE", width + 8);
	for (y = 0; y < width; y++)
		for (x = 0; x < width; x += run) {
			for (run = 0; x + run < width &&
			    qr[y * width + x + run]; run++)
				;
			if (run == 0) {
				run = 1;
				continue;
			}
			row = view_row(sec, "RUN");
			view_set_int(row, "X", x + 4);
			view_set_int(row, "Y", y + 4);
			view_set_int(row, "W", run);
		}
}

void
fill_audit_index(const struct vctx *c, struct view *v, const struct audit_row *rows,
    int n, long long older)
{
	struct view	*row;
	int		 i;

	if (n == 0)
		view_show(v, "EMPTY");
	for (i = 0; i < n; i++) {
		row = view_row(v, "ROWS");
		view_set(row, "AT_ISO", time_iso(c->arena, rows[i].at));
		view_set(row, "AT", time_human(c->arena, rows[i].at));
		view_set(row, "WHO", rows[i].who[0] != '\0' ? rows[i].who :
		    "command line");
		view_set(row, "ACTION", rows[i].action);
		view_set(row, "TARGET", rows[i].target);
		view_set(row, "DETAIL", rows[i].detail);
	}
	if (older > 0)
		view_set_int(view_row(v, "OLDER"), "BEFORE", older);
}

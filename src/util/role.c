/*
 * role.c: role names, as users.role stores them and the forms and the
 * command line spell them.
 */
#include <string.h>

#include "role.h"
#include "text.h"

static const char *const names[ROLE__MAX] = {
	[ROLE_NONE] = "",
	[ROLE_CONTRIBUTOR] = "contributor",
	[ROLE_EDITOR] = "editor",
	[ROLE_ADMIN] = "admin",
};

const char *
role_name(enum role r)
{
	return r < ROLE__MAX ? names[r] : "";
}

enum role
role_parse(const char *s)
{
	int	 i;

	for (i = ROLE_CONTRIBUTOR; s != NULL && i < ROLE__MAX; i++)
		if (strcmp(s, names[i]) == 0)
			return (enum role)i;
	return ROLE_NONE;
}

int
account_name_ok(const char *name)
{
	size_t	 i, n = strlen(name);

	if (n == 0 || n > ACCOUNT_NAME_MAX)
		return 0;
	for (i = 0; i < n; i++) {
		char c = name[i];

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			continue;
		if (i > 0 && (c == '.' || c == '_' || c == '-'))
			continue;
		return 0;
	}
	return 1;
}

int
account_display_ok(const char *s)
{
	size_t	 n = strlen(s);

	return utf8_valid(s, n) && !text_has_control(s, n, 0) &&
	    !text_blank(s) && utf8_len(s, n) <= ACCOUNT_DISPLAY_MAX;
}

int
account_bio_ok(const char *s)
{
	size_t	 n = strlen(s);

	return utf8_valid(s, n) && !text_has_control(s, n, 1) &&
	    utf8_len(s, n) <= ACCOUNT_BIO_MAX;
}

/*
 * role.c: role names, as users.role stores them and the forms and the
 * command line spell them.
 */
#include <string.h>

#include "role.h"

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

/*
 * picked.c: the one form field no route declares by name: a list's
 * check boxes, as many as were ticked.
 */
#include "ctl.h"

size_t
ctl_picked(const struct req *r, const char ***vals)
{
	return http_form_all(r, "id[]", vals);
}

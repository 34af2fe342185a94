/*
 * tag_admin.c: tag management: rename (the slug
 * follows, the old address redirects), merge two tags, delete an
 * unused one.
 */
#include <string.h>

#include "../store/store.h"
#include "../util/arena.h"
#include "../util/text.h"
#include "../util/wire.h"
#include "../view/page.h"
#include "ctl.h"

/* The notices after a redirect, by ?done= code (another is ignored). */
static const char *const done_codes[] = {
	"renamed", "merged", "deleted", NULL
};
static const char *const notices[] = {
	"The tag was renamed; its old address redirects.",
	"The tags were merged; the old address redirects.",
	"The tag was deleted.",
};
CHOICES_MATCH(done_codes, notices);
const struct input ctl_tag_admin_in[] = {
	{ "done", IN_WORD, 0, done_codes, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

/* The tag page with status and an optional error message or notice. */
static int
tag_page(struct req *r, int status, const char *message, const char *notice)
{
	struct tag_use	*tags;
	struct page	*p;
	int		 count;

	if ((count = store_tags_admin(r->store, r->arena, &tags)) < 0)
		return 500;
	p = page_new(ctl_vctx(r), "tag_admin.tpl", "Tags", "/admin/tags");
	page_noindex(p);
	if (notice != NULL)
		page_flash(p, notice);
	fill_tag_admin(ctl_vctx(r), p->body, tags, count, message);
	return ctl_page(r, p, status);
}

/*
 * GET /admin/tags[?done=CODE]
 * Every tag with its counts and forms to rename, merge and delete.
 * Raises HTTP 200.
 */
int
ctl_tag_admin(struct req *r)
{
	return tag_page(r, 200, NULL, r->in[0].set ? notices[r->in[0].n] :
	    NULL);
}

/*
 * A tag name as typed in a form (v, or NULL if none): valid, folded,
 * bounded, with letters or digits.  Returns it, or NULL with *why set.
 */
static const char *
tag_name(struct req *r, const char *v, const char **why)
{
	char		*name;

	*why = "Give a tag name of 1 to 60 characters with letters or digits.";
	if (v == NULL || !utf8_valid(v, strlen(v)) ||
	    text_has_control(v, strlen(v), 0))
		return NULL;
	name = text_squish(r->arena, v);
	if (*name == '\0' || utf8_len(name, strlen(name)) > WIRE_MAX_TAG_LEN ||
	    strchr(name, ',') != NULL || *text_slugify(r->arena, name) == '\0')
		return NULL;
	return name;
}

/* The new name, checked by tag_name() (a bad one: the list, 422). */
const struct input ctl_tag_rename_in[] = {
	{ "name", IN_ANY, 0, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

/*
 * POST /admin/tags/:id/rename (csrf, name)
 * Raises HTTP 404 for an unknown tag, 422 with the list for a bad name
 * or one another tag has (merge instead), 303 to the list.
 */
int
ctl_tag_rename(struct req *r)
{
	const char	*name, *why;
	long long	 id;
	int		 rc;

	id = r->num[0];
	if ((name = tag_name(r, r->in[0].s, &why)) == NULL)	/* name */
		return tag_page(r, 422, why, NULL);
	if ((rc = store_tag_rename(r->store, id, name, r->now)) < 0)
		return 500;
	if (rc == 3)
		return 404;
	if (rc == 1)
		return tag_page(r, 422, "Another tag already has that name: "
		    "merge the two instead.", NULL);
	if (rc == 2)
		return tag_page(r, 422, why, NULL);
	return http_redirect(r, 303, "/admin/tags?done=renamed");
}

/* The other tag's name or slug, checked by tag_name() too. */
const struct input ctl_tag_merge_in[] = {
	{ "into", IN_ANY, 0, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

/*
 * POST /admin/tags/:id/merge (csrf, into: the other tag's name or slug)
 * Every article of this tag gets the other one instead; this tag goes
 * and its address redirects to the other.
 * Raises HTTP 404 for an unknown tag, 422 with the list when into names
 * no tag or this one, 303 to the list.
 */
int
ctl_tag_merge(struct req *r)
{
	struct tag	 into;
	const char	*name, *why;
	long long	 id;
	int		 rc;

	id = r->num[0];
	if ((name = tag_name(r, r->in[0].s, &why)) == NULL)	/* into */
		return tag_page(r, 422, why, NULL);
	rc = store_tag_by_slug(r->store, r->arena, text_slugify(r->arena,
	    name), &into);
	if (rc < 0)
		return 500;
	if (rc == 0)
		return tag_page(r, 422, arena_printf(r->arena, "There is no "
		    "tag called \"%s\" to merge into.", name), NULL);
	ctl_audit_next(r, "tag.merge", arena_printf(r->arena, "tag %lld", id),
	    arena_printf(r->arena, "into %s", into.name));
	if ((rc = store_tag_merge(r->store, id, into.id, r->now)) < 0)
		return 500;
	if (rc == 3)
		return 404;
	if (rc == 1)
		return tag_page(r, 422, "A tag cannot be merged into itself.",
		    NULL);
	return http_redirect(r, 303, "/admin/tags?done=merged");
}

/*
 * POST /admin/tags/:id/delete (csrf)
 * Raises HTTP 404 for an unknown tag, 422 with the list for a tag that
 * articles still carry, 303 to the list.
 */
int
ctl_tag_delete(struct req *r)
{
	struct tag	 t;
	long long	 id;
	int		 rc;

	id = r->num[0];
	if ((rc = store_tag_by_id(r->store, r->arena, id, &t)) <= 0)
		return rc < 0 ? 500 : 404;
	if ((rc = store_tag_delete(r->store, id)) < 0)
		return 500;
	if (rc == 1)
		return tag_page(r, 422, arena_printf(r->arena, "\"%s\" is "
		    "still used by articles: merge it into another tag "
		    "instead.", t.name), NULL);
	return http_redirect(r, 303, "/admin/tags?done=deleted");
}

/*
 * article_form.c: the article form's fields, checked
 * against one table before any of them is used, kcgi-style.
 */
#include <string.h>

#include "../config.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/markdown.h"
#include "../util/text.h"
#include "../util/timefmt.h"
#include "../util/wire.h"
#include "article_form.h"
#include "ctl.h"

#define NOTE_MIN	3	/* characters of a public note */

/* What each field accepts. */
static const struct {
	size_t	 max;		/* characters (body: bytes) */
	int	 multiline;	/* tabs and line breaks allowed, kept */
} rules[AF__MAX] = {
	[AF_HEADLINE] =  { WIRE_MAX_HEADLINE, 0 },
	[AF_SUMMARY] =   { 1000, 0 },
	[AF_BYLINE] =    { 200, 0 },
	[AF_AUTHORS] =   { 500, 0 },
	[AF_DATELINE] =  { 100, 0 },
	[AF_SOURCE] =    { 300, 0 },
	[AF_PUBLISHED] = { 19, 0 },
	[AF_BODY] =      { AF_BODY_MAX, 1 },
	[AF_TAGS] =      { 2000, 0 },
	[AF_SLUG] =      { SLUG_MAX, 0 },
	[AF_CHANGE] =    { 20, 0 },
	[AF_NOTE] =      { 500, 0 },
};

void
article_form_new(struct article_form *f)
{
	int	 i;

	memset(f, 0, sizeof(*f));
	f->status = ARTICLE_DRAFT;
	for (i = 0; i < AF__MAX; i++)
		f->val[i] = "";
	f->val[AF_CHANGE] = "typo";
	f->review_note = "";
}

const char *
article_tags_field(struct req *r, const struct article *a)
{
	struct buf	 b = BUF_INIT;
	const char	*s;
	size_t		 i;

	for (i = 0; i < a->ntags; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", a->tags[i].name);
	s = arena_strdup(r->arena, buf_cstr(&b));
	buf_free(&b);
	return s;
}

void
article_form_load(struct req *r, struct article_form *f,
    const struct article *a)
{
	article_form_new(f);
	f->id = a->id;
	f->status = a->status;
	f->slug = a->slug;
	f->published_at = a->published_at;
	f->comments = a->comments;
	f->live = article_live(a, r->now);
	f->scheduled = a->status == ARTICLE_PUBLISHED && !f->live;
	f->val[AF_HEADLINE] = a->headline;
	f->val[AF_SUMMARY] = a->summary;
	f->val[AF_BYLINE] = a->byline;
	f->val[AF_AUTHORS] = article_authors_field(r, a);
	f->val[AF_DATELINE] = a->dateline;
	f->val[AF_SOURCE] = a->source;
	f->val[AF_PUBLISHED] = a->published_at ?
	    time_local_input(r->arena, a->published_at) : "";
	f->val[AF_BODY] = a->body_md ? a->body_md : "";
	f->val[AF_TAGS] = article_tags_field(r, a);
	f->val[AF_SLUG] = a->slug;
}

/* Body text with CRLF and lone CR made LF, in the arena. */
static const char *
unix_lines(struct arena *a, const char *s)
{
	char	*out, *q;

	out = q = arena_alloc(a, strlen(s) + 1);
	for (; *s != '\0'; s++) {
		if (*s == '\r') {
			*q++ = '\n';
			if (s[1] == '\n')
				s++;
		} else
			*q++ = *s;
	}
	*q = '\0';
	return out;
}

/* Read field i into f->val[i], cleaned; set f->err[i] if it is bad.
 * The form's routes declare the fields at their enum af_field indexes
 * (ctl_article_form_in). */
static void
read_field(struct req *r, struct article_form *f, enum af_field i)
{
	const char	*v = r->in[i].s;
	size_t		 n;

	if (v == NULL)
		v = "";
	n = strlen(v);
	if (!utf8_valid(v, n)) {
		f->val[i] = "";
		f->err[i] = "This is not valid UTF-8 text.";
		return;
	}
	/* Tabs and line breaks pass; one-line fields fold them below. */
	if (text_has_control(v, n, 1)) {
		f->val[i] = v;
		f->err[i] = "Control characters are not allowed here.";
		return;
	}
	/* One-line fields fold every run of white space, newlines too. */
	f->val[i] = rules[i].multiline ? text_plain_spaces(r->arena,
	    unix_lines(r->arena, v)) : text_squish(r->arena, v);
	n = strlen(f->val[i]);
	if (i == AF_BODY ? n > rules[i].max :
	    utf8_len(f->val[i], n) > rules[i].max)
		f->err[i] = i == AF_BODY ? "The body is limited to 1 MiB." :
		    arena_printf(r->arena, "At most %zu characters, please.",
		    rules[i].max);
}

void
article_form_read(struct req *r, struct article_form *f)
{
	int	 i;

	for (i = 0; i < AF__MAX; i++)
		read_field(r, f, (enum af_field)i);
	/* What was typed comes back; nothing here is an error yet. */
	for (i = 0; i < AF__MAX; i++)
		if (f->err[i] != NULL && f->val[i][0] == '\0')
			f->err[i] = NULL;
}

const char *
article_authors_field(struct req *r, const struct article *a)
{
	struct buf	 b = BUF_INIT;
	const char	*s;
	size_t		 i;

	for (i = 0; i < a->nauthors; i++)
		buf_printf(&b, "%s%s", i ? ", " : "", a->authors[i].name);
	s = arena_strdup(r->arena, buf_cstr(&b));
	buf_free(&b);
	return s;
}

int
article_authors_parse(struct req *r, const char *field, struct author *out,
    size_t *nout, const char **err)
{
	struct user	 u;
	const char	*p = field, *comma;
	char		*name;
	size_t		 n, i;
	int		 rc;

	*nout = 0;
	*err = NULL;
	while (*p != '\0') {
		if ((comma = strchr(p, ',')) == NULL)
			comma = p + strlen(p);
		while (*p == ' ')
			p++;
		n = (size_t)(comma - p);
		while (n > 0 && p[n - 1] == ' ')
			n--;
		if (n > 0) {
			name = arena_strndup(r->arena, p, n);
			if ((rc = store_user_by_name(r->store, r->arena, name,
			    &u)) < 0)
				return -1;
			if (rc == 0) {
				*err = arena_printf(r->arena, "There is no "
				    "account \"%s\": give login names, "
				    "separated by commas.", name);
				return 0;
			}
			for (i = 0; i < *nout; i++)
				if (out[i].id == u.id)
					break;
			if (i == *nout) {
				if (*nout == AF_AUTHORS_MAX) {
					*err = arena_printf(r->arena, "At "
					    "most %d authors, please.",
					    AF_AUTHORS_MAX);
					return 0;
				}
				out[i].id = u.id;
				out[i].name = u.name;
				out[i].display = u.display;
				out[i].bio = u.bio;
				out[i].slug = u.slug;
				(*nout)++;
			}
		}
		p = *comma == ',' ? comma + 1 : comma;
	}
	return 0;
}

void
article_edit_authors(struct req *r, struct article_edit *e,
    const struct author *authors, size_t n)
{
	long long	*ids;
	size_t		 i;

	ids = arena_calloc(r->arena, n + 1, sizeof(*ids));
	for (i = 0; i < n; i++)
		ids[i] = authors[i].id;
	e->set_authors = 1;
	e->author_ids = ids;
	e->nauthors = n;
}

/*
 * The authors field into f->authors, or the field's error.  0, or -1 on
 * a store error.
 */
static int
authors_check(struct req *r, struct article_form *f)
{
	f->authors = arena_calloc(r->arena, AF_AUTHORS_MAX,
	    sizeof(*f->authors));
	return article_authors_parse(r, f->val[AF_AUTHORS], f->authors,
	    &f->nauthors, &f->err[AF_AUTHORS]);
}

/* A slug from the headline that no other article has or had. */
static const char *
derive_slug(struct req *r, const char *headline, long long id)
{
	const char	*base, *slug;
	size_t		 n;
	int		 i, rc;

	base = text_slugify(r->arena, headline);
	if (*base == '\0')
		base = "article";
	/* Room for "-N", cut where no hyphen is left dangling ("a--2"
	 * would not be a slug). */
	if ((n = strlen(base)) > SLUG_MAX - 8)
		n = SLUG_MAX - 8;
	while (n > 0 && base[n - 1] == '-')
		n--;
	slug = base;
	for (i = 2; i < 1000; i++) {
		if ((rc = store_slug_free(r->store, slug, id)) != 0)
			return rc > 0 ? slug : NULL;
		slug = arena_printf(r->arena, "%.*s-%d", (int)n, base, i);
	}
	return NULL;
}

int
article_form_check(struct req *r, struct article_form *f, const char *action,
    struct article_edit *e)
{
	const char	**tags = NULL, *terr, *html, *text, *when;
	enum article_status status;
	int64_t		 at = 0;
	int		 i, ntags = 0, errors = 0, rc, authors_sent;

	for (i = 0; i < AF__MAX; i++)
		read_field(r, f, (enum af_field)i);
	/* No authors field at all (a form from before it existed, a
	 * script): a stored article keeps its authors, a contributor's
	 * new one is theirs. */
	authors_sent = r->in[AF_AUTHORS].s != NULL;
	if (!authors_sent && f->id == 0 && r->editor != NULL &&
	    r->editor->role == ROLE_CONTRIBUTOR) {
		f->val[AF_AUTHORS] = r->editor->name;
		authors_sent = 1;
	}
	if (f->err[AF_AUTHORS] == NULL && authors_check(r, f) < 0)
		return -1;

	if (f->err[AF_HEADLINE] == NULL && text_blank(f->val[AF_HEADLINE]))
		f->err[AF_HEADLINE] = "A headline is needed.";

	/* The time the browser sends is "2026-11-25T14:07", site's zone. */
	when = f->val[AF_PUBLISHED];
	if (f->err[AF_PUBLISHED] == NULL && *when != '\0') {
		if (strlen(when) >= 11 && when[10] == ' ')
			when = arena_printf(r->arena, "%.10sT%s", when,
			    when + 11);
		if ((at = time_local_parse(when)) == 0)
			f->err[AF_PUBLISHED] = "Give the time as "
			    "YYYY-MM-DDTHH:MM, for example 2026-11-25T14:07.";
	}

	if (f->err[AF_TAGS] == NULL &&
	    (ntags = tags_split(r->arena, f->val[AF_TAGS], &tags, &terr)) < 0)
		f->err[AF_TAGS] = arena_printf(r->arena, "Too many or too "
		    "long tags: %s (at most %d tags of %d characters).", terr,
		    WIRE_MAX_TAGS, WIRE_MAX_TAG_LEN);

	if (f->err[AF_SLUG] == NULL && *f->val[AF_SLUG] != '\0') {
		if (!slug_valid(f->val[AF_SLUG]))
			f->err[AF_SLUG] = "Use lower-case letters a-z, digits "
			    "and single hyphens, such as storm-closes-road.";
		else if ((rc = store_slug_free(r->store, f->val[AF_SLUG],
		    f->id)) < 0)
			return -1;
		else if (rc == 0)
			f->err[AF_SLUG] = "Another article uses (or used) "
			    "this address.";
	}

	/* What the article becomes. */
	status = f->status == ARTICLE_DELETED ? ARTICLE_DRAFT : f->status;
	if (strcmp(action, "publish") == 0)
		status = ARTICLE_PUBLISHED;
	else if (strcmp(action, "unpublish") == 0)
		status = ARTICLE_DRAFT;

	if (status == ARTICLE_PUBLISHED && f->err[AF_BODY] == NULL &&
	    text_blank(f->val[AF_BODY]))
		f->err[AF_BODY] = "A published article needs a body.";
	if (strcmp(action, "submit") == 0 && f->err[AF_BODY] == NULL &&
	    text_blank(f->val[AF_BODY]))
		f->err[AF_BODY] = "An article sent for review needs a body.";

	/* A change readers have seen says what kind of change it is. */
	if (f->live && status == ARTICLE_PUBLISHED &&
	    strcmp(action, "preview") != 0) {
		const char *k = f->val[AF_CHANGE];

		if (strcmp(k, "typo") != 0 && strcmp(k, "update") != 0 &&
		    strcmp(k, "correction") != 0)
			f->err[AF_CHANGE] = "Say what kind of change this is.";
		else if (strcmp(k, "typo") != 0 && f->err[AF_NOTE] == NULL &&
		    utf8_len(f->val[AF_NOTE], strlen(f->val[AF_NOTE])) <
		    NOTE_MIN)
			f->err[AF_NOTE] = "An update or a correction needs a "
			    "short note for readers.";
	}

	for (i = 0; i < AF__MAX; i++)
		if (f->err[i] != NULL)
			errors++;
	if (errors > 0) {
		f->error = "The article was not saved: please see the "
		    "messages next to the fields.";
		return errors;
	}

	memset(e, 0, sizeof(*e));
	e->id = f->id;
	e->headline = f->val[AF_HEADLINE];
	e->summary = f->val[AF_SUMMARY];
	e->byline = f->val[AF_BYLINE];
	e->dateline = f->val[AF_DATELINE];
	e->source = f->val[AF_SOURCE];
	e->body_md = f->val[AF_BODY];
	if (md_render(r->arena, e->body_md, &html, &text) < 0)
		return -1;
	e->body_html = html;
	e->body_text = text;
	e->tags = tags;
	e->ntags = (size_t)ntags;
	e->tags_field = f->val[AF_TAGS];
	if (authors_sent)
		article_edit_authors(r, e, f->authors, f->nauthors);
	e->status = status;
	/* Published now unless a time is given; a draft keeps its time. */
	e->published_at = at != 0 ? at :
	    status == ARTICLE_PUBLISHED ? r->now : 0;
	e->user_id = r->editor ? r->editor->user_id : 0;
	e->now = r->now;
	if (f->live && status == ARTICLE_PUBLISHED) {
		e->kind = f->val[AF_CHANGE];
		if (strcmp(e->kind, "typo") != 0) {
			e->touch_updated = 1;
			e->note = f->val[AF_NOTE];
		}
	} else if (status == ARTICLE_PUBLISHED && f->status != status)
		e->kind = "publish";
	else if (status == ARTICLE_DRAFT && f->status == ARTICLE_PUBLISHED)
		e->kind = "unpublish";
	else
		e->kind = "edit";
	e->slug = *f->val[AF_SLUG] != '\0' ? f->val[AF_SLUG] :
	    derive_slug(r, e->headline, f->id);
	return e->slug == NULL ? -1 : 0;
}

void
article_form_preview(struct req *r, const struct article_edit *e,
    struct article *a)
{
	size_t	 i;

	memset(a, 0, sizeof(*a));
	a->id = e->id;
	a->slug = e->slug;
	a->headline = e->headline;
	a->summary = e->summary;
	a->byline = e->byline;
	a->dateline = e->dateline;
	a->source = e->source;
	a->body_md = e->body_md;
	a->body_html = e->body_html;
	a->status = e->status;
	a->published_at = e->published_at ? e->published_at : r->now;
	a->comments = COMMENTS_HIDDEN;	/* a preview shows no comments */
	a->tags = arena_calloc(r->arena, e->ntags + 1, sizeof(*a->tags));
	for (i = 0; i < e->ntags; i++) {
		a->tags[i].name = e->tags[i];
		a->tags[i].slug = text_slugify(r->arena, e->tags[i]);
	}
	a->ntags = e->ntags;
}

void
article_edit_from(struct req *r, const struct article *a,
    struct article_edit *e)
{
	const char	**names;
	size_t		  i;

	memset(e, 0, sizeof(*e));
	names = arena_calloc(r->arena, a->ntags + 1, sizeof(*names));
	for (i = 0; i < a->ntags; i++)
		names[i] = a->tags[i].name;
	e->id = a->id;
	e->slug = a->slug;
	e->headline = a->headline;
	e->summary = a->summary;
	e->byline = a->byline;
	e->dateline = a->dateline;
	e->source = a->source;
	e->body_md = a->body_md;
	e->body_html = a->body_html;
	e->status = a->status;
	e->published_at = a->published_at;
	e->tags = names;
	e->ntags = a->ntags;
	e->tags_field = article_tags_field(r, a);
	e->user_id = r->editor ? r->editor->user_id : 0;
	e->kind = "edit";
	e->now = r->now;
}

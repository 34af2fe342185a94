/*
 * media.c: the media library (/admin/media): uploading photographs,
 * listing them newest first, and making one an article's lead image.
 *
 * An upload's file arrives in a temporary file (src/http/upload.c); it
 * is decoded and resized by a separate process (src/media.c), and only
 * a success adds a row.
 */
#include <string.h>

#include "../media.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/text.h"
#include "../view/page.h"
#include "ctl.h"

#define MEDIA_PAGE	24	/* images per page of the library */
#define ALT_MAX		250	/* characters */
#define CAPTION_MAX	1000
#define CREDIT_MAX	200
#define SEARCH_MAX	100

/* The notices after a redirect, by ?done= code (another is ignored). */
static const char *const done_codes[] = {
	"uploaded", "saved", "deleted", "known", NULL
};
static const char *const notices[] = {
	"The photograph was uploaded.",
	"The image's details were saved.",
	"The image was deleted.",
	"This photograph was in the library already; its entry is kept as "
	"it was.",
};
CHOICES_MATCH(done_codes, notices);

/*
 * The library's address: ?before=ID (the page), ?q= (words, checked
 * by media_page()) and ?done= (a notice).
 */
enum { IN_LIB_BEFORE, IN_LIB_WORDS, IN_LIB_DONE };
const struct input ctl_media_index_in[] = {
	[IN_LIB_BEFORE] = { "before", IN_ID, 0, NULL, NULL },
	[IN_LIB_WORDS] = { "q", IN_ANY, 0, NULL, NULL },
	[IN_LIB_DONE] = { "done", IN_WORD, 0, done_codes, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

/*
 * The library page, with status and an optional error message; in is
 * what its address asked for (ctl_media_index_in), or NULL for the
 * first page, as a form's answer.
 */
static int
media_page(struct req *r, int status, const char *message,
    const struct input_value *in)
{
	struct media	*rows;
	struct media_use **uses;
	struct page	*p;
	const char	*q = in != NULL ? in[IN_LIB_WORDS].s : NULL;
	long long	 before = in != NULL ? in[IN_LIB_BEFORE].n : 0;
	int		 count, i, *nuses;

	if (in != NULL && input_bad(&in[IN_LIB_BEFORE])) {
		r->resp.error = "The page asked for does not exist.";
		return 400;
	}
	if (q != NULL && (!utf8_valid(q, strlen(q)) ||
	    text_has_control(q, strlen(q), 1) ||
	    utf8_len(q, strlen(q)) > SEARCH_MAX)) {
		r->resp.error = "Search for at most 100 characters of text.";
		return 400;
	}
	if (q != NULL && text_blank(q))
		q = NULL;
	if (q != NULL)
		q = text_squish(r->arena, q);
	/* One more than a page: is there an older page? */
	if ((count = q != NULL ? store_media_search(r->store, r->arena, q,
	    before, MEDIA_PAGE + 1, &rows) : store_media_list(r->store,
	    r->arena, before, MEDIA_PAGE + 1, &rows)) < 0)
		return 500;
	uses = arena_calloc(r->arena, (size_t)count + 1, sizeof(*uses));
	nuses = arena_calloc(r->arena, (size_t)count + 1, sizeof(*nuses));
	for (i = 0; i < count && i < MEDIA_PAGE; i++)
		if ((nuses[i] = store_media_uses(r->store, r->arena,
		    rows[i].id, 10, &uses[i])) < 0)
			return 500;
	p = page_new(ctl_vctx(r), "media_index.tpl", "Media library", "/admin/media");
	page_noindex(p);
	if (in != NULL && in[IN_LIB_DONE].set)
		page_flash(p, notices[in[IN_LIB_DONE].n]);
	fill_media_index(ctl_vctx(r), p->body, q, rows, count > MEDIA_PAGE ? MEDIA_PAGE :
	    count, (const struct media_use *const *)uses, nuses,
	    count > MEDIA_PAGE, message);
	return ctl_page(r, p, status);
}

/*
 * GET /admin/media[?q=WORDS][&before=ID][&done=CODE]
 * The library, newest first, with the upload form; with q, the images
 * whose caption, credit or alt text holds the words.
 * Raises HTTP 400 for a malformed cursor or search, 200 otherwise.
 */
int
ctl_media_index(struct req *r)
{
	return media_page(r, 200, NULL, r->in);
}

/*
 * The image forms: alt text, caption and credit (text_field() checks
 * them, and a bad one gives the library page with its message), and
 * on an upload the article to illustrate, checked by form_article().
 */
enum { IN_IMAGE_ALT, IN_IMAGE_CAPTION, IN_IMAGE_CREDIT, IN_IMAGE_ARTICLE };
static const char *const image_fields[] = { "alt", "caption", "credit" };
const struct input ctl_media_form_in[] = {
	[IN_IMAGE_ALT] = { "alt", IN_ANY, 0, NULL, NULL },
	[IN_IMAGE_CAPTION] = { "caption", IN_ANY, 0, NULL, NULL },
	[IN_IMAGE_CREDIT] = { "credit", IN_ANY, 0, NULL, NULL },
	[IN_IMAGE_ARTICLE] = { "article", IN_ID, 0, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

/*
 * A one-line text field, r->in[i]: valid UTF-8, no control characters,
 * white space folded, at most max characters.  NULL with *why set if
 * not.
 */
static const char *
text_field(struct req *r, int i, size_t max, const char **why)
{
	const char	*v = r->in[i].s, *name = image_fields[i];
	char		*s;

	if (v == NULL)
		return "";
	if (!utf8_valid(v, strlen(v)) || text_has_control(v, strlen(v), 1)) {
		*why = arena_printf(r->arena, "The %s holds characters that "
		    "are not allowed.", name);
		return NULL;
	}
	s = text_squish(r->arena, v);
	if (utf8_len(s, strlen(s)) > max) {
		*why = arena_printf(r->arena, "The %s is limited to %zu "
		    "characters.", name, max);
		return NULL;
	}
	return s;
}

/*
 * The article named by the form's "article" field: 1 (and *live set if
 * readers see it), 0 (none), -1 unknown, -2 store failure.
 */
static int
form_article(struct req *r, long long *id, int *live)
{
	const struct input_value *v = &r->in[IN_IMAGE_ARTICLE];
	struct article	 a;
	int		 rc;

	*id = 0;
	*live = 0;
	if (v->s == NULL || *v->s == '\0')
		return 0;
	if (!v->set)
		return -1;
	*id = v->n;
	if ((rc = store_article_by_id(r->store, r->arena, *id, &a)) < 0)
		return -2;
	*live = a.status == ARTICLE_PUBLISHED;
	return rc == 1 ? 1 : -1;
}

/*
 * POST /admin/media (multipart: csrf, file, alt, caption, credit,
 * article)
 * Processes the photograph in a separate process and adds it to the
 * library; with article, makes it that article's lead image and goes
 * back to its form.
 * Raises HTTP 303 once stored, 400 for a malformed form or unknown
 * article, 422 without alt text for a published article, 503 while
 * other uploads take the worker threads they may have, 415 for a file that is not an accepted image, 422 for an
 * empty, damaged, oversized or undecodable one, 500; nothing is
 * stored on failure.
 */
int
ctl_media_upload(struct req *r)
{
	struct media_result res;
	struct media	 m;
	const char	*alt, *caption, *credit, *why = NULL;
	long long	 article;
	int		 rc, added, live;

	alt = text_field(r, IN_IMAGE_ALT, ALT_MAX, &why);
	caption = text_field(r, IN_IMAGE_CAPTION, CAPTION_MAX, &why);
	credit = text_field(r, IN_IMAGE_CREDIT, CREDIT_MAX, &why);
	if (alt == NULL || caption == NULL || credit == NULL)
		return media_page(r, 400, why, NULL);
	if ((rc = form_article(r, &article, &live)) == -2)
		return 500;
	if (rc < 0)
		return media_page(r, 400, "The article to illustrate does "
		    "not exist.", NULL);
	if (live && *alt == '\0')
		return media_page(r, 422, "A published article's lead "
		    "photograph needs alt text: say what the picture shows.",
		    NULL);
	if (r->upload == NULL || r->upload->size == 0)
		return media_page(r, 422, "Choose a photograph to upload: "
		    "the file sent was empty.", NULL);
	if (media_process(r->upload->path, &res) != 0) {
		if (res.status == 503)
			http_header(r, "Retry-After", "5");
		return media_page(r, res.status, res.message, NULL);
	}
	memset(&m, 0, sizeof(m));
	m.hash = res.hash;
	m.width = res.width;
	m.height = res.height;
	m.widths = res.widths;
	m.alt = alt;
	m.caption = caption;
	m.credit = credit;
	m.filename = utf8_valid(r->upload->filename,
	    strlen(r->upload->filename)) && !text_has_control(
	    r->upload->filename, strlen(r->upload->filename), 0) ?
	    r->upload->filename : "";
	m.bytes = r->upload->size;
	if ((added = store_media_add(r->store, r->arena, &m,
	    r->editor->user_id, r->now)) < 0)
		return 500;
	if (article > 0) {
		if (store_article_lead_set(r->store, article, m.id) < 0)
			return 500;
		return http_redirect(r, 303, arena_printf(r->arena,
		    "/admin/articles/%lld/edit?done=photo#lead", article));
	}
	return http_redirect(r, 303, arena_printf(r->arena,
	    "/admin/media?done=%s#media-%lld", added ? "uploaded" : "known",
	    m.id));
}

/* The lead form: an image's number, or empty or 0 for none (another
 * value: 400, once the article is found). */
const struct input ctl_article_lead_in[] = {
	{ "media", IN_ID, 0, NULL, NULL },
	{ NULL, 0, 0, NULL, NULL }
};

/*
 * POST /admin/articles/:id/lead (csrf, media: an image's number, or
 * empty or 0 for none)
 * Sets or removes an article's lead image from the library.
 * Raises HTTP 404 for an unknown article, 400 for an unknown image,
 * 422 for an image without alt text on a published article, 303 to
 * the article's form once done.
 */
int
ctl_article_lead(struct req *r)
{
	struct article	 a;
	struct media	 m;
	const struct input_value *v = &r->in[0];	/* media */
	long long	 id, media = 0;
	int		 rc;

	id = r->num[0];
	if ((rc = store_article_by_id(r->store, r->arena, id, &a)) <= 0)
		return rc < 0 ? 500 : 404;
	if (v->s != NULL && *v->s != '\0' && strcmp(v->s, "0") != 0) {
		if (!v->set) {
			r->resp.error = "Give the number of an image in the "
			    "media library.";
			return 400;
		}
		media = v->n;
		if ((rc = store_media_by_id(r->store, r->arena, media,
		    &m)) <= 0) {
			r->resp.error = "There is no such image in the media "
			    "library.";
			return rc < 0 ? 500 : 400;
		}
		if (a.status == ARTICLE_PUBLISHED && *m.alt == '\0') {
			r->resp.error = "A published article's lead photograph "
			    "needs alt text: add it in the media library first.";
			return 422;
		}
	}
	if (store_article_lead_set(r->store, id, media) < 0)
		return 500;
	return http_redirect(r, 303, arena_printf(r->arena,
	    "/admin/articles/%lld/edit?done=%s#lead", id, media ? "photo" :
	    "nophoto"));
}

/*
 * POST /admin/media/:id (csrf, alt, caption, credit)
 * Changes an image's alt text, caption and credit; the articles using
 * it show them at once.
 * Raises HTTP 404 for an unknown image, 400 with the library page for
 * an invalid field (nothing saved), 303 to the library once saved.
 */
int
ctl_media_update(struct req *r)
{
	const char	*alt, *caption, *credit, *why = NULL;
	long long	 id;
	int		 rc;

	id = r->num[0];
	alt = text_field(r, IN_IMAGE_ALT, ALT_MAX, &why);
	caption = text_field(r, IN_IMAGE_CAPTION, CAPTION_MAX, &why);
	credit = text_field(r, IN_IMAGE_CREDIT, CREDIT_MAX, &why);
	if (alt == NULL || caption == NULL || credit == NULL)
		return media_page(r, 400, why, NULL);
	if ((rc = store_media_update(r->store, id, alt, caption, credit)) < 0)
		return 500;
	if (rc == 0)
		return 404;
	return http_redirect(r, 303, arena_printf(r->arena,
	    "/admin/media?done=saved#media-%lld", id));
}

/*
 * POST /admin/media/:id/delete (csrf)
 * Deletes an image that no article uses, with its files.
 * Raises HTTP 404 for an unknown image, 409 with the library page
 * saying where an image in use is used (nothing deleted), 303 to the
 * library once deleted.
 */
int
ctl_media_delete(struct req *r)
{
	struct media	 m;
	struct media_use *uses;
	struct buf	 b = BUF_INIT;
	const char	*why;
	long long	 id;
	int		 rc, n, i;

	id = r->num[0];
	if ((rc = store_media_by_id(r->store, r->arena, id, &m)) <= 0)
		return rc < 0 ? 500 : 404;
	if ((rc = store_media_delete(r->store, id)) < 0)
		return 500;
	if (rc == 0)
		return 404;
	if (rc == 2) {
		if ((n = store_media_uses(r->store, r->arena, id, 10,
		    &uses)) < 0)
			return 500;
		for (i = 0; i < n; i++)
			buf_printf(&b, "%s%s \u201c%s\u201d", i ? ", " : "",
			    uses[i].lead ? "the lead photograph of" :
			    "in the text of", uses[i].headline);
		why = arena_printf(r->arena, "Image %lld is used: %s.  Choose "
		    "another one there (or take it out of the text) first.",
		    id, buf_cstr(&b));
		buf_free(&b);
		return media_page(r, 409, why, NULL);
	}
	media_remove(m.hash, m.widths);
	return http_redirect(r, 303, "/admin/media?done=deleted");
}

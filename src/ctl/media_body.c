/*
 * media_body.c: the library images an article's text shows.  The
 * Markdown ![note](media:ID) is rendered, when the article is saved,
 * into a placeholder (src/util/markdown.c); each page fills it in with
 * the image as the library has it now, so that a corrected caption or
 * alt text reaches every article at once (the store purges them).
 */
#include <string.h>

#include "../store/store.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/markdown.h"
#include "../view/page.h"
#include "ctl.h"

const char *
ctl_body_media(struct req *r, const char *html, int feed,
    const char **problem)
{
	struct buf	 out = BUF_INIT, missing = BUF_INIT, noalt = BUF_INIT;
	struct media	 m;
	const char	*p, *at, *end, *s;
	long long	 id;
	int		 rc;

	if (problem != NULL)
		*problem = NULL;
	if (html == NULL || (at = md_media_next(html, &id, &end)) == NULL)
		return html;
	for (p = html; at != NULL; p = end, at = md_media_next(p, &id, &end)) {
		buf_append(&out, p, (size_t)(at - p));
		if ((rc = store_media_by_id(r->store, r->arena, id, &m)) < 0 ||
		    (rc == 1 && fill_body_figure(ctl_vctx(r), &m, feed, &out) < 0)) {
			s = NULL;
			goto done;
		}
		/* No such image (any more): nothing for readers. */
		if (rc == 0)
			buf_printf(&missing, "%s%lld", missing.len ? ", " : "",
			    id);
		else if (*m.alt == '\0')
			buf_printf(&noalt, "%s%lld", noalt.len ? ", " : "", id);
	}
	buf_puts(&out, p);
	s = arena_strdup(r->arena, buf_cstr(&out));
	if (problem != NULL && (missing.len > 0 || noalt.len > 0))
		*problem = arena_printf(r->arena, "%s%s%s%s%s",
		    missing.len ? "The text names library images that do not "
		    "exist (" : "", buf_cstr(&missing), missing.len ? "): "
		    "readers see nothing there.  Upload them in the media "
		    "library and use their numbers, as ![note](media:12)." :
		    "", missing.len && noalt.len ? "  " : "",
		    noalt.len ? arena_printf(r->arena, "Library images in the "
		    "text have no alt text (%s): add it in the media library "
		    "before the article is published.", buf_cstr(&noalt)) :
		    "");
done:
	buf_free(&out);
	buf_free(&missing);
	buf_free(&noalt);
	return s;
}

/*
 * import.c: gazette import FILE..., which publishes plain-text wire copy
 * (see src/util/wire.h for the format).
 *
 * Every file is published at the time of the import, or at --published
 * TIME (a time to come schedules it); --spread SECONDS instead spreads
 * the files over the past, the first SECONDS before that time and each
 * next one SECONDS earlier, as the sample loader does.
 *
 * Every file is read and checked before anything is written, so that a
 * bad file in a batch leaves the database as it was.  --image PHOTO
 * (with --alt, required, and --caption and --credit) gives one article
 * a lead photograph, processed as an upload is, before the article is
 * written: a photograph that is refused stops the import.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../config.h"
#include "../media.h"
#include "../store/store.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/conninfo.h"
#include "../util/markdown.h"
#include "../util/text.h"
#include "../util/timefmt.h"
#include "../util/wire.h"
#include "cli.h"

#define IMPORT_MAX	(2 * 1024 * 1024)	/* bytes per file */

/* Read a whole file into b; 0, or -1 with *err set. */
static int
slurp(const char *path, struct buf *b, const char **err)
{
	FILE	*f;
	char	 chunk[8192];
	size_t	 n;

	buf_reset(b);
	if ((f = fopen(path, "rb")) == NULL) {
		*err = strerror(errno);
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		buf_append(b, chunk, n);
		if (b->len > IMPORT_MAX) {
			fclose(f);
			*err = "larger than 2 MiB";
			return -1;
		}
	}
	if (ferror(f)) {
		fclose(f);
		*err = "read error";
		return -1;
	}
	fclose(f);
	return 0;
}

/* A slug for headline that no other article has or had. */
static const char *
unique_slug(struct store *s, struct arena *a, const char *headline)
{
	const char	*base, *slug;
	size_t		 n, k;
	int		 i, rc;

	base = text_slugify(a, headline);
	if (*base == '\0')
		base = "article";
	/*
	 * Room for a suffix ("-2") within SLUG_MAX: the base is cut before
	 * a hyphen if it has one there, so that no "--" (an invalid slug,
	 * which the router would never match) and no half word is left.
	 */
	if ((n = strlen(base)) > SLUG_MAX - 8) {
		n = SLUG_MAX - 8;
		for (k = n; k > 0 && base[k] != '-'; k--)
			continue;
		if (k > 0)
			n = k;
	}
	slug = base;
	for (i = 2; ; i++) {
		if ((rc = store_slug_free(s, slug, 0)) != 0)
			return rc > 0 ? slug : NULL;
		slug = arena_printf(a, "%.*s-%d", (int)n, base, i);
	}
}

/*
 * The time of an article's c-th imported comment (from 0): ten minutes
 * apart after its publication, but never after now, so that no comment
 * is dated in the future.
 */
static int64_t
comment_time(int64_t published, int64_t now, size_t c)
{
	int64_t	 t = published + 600 * (int64_t)(c + 1);

	if (t > now)
		t = published > now ? published : now;
	return t;
}

/*
 * A photograph's text from a flag: valid UTF-8, one line, at most max
 * characters, white space folded.  NULL (after a message) if not.
 */
static const char *
photo_text(struct arena *a, const char *flag, const char *v, size_t max)
{
	char	*t;

	if (v == NULL)
		return "";
	t = NULL;
	if (utf8_valid(v, strlen(v)) && !text_has_control(v, strlen(v), 1))
		t = text_squish(a, v);
	if (t == NULL || utf8_len(t, strlen(t)) > max) {
		fprintf(stderr, "gazette: import: %s must be one line of valid "
		    "UTF-8 of at most %zu characters\n", flag, max);
		return NULL;
	}
	return t;
}

/*
 * Process the photograph at path as an upload is, and add it to the
 * library with its texts.  Returns 0, or -1 after a message.
 */
static int
import_photo(struct store *s, struct arena *a, const char *path,
    struct media *m)
{
	struct media_result res;
	struct stat	 st;

	if (stat(path, &st) < 0 || !S_ISREG(st.st_mode)) {
		fprintf(stderr, "gazette: import: --image %s: no such file; "
		    "nothing imported\n", path);
		return -1;
	}
	if (media_init() < 0)
		return -1;
	if (media_process(path, &res) != 0) {
		fprintf(stderr, "gazette: import: --image %s: %s\n", path,
		    res.message);
		return -1;
	}
	m->hash = arena_strdup(a, res.hash);
	m->width = res.width;
	m->height = res.height;
	m->widths = arena_strdup(a, res.widths);
	m->filename = "";
	m->bytes = (long long)st.st_size;
	if (store_media_add(s, a, m, 0, (int64_t)time(NULL)) < 0) {
		fprintf(stderr, "gazette: import: --image %s: could not be "
		    "saved\n", path);
		return -1;
	}
	return 0;
}

int
cli_import(int argc, char *argv[])
{
	char		 shown[1024];
	struct arena	 a;
	struct buf	 data = BUF_INIT;
	struct wire	*w;
	struct store	*s = NULL;
	struct article_edit e;
	const char	*err, *byline = NULL, *dateline = NULL, *source = NULL;
	const char	*html, *text;
	const char	*image = NULL, *alt = NULL, *caption = NULL, *credit = NULL;
	struct media	 photo;
	int		 i, k, nfiles = 0, draft = 0, if_empty = 0, rc = 1;
	int		 first;
	int64_t		 now = (int64_t)time(NULL), at, spread = 0;
	long long	 secs;
	size_t		 c;

	arena_init(&a, 0);
	at = now;
	for (i = 1; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		} else if (strcmp(argv[i], "--draft") == 0)
			draft = 1;
		else if (strcmp(argv[i], "--if-empty") == 0)
			if_empty = 1;
		else if (i + 1 < argc && strcmp(argv[i], "--byline") == 0)
			byline = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--dateline") == 0)
			dateline = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--source") == 0)
			source = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--image") == 0)
			image = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--alt") == 0)
			alt = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--caption") == 0)
			caption = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--credit") == 0)
			credit = argv[++i];
		else if (i + 1 < argc && strcmp(argv[i], "--published") == 0) {
			if ((at = time_local_parse(argv[++i])) <= 0) {
				fprintf(stderr, "gazette: import: --published "
				    "'%s' is not YYYY-MM-DDTHH:MM[:SS] (in the "
				    "site's time zone)\n", argv[i]);
				rc = 2;
				goto out;
			}
		} else if (i + 1 < argc && strcmp(argv[i], "--spread") == 0) {
			if (!parse_id(argv[++i], &secs) || secs > 366 * 86400) {
				fprintf(stderr, "gazette: import: --spread '%s' "
				    "is not a number of seconds from 1 to "
				    "31622400\n", argv[i]);
				rc = 2;
				goto out;
			}
			spread = secs;
		} else {
			fprintf(stderr, "gazette: import: unknown option '%s'\n",
			    argv[i]);
			rc = 2;
			goto out;
		}
	}
	first = i;
	if (first == argc) {
		fprintf(stderr, "gazette: import: no files given\n");
		rc = 2;
		goto out;
	}
	nfiles = argc - first;
	w = arena_calloc(&a, (size_t)nfiles, sizeof(*w));
	/* A lead photograph: for one article, with its alt text. */
	memset(&photo, 0, sizeof(photo));
	if (image == NULL && (alt || caption || credit)) {
		fprintf(stderr, "gazette: import: --alt, --caption and --credit "
		    "go with --image\n");
		rc = 2;
		goto out;
	}
	if (image != NULL) {
		if (nfiles != 1) {
			fprintf(stderr, "gazette: import: --image goes with "
			    "one FILE\n");
			rc = 2;
			goto out;
		}
		if (alt == NULL || text_blank(alt)) {
			fprintf(stderr, "gazette: import: --image needs --alt "
			    "TEXT: what the picture shows, for readers who "
			    "cannot see it\n");
			rc = 2;
			goto out;
		}
		if ((photo.alt = photo_text(&a, "--alt", alt, 250)) == NULL ||
		    (photo.caption = photo_text(&a, "--caption", caption,
		    1000)) == NULL ||
		    (photo.credit = photo_text(&a, "--credit", credit,
		    200)) == NULL) {
			rc = 2;
			goto out;
		}
	}

	/* Check every file first: nothing is written if one is bad. */
	for (k = 0; k < nfiles; k++) {
		const char *path = argv[first + k];

		if (slurp(path, &data, &err) < 0 ||
		    wire_parse(&a, data.data, data.len, &w[k], &err) < 0) {
			fprintf(stderr, "gazette: import: %s: %s; nothing "
			    "imported\n", path, err);
			goto out;
		}
	}

	if ((s = store_open(cfg.db, 0)) == NULL)
		goto out;
	/* make run's first run: the samples go only into an empty site. */
	if (if_empty && (k = store_empty(s)) != 1) {
		if (k == 0)
			printf("%s holds articles already; nothing imported\n",
			    conninfo_shown(cfg.db, shown, sizeof(shown)));
		rc = k == 0 ? 0 : 1;
		goto out;
	}
	/* The photograph before the article: a refused one stops both. */
	if (image != NULL && import_photo(s, &a, image, &photo) < 0)
		goto out;
	for (k = 0; k < nfiles; k++) {
		memset(&e, 0, sizeof(e));
		e.headline = w[k].headline;
		e.body_md = wire_markdown(&a, &w[k]);
		if (md_render(&a, e.body_md, &html, &text) < 0) {
			fprintf(stderr, "gazette: import: out of memory\n");
			goto out;
		}
		e.body_html = html;
		e.body_text = text;
		/* Flags win over what the copy itself says. */
		e.byline = byline ? byline : w[k].byline;
		e.dateline = dateline ? dateline : w[k].dateline;
		e.source = source ? source : w[k].source;
		e.tags = w[k].tags;
		e.ntags = w[k].ntags;
		e.tags_field = w[k].tags_field;
		e.kind = "import";
		e.now = now;
		/* At the time asked for; spread: in order, newest first. */
		e.status = draft ? ARTICLE_DRAFT : ARTICLE_PUBLISHED;
		e.published_at = draft ? 0 : at - spread * (k + (spread > 0));
		if ((e.slug = unique_slug(s, &a, e.headline)) == NULL ||
		    store_article_save(s, &e) != 0) {
			fprintf(stderr, "gazette: import: %s: could not be "
			    "saved\n", argv[first + k]);
			goto out;
		}
		if (image != NULL && store_article_lead_set(s, e.id,
		    photo.id) < 0) {
			fprintf(stderr, "gazette: import: %s: its photograph "
			    "could not be attached\n", argv[first + k]);
			goto out;
		}
		for (c = 0; c < w[k].ncomments; c++)
			if (store_comment_import(s, e.id, w[k].comments[c].author,
			    w[k].comments[c].body, comment_time(draft ? now :
			    e.published_at, now, c)) < 0) {
				fprintf(stderr, "gazette: import: %s: a comment "
				    "could not be saved\n", argv[first + k]);
				goto out;
			}
		printf("%s: %s /articles/%s%s (%zu tags, %zu comments)\n",
		    argv[first + k], draft ? "draft" : e.published_at > now ?
		    "scheduled" : "published", e.slug, draft ? "" :
		    arena_printf(&a, " %s %s", e.published_at > now ? "for" :
		    "at", time_human(&a, e.published_at)), w[k].ntags,
		    w[k].ncomments);
	}
	rc = 0;
out:
	store_close(s);
	buf_free(&data);
	arena_free(&a);
	return rc;
}

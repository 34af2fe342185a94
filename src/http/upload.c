/*
 * upload.c: a multipart/form-data body, streamed from libfcgi.
 *
 * The body is read in 64 KiB pieces and fed to the multipart parser:
 * the form's small fields become r->form, as an urlencoded form's
 * would, and the one file part (field "file") goes straight to a
 * temporary file under the media folder, so that a 40 MiB photograph
 * never sits in the server's memory.  The file is removed when the
 * request's arena is reset, whatever the controller did with it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../config.h"
#include "../util/arena.h"
#include "../util/log.h"
#include "http.h"
#include "multipart.h"
#include "upload.h"

#define FIELDS_MAX	(64 * 1024)	/* all fields but the file, bytes */
#define CHUNK		(64 * 1024)

struct state {
	struct req	*r;
	struct kv	*form;		/* MP_PARTS_MAX slots */
	size_t		 nform;
	struct buf	 val;		/* the field being read */
	size_t		 fields;	/* bytes of fields so far */
	const char	*name;		/* the part being read */
	int		 fd;		/* the file part's, or -1 */
	int		 in_file;
	const char	*error;		/* for the 400 */
};

static void
unlink_upload(void *arg)
{
	unlink((const char *)arg);
}

static int
part_begin(void *arg, const struct mp_part *p)
{
	struct state	*s = arg;
	struct upload	*u;
	char		*path;

	s->name = arena_strdup(s->r->arena, p->name);
	if (!p->has_filename) {
		buf_reset(&s->val);
		return 0;
	}
	if (strcmp(p->name, "file") != 0 || s->r->upload != NULL) {
		s->error = "A form may send one file, in its field 'file'.";
		return -1;
	}
	path = arena_printf(s->r->arena, "%s/.tmp/upload-XXXXXX",
	    cfg.media_dir);
	if ((s->fd = mkstemp(path)) < 0) {
		LOG_ERR("mkstemp %s: %s", path, strerror(errno));
		s->error = NULL;
		return -1;
	}
	arena_defer(s->r->arena, unlink_upload, path);
	u = arena_calloc(s->r->arena, 1, sizeof(*u));
	u->path = path;
	u->filename = arena_strdup(s->r->arena, p->filename);
	u->ctype = arena_strdup(s->r->arena, p->ctype);
	s->r->upload = u;
	s->in_file = 1;
	return 0;
}

static int
part_data(void *arg, const char *data, size_t n)
{
	struct state	*s = arg;
	ssize_t		 k;

	if (!s->in_file) {
		if ((s->fields += n) > FIELDS_MAX) {
			s->error = "The form's fields are too long.";
			return -1;
		}
		buf_append(&s->val, data, n);
		return 0;
	}
	while (n > 0) {
		if ((k = write(s->fd, data, n)) < 0) {
			if (errno == EINTR)
				continue;
			LOG_ERR("writing %s: %s", s->r->upload->path,
			    strerror(errno));
			s->error = NULL;
			return -1;
		}
		data += k;
		n -= (size_t)k;
		s->r->upload->size += (long long)k;
	}
	return 0;
}

static int
part_end(void *arg)
{
	struct state	*s = arg;
	size_t		 i;

	if (s->in_file) {
		s->in_file = 0;
		return 0;
	}
	if (memchr(s->val.data ? s->val.data : "", '\0', s->val.len) != NULL) {
		s->error = "A form field holds a NUL byte.";
		return -1;
	}
	for (i = 0; i < s->nform; i++)
		if (strcmp(s->form[i].key, s->name) == 0) {
			s->error = "The form holds a repeated field.";
			return -1;
		}
	s->form[s->nform].key = s->name;
	s->form[s->nform].val = arena_strndup(s->r->arena,
	    s->val.data ? s->val.data : "", s->val.len);
	s->form[s->nform].vlen = s->val.len;
	s->nform++;
	return 0;
}

static const struct mp_cb callbacks = { part_begin, part_data, part_end };

int
http_read_upload(struct req *r, FCGX_Request *f, const char *ctype,
    size_t len, char *chunk)
{
	struct multipart *mp;
	struct state	 s;
	char		 boundary[MP_BOUNDARY_MAX + 1];
	size_t		 got = 0;
	int		 n, status = 0;

	if (mp_boundary(ctype, boundary) < 0) {
		r->resp.error = "Files must be sent as multipart/form-data.";
		return 415;
	}
	memset(&s, 0, sizeof(s));
	s.r = r;
	s.fd = -1;
	s.form = arena_calloc(r->arena, MP_PARTS_MAX, sizeof(*s.form));
	mp = arena_alloc(r->arena, sizeof(*mp));
	mp_init(mp, boundary, &callbacks, &s);
	while (got < len) {
		n = FCGX_GetStr(chunk, (int)(len - got < CHUNK ? len - got :
		    CHUNK), f->in);
		if (n <= 0) {
			r->resp.error = "The request body is shorter than "
			    "announced.";
			status = 400;
			break;
		}
		got += (size_t)n;
		if (mp_feed(mp, chunk, (size_t)n) < 0)
			break;
	}
	if (status == 0 && mp_finish(mp) < 0) {
		if (s.error == NULL && strcmp(mp->error, "stopped") == 0)
			status = 500;
		else {
			r->resp.error = arena_printf(r->arena, "The upload is "
			    "malformed: %s.", s.error ? s.error : mp->error);
			status = 400;
		}
	}
	if (s.fd >= 0 && close(s.fd) < 0 && status == 0) {
		LOG_ERR("closing an upload: %s", strerror(errno));
		status = 500;
	}
	buf_free(&s.val);
	r->form = s.form;
	r->nform = s.nform;
	return status;
}

size_t
http_upload_chunk(void)
{
	return CHUNK;
}

/*
 * multipart.h: a streaming multipart/form-data parser (RFC 7578).
 *
 * The body is fed in pieces of any size, as it arrives; the parser
 * keeps no more than one header line and a few bytes of a possible
 * boundary, so a 40 MiB file part costs it nothing.  Each part's
 * headers go to part_begin, its content to part_data (in pieces), and
 * its end to part_end.  Free of libfcgi, so that it can be fuzzed.
 */
#ifndef GAZETTE_MULTIPART_H
#define GAZETTE_MULTIPART_H

#include <stddef.h>

#define MP_BOUNDARY_MAX	70	/* RFC 2046 */
#define MP_NAME_MAX	64	/* a field's name, bytes */
#define MP_FILENAME_MAX	256	/* a file's name, bytes */
#define MP_CTYPE_MAX	128
#define MP_LINE_MAX	1024	/* one header line */
#define MP_HEADERS_MAX	8	/* header lines in one part */
#define MP_PARTS_MAX	32

/* One part's headers, NUL-terminated. */
struct mp_part {
	char	 name[MP_NAME_MAX + 1];
	char	 filename[MP_FILENAME_MAX + 1]; /* without any folder */
	int	 has_filename;	/* a file, even with an empty name */
	char	 ctype[MP_CTYPE_MAX + 1]; /* as sent, or "" */
};

/* Callbacks: each returns 0 to go on, or -1 to stop the parse. */
struct mp_cb {
	int	(*part_begin)(void *, const struct mp_part *);
	int	(*part_data)(void *, const char *, size_t);
	int	(*part_end)(void *);
};

enum mp_state {
	MP_PREAMBLE,
	MP_DELIM_TAIL,	/* after a boundary: "--" or CRLF */
	MP_DELIM_LF,
	MP_CLOSE,
	MP_HEADERS,
	MP_BODY,
	MP_DONE,	/* the closing boundary was seen */
	MP_ERROR,
};

struct multipart {
	const struct mp_cb *cb;
	void		*arg;
	enum mp_state	 state;
	char		 delim[MP_BOUNDARY_MAX + 5]; /* CRLF "--" boundary */
	size_t		 dlen;
	size_t		 match;		/* bytes of delim matched */
	char		 line[MP_LINE_MAX + 1];
	size_t		 llen;
	int		 nheaders;
	int		 nparts;
	int		 in_part;	/* part_begin called, part_end not */
	struct mp_part	 part;
	char		 out[4096];	/* content waiting for part_data */
	size_t		 olen;
	const char	*error;		/* why the parse failed */
};

/*
 * The boundary parameter of a Content-Type header into out (at least
 * MP_BOUNDARY_MAX + 1 bytes).  Returns 0, or -1 if the type is not
 * multipart/form-data or the boundary is missing or malformed.
 */
int	 mp_boundary(const char *content_type, char *out);

/* Start a parse for boundary (from mp_boundary()). */
void	 mp_init(struct multipart *, const char *boundary,
	    const struct mp_cb *, void *arg);

/*
 * Feed n bytes.  Returns 0, or -1 when the body is malformed (mp->error
 * says how) or a callback stopped the parse.  Bytes after the closing
 * boundary are ignored.
 */
int	 mp_feed(struct multipart *, const char *data, size_t n);

/* After the last byte: 0 if the closing boundary was seen, else -1. */
int	 mp_finish(struct multipart *);

#endif

/*
 * upload.h: reading a multipart/form-data body (upload.c).  Only
 * server.c calls it: it needs libfcgi's stream.
 */
#ifndef GAZETTE_UPLOAD_H
#define GAZETTE_UPLOAD_H

#include <stddef.h>

#include <fcgiapp.h>

struct req;

/*
 * Read len bytes of a multipart body from f, through chunk (a buffer
 * of http_upload_chunk() bytes): fields into r->form, the file part
 * into a temporary file (r->upload, removed with the arena).  Returns
 * 0, or the status to answer: 415 (not multipart), 400 (short or
 * malformed body, r->resp.error says why), 500.
 */
int	 http_read_upload(struct req *, FCGX_Request *, const char *ctype,
	    size_t len, char *chunk);

/* The size of the chunk buffer http_read_upload() needs. */
size_t	 http_upload_chunk(void);

#endif

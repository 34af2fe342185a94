/*
 * buf.h: a growable byte buffer, for response bodies and text built in
 * pieces.  The buffer owns its memory (malloc); buf_free() releases it and
 * buf_reset() empties it but keeps the allocation for reuse.
 */
#ifndef GAZETTE_BUF_H
#define GAZETTE_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char	*data;	/* always NUL-terminated once anything was added */
	size_t	 len;	/* bytes used, not counting the NUL */
	size_t	 cap;	/* bytes allocated */
};

#define BUF_INIT { NULL, 0, 0 }

void	 buf_reserve(struct buf *, size_t extra);
void	 buf_append(struct buf *, const void *, size_t);
void	 buf_puts(struct buf *, const char *);
void	 buf_putc(struct buf *, char);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_reset(struct buf *);
void	 buf_free(struct buf *);

/* The contents as a C string ("" when empty); owned by the buffer. */
const char *buf_cstr(struct buf *);

#endif

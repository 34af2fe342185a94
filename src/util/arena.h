/*
 * arena.h: per-request memory.
 *
 * Everything a request allocates comes from its arena and is released in
 * one go by arena_reset() after the response has been sent, so that
 * handlers never free things one by one.  Cleanups for memory that lives
 * elsewhere (a ctemplate dictionary, say) are deferred to the same reset.
 */
#ifndef GAZETTE_ARENA_H
#define GAZETTE_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena_chunk;
struct arena_cleanup;

struct arena {
	struct arena_chunk	*head;	/* newest chunk, allocations come from it */
	struct arena_cleanup	*cleanups; /* run in reverse order on reset */
	size_t			 chunk_size; /* size of a normal chunk */
};

/* Prepare an empty arena whose chunks are chunk_size bytes (0: default). */
void	 arena_init(struct arena *, size_t chunk_size);

/* Run the deferred cleanups and free all chunks but the first. */
void	 arena_reset(struct arena *);

/* Run the cleanups and free every chunk. */
void	 arena_free(struct arena *);

/* Zeroed memory, aligned for any type; aborts when out of memory. */
void	*arena_alloc(struct arena *, size_t);

/* Like arena_alloc() for n elements of size sz, checking for overflow. */
void	*arena_calloc(struct arena *, size_t n, size_t sz);

/*
 * Make room for element n of an array that grows while rows are read:
 * returns an array (rows itself, or a copy twice as large: the old block
 * is simply left in the arena) with at least n + 1 elements of size sz.
 * *cap holds the capacity and starts at 0 with rows NULL.
 */
void	*arena_grow(struct arena *, void *rows, size_t n, size_t *cap,
	    size_t sz);

/* Copies of strings, owned by the arena.  NULL in gives NULL out. */
char	*arena_strdup(struct arena *, const char *);
char	*arena_strndup(struct arena *, const char *, size_t);

/* A formatted string owned by the arena. */
char	*arena_printf(struct arena *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
char	*arena_vprintf(struct arena *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));

/* Call fn(arg) when the arena is next reset or freed. */
void	 arena_defer(struct arena *, void (*fn)(void *), void *arg);

#endif

/*
 * arena.c: a bump allocator with deferred cleanups.  See arena.h.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define ARENA_DEFAULT	(64 * 1024)
#define ARENA_ALIGN	16

struct arena_chunk {
	struct arena_chunk	*next;	/* older chunk */
	size_t			 size;	/* usable bytes in data[] */
	size_t			 used;	/* bytes handed out */
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

struct arena_cleanup {
	struct arena_cleanup	*next;
	void			(*fn)(void *);
	void			*arg;
};

static struct arena_chunk *
chunk_new(size_t size)
{
	struct arena_chunk	*c;

	if ((c = malloc(sizeof(*c) + size)) == NULL)
		abort();
	c->next = NULL;
	c->size = size;
	c->used = 0;
	return c;
}

void
arena_init(struct arena *a, size_t chunk_size)
{
	a->chunk_size = chunk_size ? chunk_size : ARENA_DEFAULT;
	a->head = NULL;
	a->cleanups = NULL;
}

static void
run_cleanups(struct arena *a)
{
	struct arena_cleanup	*c;

	/* The cleanup records live in the arena itself; read next first. */
	while ((c = a->cleanups) != NULL) {
		a->cleanups = c->next;
		c->fn(c->arg);
	}
}

void
arena_reset(struct arena *a)
{
	struct arena_chunk	*c, *next;

	run_cleanups(a);
	if (a->head == NULL)
		return;
	/* Keep the oldest chunk of normal size; it serves the next request. */
	for (c = a->head; c->next != NULL; c = next) {
		next = c->next;
		free(c);
	}
	if (c->size != a->chunk_size) {
		free(c);
		a->head = NULL;
		return;
	}
	c->used = 0;
	a->head = c;
}

void
arena_free(struct arena *a)
{
	struct arena_chunk	*c, *next;

	run_cleanups(a);
	for (c = a->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	a->head = NULL;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_chunk	*c;
	size_t			 need, size;
	void			*p;

	if (n > SIZE_MAX - ARENA_ALIGN)
		abort();
	need = (n + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (need == 0)
		need = ARENA_ALIGN;
	c = a->head;
	if (c == NULL || c->size - c->used < need) {
		/* A large request gets a chunk of its own. */
		size = need > a->chunk_size ? need : a->chunk_size;
		c = chunk_new(size);
		c->next = a->head;
		a->head = c;
	}
	p = c->data + c->used;
	c->used += need;
	memset(p, 0, n);
	return p;
}

void *
arena_calloc(struct arena *a, size_t n, size_t sz)
{
	if (sz != 0 && n > SIZE_MAX / sz)
		abort();
	return arena_alloc(a, n * sz);
}

void *
arena_grow(struct arena *a, void *rows, size_t n, size_t *cap, size_t sz)
{
	void	*bigger;

	if (n < *cap)
		return rows;
	*cap = *cap ? *cap * 2 : 32;
	bigger = arena_calloc(a, *cap, sz);
	if (n > 0)
		memcpy(bigger, rows, n * sz);
	return bigger;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char	*p;

	if (s == NULL)
		return NULL;
	p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return s == NULL ? NULL : arena_strndup(a, s, strlen(s));
}

char *
arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	va_list	 ap2;
	int	 n;
	char	*p;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		abort();
	p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list	 ap;
	char	*p;

	va_start(ap, fmt);
	p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

void
arena_defer(struct arena *a, void (*fn)(void *), void *arg)
{
	struct arena_cleanup	*c;

	c = arena_alloc(a, sizeof(*c));
	c->fn = fn;
	c->arg = arg;
	c->next = a->cleanups;
	a->cleanups = c;
}

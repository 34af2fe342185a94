/*
 * diff.c: line differences.  See diff.h.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diff.h"

struct line {
	const char	*s;
	size_t		 n;
};

/* Split text into lines (arena); returns their number. */
static size_t
split(struct arena *a, const char *text, struct line **out)
{
	const char	*p, *nl;
	size_t		 n = 0, i = 0;
	struct line	*l;

	for (p = text; *p != '\0'; p = nl + 1) {
		n++;
		if ((nl = strchr(p, '\n')) == NULL)
			break;
	}
	l = arena_calloc(a, n ? n : 1, sizeof(*l));
	for (p = text; *p != '\0' && i < n; p = nl + 1) {
		if ((nl = strchr(p, '\n')) == NULL)
			nl = p + strlen(p);
		l[i].s = p;
		l[i].n = (size_t)(nl - p);
		if (l[i].n > 0 && p[l[i].n - 1] == '\r')
			l[i].n--;
		i++;
		if (*nl == '\0')
			break;
	}
	*out = l;
	return n;
}

static int
same(const struct line *x, const struct line *y)
{
	return x->n == y->n && memcmp(x->s, y->s, x->n) == 0;
}

static void
emit(struct arena *a, struct diff_line *d, size_t *k, enum diff_op op,
    const struct line *l, size_t old_no, size_t new_no)
{
	d[*k].op = op;
	d[*k].text = arena_strndup(a, l->s, l->n);
	d[*k].old_no = op == DIFF_ADD ? 0 : old_no;
	d[*k].new_no = op == DIFF_DEL ? 0 : new_no;
	(*k)++;
}

size_t
diff_lines(struct arena *a, const char *old, const char *new_,
    struct diff_line **out)
{
	struct line	*x, *y;
	struct diff_line *d;
	size_t		 nx, ny, head = 0, tail = 0, mx, my, i, j, k = 0;
	uint32_t	*t = NULL;

	nx = split(a, old ? old : "", &x);
	ny = split(a, new_ ? new_ : "", &y);
	d = arena_calloc(a, nx + ny + 1, sizeof(*d));
	while (head < nx && head < ny && same(&x[head], &y[head]))
		head++;
	while (tail < nx - head && tail < ny - head &&
	    same(&x[nx - 1 - tail], &y[ny - 1 - tail]))
		tail++;
	mx = nx - head - tail;
	my = ny - head - tail;

	for (i = 0; i < head; i++)
		emit(a, d, &k, DIFF_SAME, &x[i], i + 1, i + 1);

	/* t[i][j]: the LCS length of x[head+i..] and y[head+j..]. */
	if (mx > 0 && my > 0 &&
	    (mx + 1) <= DIFF_MAX_CELLS / (my + 1) &&
	    (t = calloc((mx + 1) * (my + 1), sizeof(*t))) != NULL) {
#define T(i, j) t[(i) * (my + 1) + (j)]
		for (i = mx; i-- > 0; )
			for (j = my; j-- > 0; )
				T(i, j) = same(&x[head + i], &y[head + j]) ?
				    T(i + 1, j + 1) + 1 :
				    T(i + 1, j) >= T(i, j + 1) ?
				    T(i + 1, j) : T(i, j + 1);
		i = j = 0;
		while (i < mx || j < my) {
			if (i < mx && j < my &&
			    same(&x[head + i], &y[head + j])) {
				emit(a, d, &k, DIFF_SAME, &x[head + i],
				    head + i + 1, head + j + 1);
				i++;
				j++;
			} else if (j == my || (i < mx &&
			    T(i + 1, j) >= T(i, j + 1))) {
				emit(a, d, &k, DIFF_DEL, &x[head + i],
				    head + i + 1, 0);
				i++;
			} else {
				emit(a, d, &k, DIFF_ADD, &y[head + j], 0,
				    head + j + 1);
				j++;
			}
		}
#undef T
		free(t);
	} else {
		for (i = 0; i < mx; i++)
			emit(a, d, &k, DIFF_DEL, &x[head + i], head + i + 1, 0);
		for (j = 0; j < my; j++)
			emit(a, d, &k, DIFF_ADD, &y[head + j], 0, head + j + 1);
	}

	for (i = 0; i < tail; i++)
		emit(a, d, &k, DIFF_SAME, &x[nx - tail + i], nx - tail + i + 1,
		    ny - tail + i + 1);
	*out = d;
	return k;
}

size_t
diff_changes(const struct diff_line *d, size_t n)
{
	size_t	 i, c = 0;

	for (i = 0; i < n; i++)
		if (d[i].op != DIFF_SAME)
			c++;
	return c;
}

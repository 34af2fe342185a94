/*
 * diff.c: line and word differences, over one longest-common-
 * subsequence core.  See diff.h.
 */
#include <ctype.h>
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

/* One step of the shortest edit: op, and the token of x or y. */
struct step {
	enum diff_op	 op;
	size_t		 xi, yi;	/* 0-based indexes */
};

/*
 * The difference of token lists x and y as steps (arena), removals
 * before additions within a change; returns their number.
 */
static size_t
steps(struct arena *a, const struct line *x, size_t nx, const struct line *y,
    size_t ny, struct step **out)
{
	struct step	*d;
	size_t		 head = 0, tail = 0, mx, my, i, j, k = 0;
	uint32_t	*t = NULL;

	d = arena_calloc(a, nx + ny + 1, sizeof(*d));
#define STEP(o, xx, yy) do { d[k].op = (o); d[k].xi = (xx); \
	d[k].yi = (yy); k++; } while (0)
	while (head < nx && head < ny && same(&x[head], &y[head]))
		head++;
	while (tail < nx - head && tail < ny - head &&
	    same(&x[nx - 1 - tail], &y[ny - 1 - tail]))
		tail++;
	mx = nx - head - tail;
	my = ny - head - tail;

	for (i = 0; i < head; i++)
		STEP(DIFF_SAME, i, i);

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
				STEP(DIFF_SAME, head + i, head + j);
				i++;
				j++;
			} else if (j == my || (i < mx &&
			    T(i + 1, j) >= T(i, j + 1))) {
				STEP(DIFF_DEL, head + i, 0);
				i++;
			} else {
				STEP(DIFF_ADD, 0, head + j);
				j++;
			}
		}
#undef T
		free(t);
	} else {
		for (i = 0; i < mx; i++)
			STEP(DIFF_DEL, head + i, 0);
		for (j = 0; j < my; j++)
			STEP(DIFF_ADD, 0, head + j);
	}

	for (i = 0; i < tail; i++)
		STEP(DIFF_SAME, nx - tail + i, ny - tail + i);
#undef STEP
	*out = d;
	return k;
}

size_t
diff_lines(struct arena *a, const char *old, const char *new_,
    struct diff_line **out)
{
	struct line	*x, *y, *l;
	struct diff_line *d;
	struct step	*st;
	size_t		 nx, ny, n, i;

	nx = split(a, old ? old : "", &x);
	ny = split(a, new_ ? new_ : "", &y);
	n = steps(a, x, nx, y, ny, &st);
	d = arena_calloc(a, n + 1, sizeof(*d));
	for (i = 0; i < n; i++) {
		l = st[i].op == DIFF_ADD ? &y[st[i].yi] : &x[st[i].xi];
		d[i].op = st[i].op;
		d[i].text = arena_strndup(a, l->s, l->n);
		d[i].old_no = st[i].op == DIFF_ADD ? 0 : st[i].xi + 1;
		d[i].new_no = st[i].op == DIFF_DEL ? 0 : st[i].yi + 1;
	}
	*out = d;
	return n;
}

/*
 * Split text into words, each with the white space after it (white
 * space at the very start is a token of its own); returns their number.
 */
static size_t
split_words(struct arena *a, const char *text, struct line **out)
{
	const char	*p;
	size_t		 n = 0, i = 0;
	struct line	*w;

	for (p = text; *p != '\0'; n++) {
		while (*p != '\0' && !isspace((unsigned char)*p))
			p++;
		while (*p != '\0' && isspace((unsigned char)*p))
			p++;
	}
	w = arena_calloc(a, n ? n : 1, sizeof(*w));
	for (p = text; *p != '\0' && i < n; i++) {
		w[i].s = p;
		while (*p != '\0' && !isspace((unsigned char)*p))
			p++;
		while (*p != '\0' && isspace((unsigned char)*p))
			p++;
		w[i].n = (size_t)(p - w[i].s);
	}
	*out = w;
	return n;
}

size_t
diff_words(struct arena *a, const char *old, const char *new_,
    struct diff_word **out)
{
	struct line	*x, *y, *l;
	struct diff_word *d;
	struct step	*st;
	size_t		 nx, ny, n, i, k = 0, len;
	char		*buf;

	nx = split_words(a, old ? old : "", &x);
	ny = split_words(a, new_ ? new_ : "", &y);
	n = steps(a, x, nx, y, ny, &st);
	d = arena_calloc(a, n + 1, sizeof(*d));
	/* Runs of one kind join into one piece. */
	for (i = 0; i < n; ) {
		enum diff_op op = st[i].op;
		size_t j;

		for (len = 0, j = i; j < n && st[j].op == op; j++) {
			l = op == DIFF_ADD ? &y[st[j].yi] : &x[st[j].xi];
			len += l->n;
		}
		buf = arena_alloc(a, len + 1);
		for (len = 0; i < j; i++) {
			l = op == DIFF_ADD ? &y[st[i].yi] : &x[st[i].xi];
			memcpy(buf + len, l->s, l->n);
			len += l->n;
		}
		buf[len] = '\0';
		d[k].op = op;
		d[k].text = buf;
		k++;
	}
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

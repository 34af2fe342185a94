/*
 * log.c: lines on standard error.  Each line is written with a single
 * write(2) so that lines from several threads never interleave.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "log.h"

static void
emit(const char *prefix, const char *fmt, va_list ap)
{
	char	 line[2048];
	int	 n, m;

	n = snprintf(line, sizeof(line), "gazette: %s", prefix);
	if (n < 0 || (size_t)n >= sizeof(line))
		n = 0;
	m = vsnprintf(line + n, sizeof(line) - (size_t)n - 1, fmt, ap);
	if (m < 0)
		m = 0;
	n += m;
	if ((size_t)n > sizeof(line) - 2)
		n = sizeof(line) - 2;
	line[n++] = '\n';
	/* Nothing useful can be done if standard error is gone. */
	if (write(STDERR_FILENO, line, (size_t)n) < 0)
		return;
}

void
log_at(const char *file, int line, const char *fmt, ...)
{
	char	 prefix[256];
	const char *base;
	va_list	 ap;

	/* Paths from __FILE__ are relative to the tree: keep them short. */
	base = strncmp(file, "src/", 4) == 0 ? file + 4 : file;
	snprintf(prefix, sizeof(prefix), "%s:%d: ", base, line);
	va_start(ap, fmt);
	emit(prefix, fmt, ap);
	va_end(ap);
}

void
log_info(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	emit("", fmt, ap);
	va_end(ap);
}

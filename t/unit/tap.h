/*
 * tap.h: the Test Anything Protocol for the C unit tests, as prove reads
 * it.  ok() prints one line per check; done_testing() prints the plan.
 */
#ifndef GAZETTE_TAP_H
#define GAZETTE_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* A test need not use every helper below. */
#pragma GCC diagnostic ignored "-Wunused-function"

static int tap_n, tap_failed;

/* A test file need not use every helper. */
#define TAP_UNUSED __attribute__((unused))

#define ok(cond, ...) tap_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)
#define is_str(got, want, ...) tap_is_str((got), (want), __FILE__, __LINE__, __VA_ARGS__)
#define is_int(got, want, ...) tap_is_int((long long)(got), (long long)(want), __FILE__, __LINE__, __VA_ARGS__)

__attribute__((format(printf, 4, 5))) TAP_UNUSED
static int
tap_ok(int pass, const char *file, int line, const char *fmt, ...)
{
	va_list	 ap;

	tap_n++;
	printf("%sok %d - ", pass ? "" : "not ", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!pass) {
		tap_failed++;
		printf("#   Failed at %s line %d.\n", file, line);
	}
	fflush(stdout);
	return pass;
}

__attribute__((format(printf, 5, 6))) TAP_UNUSED
static int
tap_is_str(const char *got, const char *want, const char *file, int line,
    const char *fmt, ...)
{
	va_list	 ap;
	int	 pass;

	pass = (got == NULL && want == NULL) ||
	    (got != NULL && want != NULL && strcmp(got, want) == 0);
	tap_n++;
	printf("%sok %d - ", pass ? "" : "not ", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!pass) {
		tap_failed++;
		printf("#   Failed at %s line %d.\n#          got: '%s'\n"
		    "#     expected: '%s'\n", file, line, got ? got : "(null)",
		    want ? want : "(null)");
	}
	fflush(stdout);
	return pass;
}

__attribute__((format(printf, 5, 6))) TAP_UNUSED
static int
tap_is_int(long long got, long long want, const char *file, int line,
    const char *fmt, ...)
{
	va_list	 ap;
	int	 pass = got == want;

	tap_n++;
	printf("%sok %d - ", pass ? "" : "not ", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!pass) {
		tap_failed++;
		printf("#   Failed at %s line %d.\n#          got: %lld\n"
		    "#     expected: %lld\n", file, line, got, want);
	}
	fflush(stdout);
	return pass;
}

/* Count n checks as skipped, with the reason (a missing input file). */
TAP_UNUSED static void
tap_skip(int n, const char *why)
{
	while (n-- > 0)
		printf("ok %d # skip %s\n", ++tap_n, why);
	fflush(stdout);
}

/* A note in the TAP stream, for what a reader of the output needs. */
__attribute__((format(printf, 1, 2))) TAP_UNUSED
static void
diag(const char *fmt, ...)
{
	va_list	 ap;

	printf("# ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

TAP_UNUSED static void
tap_skip_all(const char *why)
{
	printf("1..0 # SKIP %s\n", why);
}

TAP_UNUSED static int
done_testing(void)
{
	printf("1..%d\n", tap_n);
	return tap_failed ? 1 : 0;
}

#endif

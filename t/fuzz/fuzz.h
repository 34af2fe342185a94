/*
 * fuzz.h: what every fuzz harness (t/fuzz/NAME.c) shares.
 *
 * A harness defines LLVMFuzzerTestOneInput(), which libFuzzer calls with
 * generated inputs (make fuzz) and t/fuzz/driver.c calls with the files
 * of t/fuzz/corpus/NAME/ and t/fuzz/crashers/NAME/ (make test).  Besides
 * the sanitizers' own checks, a harness asserts properties of the
 * parser's output with FUZZ_CHECK(); a failed check aborts, which both
 * report as a crash.  Each input gets a fresh arena, freed at the end,
 * so that LeakSanitizer sees any leak of the code under test.
 */
#ifndef GAZETTE_FUZZ_H
#define GAZETTE_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int	 LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

__attribute__((noreturn, unused))
static void
fuzz_fail(const char *what, const char *file, int line)
{
	fprintf(stderr, "%s:%d: check failed: %s\n", file, line, what);
	abort();
}

#define FUZZ_CHECK(cond) \
	do { if (!(cond)) fuzz_fail(#cond, __FILE__, __LINE__); } while (0)

#endif

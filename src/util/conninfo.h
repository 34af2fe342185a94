/*
 * conninfo.h: a database's name as logs and messages may show it.
 */
#ifndef GAZETTE_CONNINFO_H
#define GAZETTE_CONNINFO_H

#include <stddef.h>

/*
 * Copy where (a SQLite path, a postgresql:// URI or a libpq keyword
 * string) into buf (n bytes, n > 0) with every password replaced by
 * "***": a URI's user:password@ and password= in a URI's query or a
 * keyword string.  Truncated to fit.  Returns buf.
 */
char	*conninfo_shown(const char *where, char *buf, size_t n);

#endif

/*
 * log.h: one line per event on standard error, which nginx-style process
 * managers (systemd, runit, `make run`) collect.  Lines never hold user
 * passwords or session tokens.
 */
#ifndef GAZETTE_LOG_H
#define GAZETTE_LOG_H

/* "gazette: file.c:123: message" */
void	 log_at(const char *file, int line, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
#define LOG_ERR(...) log_at(__FILE__, __LINE__, __VA_ARGS__)

/* A line with no source position: start-up and request lines. */
void	 log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif

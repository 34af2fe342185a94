/*
 * cli.h: the subcommands other than serve (which is in main.c).  Each
 * takes the arguments after its name, with the setting flags already
 * removed by config_parse(), and returns the process exit status.
 */
#ifndef GAZETTE_CLI_H
#define GAZETTE_CLI_H

int	 cli_migrate(int argc, char *argv[]);
int	 cli_import(int argc, char *argv[]);
int	 cli_backup(int argc, char *argv[]);
int	 cli_check(int argc, char *argv[]);
int	 cli_restore(int argc, char *argv[]);
/* A site from a SQLite file into a PostgreSQL database. */
int	 cli_copy(int argc, char *argv[]);

/* Readers find articles (issue 5). */
int	 cli_reindex(int argc, char *argv[]);

/* Editors (issue 3): accounts. */
int	 cli_user(int argc, char *argv[]);
/* Benchmarks (issue 6): fill an empty database with made-up articles. */
int	 cli_generate(int argc, char *argv[]);

/* Hardening (issue 7): the route table, for the tests (hidden). */
int	 cli_routes(int argc, char *argv[]);

/* Photographs: decode and resize one upload (run by the server). */
int	 cli_media_process(int argc, char *argv[]);

#endif

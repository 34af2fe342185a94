# Gazette: a news site in C behind nginx.
#
#   make          build build/gazette
#   make run      install what is missing, build, migrate, serve on :8080
#   make test     install what is missing, build, run the whole suite
#   make test SAN=1   the same under AddressSanitizer + UBSan
#   make test-pg  the whole suite again on PostgreSQL, in a private
#                 cluster made for the run (scripts/with-pg)
#   make fuzz     run every libFuzzer harness (t/fuzz/) for FUZZ_SECONDS
#   make bench    measure the pages through nginx (bench/run, ~7 min)
#   make soak     load for SOAK_MINUTES (5) with wrk: 5xx, memory, fds
#                 (not part of make test)
#   make install  install into PREFIX (/usr/local), staged under DESTDIR
#   make uninstall  remove what make install put there (not /etc)
#   make deb      build/deb/gazette_VERSION_ARCH.deb, with debhelper
#   make test-package  build the package, lintian it, check it, and
#                 install it in a throw-away Debian 12 root (debootstrap)
#   make cluster  as root: three PostgreSQL nodes under Patroni, two app
#                 servers with their caches and a front nginx, each in a
#                 network namespace of its own (scripts/cluster)
#   make test-cluster  the same, with a primary, an app server and a
#                 cache dying under load (t/cluster/, ~4 min)
#
# Local overrides (compiler, flags) go in Makefile.local.

PORT	?= 8080
SAN	?= 0
SOAK_MINUTES ?= 5

# Where make install puts things.  An installed gazette finds its
# templates and static files in ../share/gazette beside its bin/, and
# reads SYSCONFDIR/gazette/gazette.conf.
PREFIX	?= /usr/local
DESTDIR	?=
BINDIR	 = $(PREFIX)/bin
DATADIR	 = $(PREFIX)/share/gazette
MANDIR	 = $(PREFIX)/share/man
UNITDIR	?= $(PREFIX)/lib/systemd/system
ifeq ($(PREFIX),/usr)
SYSCONFDIR ?= /etc
else
SYSCONFDIR ?= $(PREFIX)/etc
endif

CC	?= cc
CXX	?= c++
PKGS	 = fcgi libctemplate sqlite3 libcmark libsodium libcurl zlib libbrotlienc libbrotlidec \
	   liboath libqrencode vips libpq

ifeq ($(FUZZ),1)
# libFuzzer harnesses (make fuzz): clang, coverage and sanitizers.
CC	 = clang
CXX	 = clang++
BUILD	 = build/fuzz
OPT	 = -O1 -g -fno-omit-frame-pointer \
	   -fsanitize=fuzzer-no-link,address,undefined \
	   -fno-sanitize-recover=undefined
HARDEN	 =
else ifeq ($(SAN),1)
BUILD	 = build/san
OPT	 = -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	   -fno-sanitize-recover=undefined
HARDEN	 =
else
BUILD	 = build
OPT	 = -O2 -g
HARDEN	 = -fstack-protector-strong -D_FORTIFY_SOURCE=2
endif

WARN	 = -Wall -Wextra -Werror -Wshadow
CFLAGS	+= -std=c11 $(OPT) $(WARN) -Wstrict-prototypes -Wmissing-prototypes \
	   $(HARDEN) -fPIE -D_DEFAULT_SOURCE -MMD -MP
CXXFLAGS += -std=c++11 $(OPT) $(WARN) $(HARDEN) -fPIE -MMD -MP
LDFLAGS	+= -pie -Wl,-z,relro,-z,now -pthread $(filter -fsanitize%,$(OPT))

-include Makefile.local

PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

# Everything but main.c goes into a library that the tests link too.
LIB_SRC	 = $(filter-out src/main.c,$(wildcard src/*.c src/*/*.c))
LIB_OBJ	 = $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/src/view/bridge.o \
	   $(BUILD)/gen/migrations.o $(BUILD)/gen/pg_migrations.o
UNIT_SRC = $(wildcard t/unit/*.c)
UNIT_BIN = $(UNIT_SRC:t/unit/%.c=$(BUILD)/t/%)
MIGRATIONS = $(sort $(wildcard sql/*.sql))
PG_MIGRATIONS = $(sort $(wildcard sql/pg/*.sql))
# Static text files are compressed once, here, and nginx sends the .gz
# to clients that take gzip (gzip_static in conf/gazette.conf.in).
STATIC_GZ = $(patsubst %,%.gz,$(wildcard static/*.css static/*.svg static/*.txt))

.PHONY: all deps run test unit clean fuzz fuzz-build replay
.PHONY: all deps run test unit clean soak
.DELETE_ON_ERROR:

all: $(BUILD)/gazette $(STATIC_GZ)


static/%.gz: static/%
	gzip -9 -n -c $< > $@

$(BUILD)/gazette: $(BUILD)/src/main.o $(BUILD)/libgazette.a
	$(CXX) -o $@ $^ $(LDFLAGS) $(PKG_LIBS)

$(BUILD)/libgazette.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

$(BUILD)/%.o: %.cc
	@mkdir -p $(dir $@)
	$(CXX) $(CXXFLAGS) $(PKG_CFLAGS) -c -o $@ $<

# The migrations are compiled into the binary, so that it always knows
# its own schema.
$(BUILD)/gen/migrations.c: $(MIGRATIONS) scripts/embed-sql
	@mkdir -p $(dir $@)
	scripts/embed-sql $(MIGRATIONS) > $@

$(BUILD)/gen/migrations.o: $(BUILD)/gen/migrations.c
	$(CC) $(CFLAGS) -c -o $@ $<

# The same schema for PostgreSQL (sql/pg/, a twin of each file in sql/).
$(BUILD)/gen/pg_migrations.c: $(PG_MIGRATIONS) $(MIGRATIONS) scripts/embed-sql
	@mkdir -p $(dir $@)
	scripts/embed-sql --pg $(PG_MIGRATIONS) > $@

$(BUILD)/gen/pg_migrations.o: $(BUILD)/gen/pg_migrations.c
	$(CC) $(CFLAGS) -c -o $@ $<

# GAZETTE_TOP lets a test find files (the seed article) from any cwd.
# The dependency file is hidden (.NAME.d), so that $(BUILD)/t/ shows
# prove nothing but the test programs.
$(BUILD)/t/%: t/unit/%.c t/unit/tap.h $(BUILD)/libgazette.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -MF $(dir $@).$(notdir $@).d \
	    -DGAZETTE_TOP='"$(CURDIR)"' -o $@ $< \
	    $(BUILD)/libgazette.a $(LDFLAGS) $(PKG_LIBS) -lstdc++

unit: $(UNIT_BIN)

deps:
	@scripts/deps test

run:
	@scripts/deps run
	@$(MAKE) --no-print-directory all
	@scripts/run $(PORT)

test: deps
	@$(MAKE) --no-print-directory all unit replay
	GAZETTE_BIN=$(BUILD)/gazette GAZETTE_BUILD=$(BUILD) GAZETTE_SAN=$(SAN) \
	    $(SAN_ENV) prove -j2 $(UNIT_BIN) t/*.t

# The same suite with the site on PostgreSQL: a private cluster in a
# temporary folder (scripts/pg-cluster), stopped at the end whatever
# happens; each test makes its own database there (t/lib/GazetteTest.pm,
# t/unit/testdb.h).
.PHONY: test-pg
test-pg:
	@scripts/deps test-pg
	@$(MAKE) --no-print-directory all unit replay
	GAZETTE_BIN=$(BUILD)/gazette GAZETTE_BUILD=$(BUILD) GAZETTE_SAN=$(SAN) \
	    $(SAN_ENV) scripts/with-pg prove -j2 $(UNIT_BIN) t/*.t

# An optimised build, then bench/run fills
# throw-away databases and measures through nginx (see the README).
# BENCH_SIZES, BENCH_DURATION, BENCH_ROUNDS, BENCH_JSON: see bench/run.
.PHONY: bench
# BENCH_DB=pg: the same rows with the site on PostgreSQL (a private
# cluster that bench/run starts and stops).
BENCH_DB ?= sqlite
bench:
	@scripts/deps $(if $(filter pg,$(BENCH_DB)),bench-pg,bench)
	@$(MAKE) --no-print-directory SAN=0 all build/bench/responder
	BENCH_DB=$(BENCH_DB) bench/run

build/bench/responder: bench/responder.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(shell pkg-config --cflags fcgi) -o $@ $< $(LDFLAGS) \
	    $(shell pkg-config --libs fcgi)

# A soak under load, with wrk (installed here only).
soak: deps
	@scripts/deps soak
	@$(MAKE) --no-print-directory all
	GAZETTE_BIN=$(BUILD)/gazette GAZETTE_SAN=$(SAN) \
	    SOAK_MINUTES=$(SOAK_MINUTES) scripts/soak

clean:
	rm -rf build $(STATIC_GZ)

# ---- Installing ------------------------------------------------------
#
# The binary, the templates, the static files, the nginx snippets (and a
# site for sites-available), the man page, the systemd units, and a
# configuration file if there is none yet (never overwritten).
.PHONY: install uninstall
install: all
	rm -rf $(BUILD)/dist
	scripts/install-files $(PREFIX) $(SYSCONFDIR) $(BUILD)/dist
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/templates \
	    $(DESTDIR)$(DATADIR)/static $(DESTDIR)$(DATADIR)/nginx \
	    $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(UNITDIR)
	install -m 755 $(BUILD)/gazette $(DESTDIR)$(BINDIR)/gazette
	install -m 644 templates/*.tpl $(DESTDIR)$(DATADIR)/templates/
	install -m 644 static/* $(DESTDIR)$(DATADIR)/static/
	install -m 644 $(BUILD)/dist/nginx/* $(DESTDIR)$(DATADIR)/nginx/
	install -m 644 $(BUILD)/dist/gazette.conf \
	    $(DESTDIR)$(DATADIR)/gazette.conf.example
	install -m 644 doc/gazette.1 $(DESTDIR)$(MANDIR)/man1/gazette.1
	install -m 644 $(BUILD)/dist/systemd/* $(DESTDIR)$(UNITDIR)/
	@if [ ! -e $(DESTDIR)$(SYSCONFDIR)/gazette/gazette.conf ]; then \
	    echo "install -D -m 644 $(BUILD)/dist/gazette.conf $(DESTDIR)$(SYSCONFDIR)/gazette/gazette.conf"; \
	    install -D -m 644 $(BUILD)/dist/gazette.conf \
	        $(DESTDIR)$(SYSCONFDIR)/gazette/gazette.conf; \
	fi

# The Debian package (debian/), built from a copy of the tree under
# build/deb/, and its tests: t/pkg/ (not part of make test: they take
# minutes and fetch Debian's packages).
.PHONY: deb test-package
deb:
	@scripts/deps package
	scripts/make-deb

test-package: deb
	prove -v t/pkg/

# More than one machine, on this one: network namespaces, etcd, Patroni
# (see the README).  Root only; everything is removed at the end.
.PHONY: cluster test-cluster
cluster:
	@scripts/deps-cluster
	@$(MAKE) --no-print-directory all
	@GAZETTE_BIN=$(BUILD)/gazette scripts/cluster run $(PORT)

test-cluster:
	@scripts/deps-cluster
	@$(MAKE) --no-print-directory all
	GAZETTE_BIN=$(BUILD)/gazette GAZETTE_TOP=$(CURDIR) scripts/cluster test

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/gazette $(DESTDIR)$(MANDIR)/man1/gazette.1
	rm -rf $(DESTDIR)$(DATADIR)
	rm -f $(DESTDIR)$(UNITDIR)/gazette.service \
	    $(DESTDIR)$(UNITDIR)/gazette.socket \
	    $(DESTDIR)$(UNITDIR)/gazette-backup.service \
	    $(DESTDIR)$(UNITDIR)/gazette-backup.timer

# ---- Sanitizers and fuzzing --------------------------------
#
# Sanitizer settings for `make test SAN=1`: every report is fatal, and
# LeakSanitizer skips the leaks listed (each with its reason) in
# t/lsan.supp.  GazetteTest.pm fails a test whose app log holds a report.
SAN_ENV	 = ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:detect_stack_use_after_return=1:strict_string_checks=1 \
	   LSAN_OPTIONS=suppressions=$(CURDIR)/t/lsan.supp:print_suppressions=0 \
	   UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# Fuzz harnesses: t/fuzz/NAME.c defines LLVMFuzzerTestOneInput; its
# seeds are in t/fuzz/corpus/NAME/ and the inputs that once crashed it
# in t/fuzz/crashers/NAME/.  A new harness (the search-query sanitiser
# goes here as t/fuzz/search.c) needs no change to this file.
FUZZ_NAMES = $(filter-out driver,$(basename $(notdir $(wildcard t/fuzz/*.c))))
FUZZ_SECONDS ?= 60

# `make test` replays every seed and crasher through each harness with a
# plain driver (t/fuzz/driver.c), built like the rest of $(BUILD): no
# libFuzzer needed, and under SAN=1 the replay runs with the sanitizers.
REPLAY_BIN = $(FUZZ_NAMES:%=$(BUILD)/replay/%)

# (Not under $(BUILD)/t/, which holds only the unit tests prove runs.)
$(BUILD)/replay/%.o: t/fuzz/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

$(BUILD)/replay/%: $(BUILD)/replay/%.o $(BUILD)/replay/driver.o \
    $(BUILD)/libgazette.a
	$(CXX) -o $@ $^ $(LDFLAGS) $(PKG_LIBS)

replay: $(REPLAY_BIN)

.PRECIOUS: $(BUILD)/replay/%.o

# The libFuzzer build: clang, every object instrumented for coverage and
# the sanitizers, in build/fuzz.  `make fuzz` builds it and runs each
# harness for FUZZ_SECONDS (scripts/fuzz says how, and what fails).
ifeq ($(FUZZ),1)
FUZZ_BIN = $(FUZZ_NAMES:%=$(BUILD)/bin/%)

$(BUILD)/bin/%: $(BUILD)/replay/%.o $(BUILD)/libgazette.a
	@mkdir -p $(dir $@)
	$(CXX) -o $@ $^ $(LDFLAGS) -fsanitize=fuzzer $(PKG_LIBS)

fuzz-build: $(FUZZ_BIN)
endif

fuzz:
	@command -v clang >/dev/null || { echo "make fuzz needs clang:" \
	    "apt-get install clang libclang-rt-14-dev" >&2; exit 1; }
	@$(MAKE) --no-print-directory FUZZ=1 fuzz-build
	scripts/fuzz $(FUZZ_SECONDS) build/fuzz/bin $(FUZZ_NAMES)

-include $(shell find build \( -path build/deb -o -path build/pkgtest \) -prune -o -name '*.d' -type f -print 2>/dev/null)

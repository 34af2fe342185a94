# Gazette: a news site in C behind nginx.
#
#   make          build build/gazette
#   make run      install what is missing, build, migrate, serve on :8080
#   make test     install what is missing, build, run the whole suite
#   make test SAN=1   the same under AddressSanitizer + UBSan
#   make soak     load for SOAK_MINUTES (5) with wrk: 5xx, memory, fds
#                 (not part of make test)
#
# Local overrides (compiler, flags) go in Makefile.local.

PORT	?= 8080
SAN	?= 0
SOAK_MINUTES ?= 5

CC	?= cc
CXX	?= c++
PKGS	 = fcgi libctemplate sqlite3 libcmark libsodium

ifeq ($(SAN),1)
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
	   $(BUILD)/gen/migrations.o
UNIT_SRC = $(wildcard t/unit/*.c)
UNIT_BIN = $(UNIT_SRC:t/unit/%.c=$(BUILD)/t/%)
MIGRATIONS = $(sort $(wildcard sql/*.sql))

.PHONY: all deps run test unit clean soak
.DELETE_ON_ERROR:

all: $(BUILD)/gazette

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

$(BUILD)/t/%: t/unit/%.c t/unit/tap.h $(BUILD)/libgazette.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -o $@ $< $(BUILD)/libgazette.a \
	    $(LDFLAGS) $(PKG_LIBS) -lstdc++

unit: $(UNIT_BIN)

deps:
	@scripts/deps

run: deps
	@$(MAKE) --no-print-directory all
	@scripts/run $(PORT)

test: deps
	@$(MAKE) --no-print-directory all unit
	GAZETTE_BIN=$(BUILD)/gazette GAZETTE_SAN=$(SAN) \
	    prove -j2 $(UNIT_BIN) t/*.t

# Hardening (issue 7): a soak under load, with wrk (installed here only).
soak: deps
	@scripts/deps soak
	@$(MAKE) --no-print-directory all
	GAZETTE_BIN=$(BUILD)/gazette GAZETTE_SAN=$(SAN) \
	    SOAK_MINUTES=$(SOAK_MINUTES) scripts/soak

clean:
	rm -rf build

-include $(shell find build -name '*.d' 2>/dev/null)

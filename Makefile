# casus build.  `make` builds the library and CLI into build/; `make test` runs the whole suite;
# `make sanitize` runs it again under AddressSanitizer + UBSan; `make conformance` runs against
# the peer suites in ../shared.
CC      ?= cc
BUILD   ?= build
OPT     ?= -O2 -g
SAN     ?=
PKGS    := jansson libutf8proc sqlite3 geonames
STD     := -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
DEFAULT_PROJECT ?= $(CURDIR)/data/dict/casus.project
CFLAGS_ALL := $(STD) $(OPT) $(SAN) -Iinclude -Isrc -I$(BUILD)/gen $(shell pkg-config --cflags $(PKGS)) $(CFLAGS)
CLI_FLAGS := -DCASUS_DEFAULT_PROJECT='"$(DEFAULT_PROJECT)"'
LIBS    := $(shell pkg-config --libs $(PKGS)) -lm
SHARED  ?= ../shared

LIB_SRC := $(sort $(wildcard src/*.c src/*/*.c))
CLI_SRC := $(sort $(wildcard cli/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o)
CLI_OBJ := $(CLI_SRC:%.c=$(BUILD)/%.o)
TESTS   := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all test sanitize conformance bench clean deps
all: $(BUILD)/casus $(TESTS)

$(BUILD)/libcasus.a: $(LIB_OBJ)
	@mkdir -p $(@D)
	@$(AR) rcs $@ $^

$(BUILD)/casus: $(CLI_OBJ) $(BUILD)/libcasus.a
	@echo "LD $@"
	@$(CC) $(CFLAGS_ALL) -o $@ $^ $(LIBS)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/testutil.h $(BUILD)/libcasus.a
	@mkdir -p $(@D)
	@echo "LD $@"
	@$(CC) $(CFLAGS_ALL) -Itests/unit -o $@ $< $(BUILD)/libcasus.a $(LIBS) -lcmocka

$(BUILD)/cli/%.o: cli/%.c
	@mkdir -p $(@D)
	@echo "CC $<"
	@$(CC) $(CFLAGS_ALL) $(CLI_FLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	@echo "CC $<"
	@$(CC) $(CFLAGS_ALL) -MMD -MP -c -o $@ $<

# The CAMEO table (Goldstein, PLOVER) is text in data/cameo/; the build turns it into C.
$(BUILD)/gen/cameo_table.h: data/cameo/cameo.tsv scripts/cameo-table.awk
	@mkdir -p $(@D)
	@awk -f scripts/cameo-table.awk $< > $@.tmp && mv $@.tmp $@
$(BUILD)/src/enrich/cameo.o: $(BUILD)/gen/cameo_table.h

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)

# The test command installs what it needs first (quick when all is installed).
test: deps
	@$(MAKE) --no-print-directory all
	@BUILD=$(BUILD) sh tests/run.sh

sanitize:
	@$(MAKE) --no-print-directory BUILD=build-san OPT="-O1 -g -fno-omit-frame-pointer" \
	  SAN="-fsanitize=address,undefined -fno-sanitize-recover=all" test

conformance: $(BUILD)/casus
	@BUILD=$(BUILD) SHARED=$(SHARED) sh tests/conformance.sh

bench: $(BUILD)/casus
	@BUILD=$(BUILD) SHARED=$(SHARED) sh bench/run.sh

deps:
	@sh scripts/install-deps.sh

clean:
	rm -rf build build-san

# ---- syntax: trainer and model (see models/MODELS.md) ----
EWT     ?= $(SHARED)/corpora/ud-english-ewt
MODEL   ?= models/en_ewt.casus
TRAIN_OPTS := --seed 1 --prune-tagger 0.5 --prune-labeler 1 --parser-rows 1000000 --parser-bits 8 --beam 8 --tag-cost 2 --hash 1 --beam-prune 175 --lexicon 2
$(BUILD)/cli/parse.o $(BUILD)/cli/models.o: CFLAGS_ALL += -DCASUS_MODEL_DIR='"$(abspath models)"'

.PHONY: train model
train: $(BUILD)/train-syntax

$(BUILD)/train-syntax: train/train.c $(BUILD)/libcasus.a
	$(CC) $(CFLAGS_ALL) -o $@ $< $(BUILD)/libcasus.a $(LIBS)

# The committed model learns from train and dev together (models/MODELS.md gives the dev scores
# of the same training on train alone); the trainer still reports on dev, which it has seen.
TRAIN_DATA := $(BUILD)/en_ewt-train+dev.conllu
$(TRAIN_DATA): $(EWT)/en_ewt-ud-train.conllu $(EWT)/en_ewt-ud-dev.conllu
	@mkdir -p $(BUILD)
	cat $^ > $@

model: $(BUILD)/train-syntax $(TRAIN_DATA)
	$(BUILD)/train-syntax $(TRAIN_DATA) $(EWT)/en_ewt-ud-dev.conllu $(MODEL) $(TRAIN_OPTS)

# Makefile - the two commands for newcomers, wrapping meson.
#
#   make demo    install what is missing, build, create ambt.db with the
#                demo data, show where to look and serve on localhost:8080
#   make check   build and run every test: the SQLite suites under
#                ASan+UBSan, the PostgreSQL suites (on a throw-away
#                cluster), the awkward-clock and lint suites plainly, and
#                the unit suites and the command line under valgrind

BUILD      ?= build
BUILD_SAN  ?= build-san
DB         ?= ambt.db
PORT       ?= 8080
AMBT        = $(BUILD)/ambt

SAN_ENV = ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
	  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
VALGRIND = valgrind -q --error-exitcode=99 --leak-check=full \
	   --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect

.PHONY: all deps build demo check bench fuzz format format-check clean

all: build

deps:
	@sh scripts/install-deps.sh
	@[ -d node_modules/@utrecht/component-library-css ] && \
	 [ node_modules/.package-lock.json -nt package-lock.json ] || \
		npm ci --no-audit --no-fund

$(BUILD)/build.ninja:
	meson setup $(BUILD) --buildtype=debugoptimized

$(BUILD_SAN)/build.ninja:
	meson setup $(BUILD_SAN) --buildtype=debug \
		-Db_sanitize=address,undefined -Db_lundef=false

build: deps $(BUILD)/build.ninja
	meson compile -C $(BUILD)

demo: build
	$(AMBT) demo --overschrijf --db $(DB)
	@echo
	$(AMBT) samenwerking lijst --db $(DB)
	@echo
	@echo "Open in de browser:"
	@echo "  http://localhost:$(PORT)/                          de samenwerkingen"
	@echo "  http://localhost:$(PORT)/samenwerkingen/HB         Heemstede–Bloemendaal met tijdlijn"
	@echo "  http://localhost:$(PORT)/eenheden/hb-informatisering  van gedeeld naar GRIT"
	@echo "  http://localhost:$(PORT)/besluiten/830016          het besluit over het kader"
	@echo "  http://localhost:$(PORT)/api/v1/besluiten/830016   hetzelfde via de API"
	@echo "  http://localhost:$(PORT)/api/v1/openapi.json       de API-beschrijving"
	@echo "  http://localhost:$(PORT)/inloggen                  inloggen met een demo-account van hierboven"
	@echo "  http://localhost:$(PORT)/samenwerkingen/HB/uren    de urenverdeling van HB (na inloggen)"
	@echo "  http://localhost:$(PORT)/uren                      uren inlezen (als controller of beheerder)"
	@echo "  http://localhost:$(PORT)/kostenverdelingen/2       de vastgestelde bijdrage van AA over 2024 (na inloggen)"
	@echo "  http://localhost:$(PORT)/kostenverdelingen/2/gemeenten/GM0358  waarom betaalt Aalsmeer dit?"
	@echo "  http://localhost:$(PORT)/samenwerkingen/HB/kostenposten?jaar=2025  kostenposten invoeren (als controller.hb)"
	@echo "  http://localhost:$(PORT)/samenwerkingen/HB/verdeelsleutels?jaar=2025  verdeelsleutels, voorschotten en maatwerk"
	@echo "  http://localhost:$(PORT)/samenwerkingen/HB/scenarios  scenario's maken en verwijderen"
	@echo "  http://localhost:$(PORT)/gebruikers                accounts, rollen en tokens (als beheer)"
	@echo "  http://localhost:$(PORT)/api                       de API-beschrijving om te lezen"
	@echo "  http://localhost:$(PORT)/afspraak/aalsmeer         een afspraak maken, verzetten of afzeggen (zonder account)"
	@echo "  http://localhost:$(PORT)/rooster                   het rooster (als planner of beheerder)"
	@echo "  http://localhost:$(PORT)/balie                     de daglijst van de balie (als balie.aalsmeer)"
	@echo "Of op de opdrachtregel: $(AMBT) --help"
	@echo
	$(AMBT) server --db $(DB) --poort $(PORT)

check: deps $(BUILD)/build.ninja $(BUILD_SAN)/build.ninja
	meson compile -C $(BUILD)
	meson compile -C $(BUILD_SAN)
	@rm -f $(BUILD)/meson-logs/testlog*.json $(BUILD_SAN)/meson-logs/testlog*.json
	@rc=0; vg=; \
	pgdir=$$(mktemp -d /tmp/ambt-pg-XXXXXX); \
	trap '[ -z "$$vg" ] || kill $$vg 2>/dev/null; sh tests/pg/cluster.sh stop "$$pgdir"' EXIT; \
	trap 'exit 1' INT TERM HUP; \
	echo "== de opdrachtregel onder valgrind, naast de andere tests"; \
	( AMBT_WRAPPER="$(VALGRIND)" GOLDEN_PER_OPDRACHT=1 \
		meson test -C $(BUILD) golden -t 8 \
		--no-rebuild --print-errorlogs --logbase testlog-valgrind-cli \
		>$(BUILD)/meson-logs/valgrind-cli.out 2>&1 ) & vg=$$!; \
	echo "== PostgreSQL-cluster voor de tests in $$pgdir"; \
	AMBT_TEST_PG=$$(sh tests/pg/cluster.sh start "$$pgdir") || exit 1; \
	export AMBT_TEST_PG; \
	echo "== tests op PostgreSQL, met een vreemde klok en lint"; \
	meson test -C $(BUILD) --print-errorlogs \
		--suite postgresql --suite klok --suite lint || rc=1; \
	echo "== tests op SQLite onder ASan+UBSan"; \
	$(SAN_ENV) meson test -C $(BUILD_SAN) --print-errorlogs \
		--no-suite postgresql --no-suite klok --no-suite lint || rc=1; \
	$(SAN_ENV) meson test -C $(BUILD_SAN) --print-errorlogs \
		--logbase testlog-pg queries-pg store-pg store-toegang-pg \
		store-uren-pg store-kosten-pg || rc=1; \
	echo "== tests onder valgrind"; \
	meson test -C $(BUILD) --setup=valgrind --suite unit --print-errorlogs || rc=1; \
	wait $$vg || rc=1; vg=; \
	cat $(BUILD)/meson-logs/valgrind-cli.out; \
	python3 scripts/test-summary.py $(BUILD)/meson-logs/testlog*.json \
		$(BUILD_SAN)/meson-logs/testlog*.json || rc=1; \
	exit $$rc

# Benchmarks print figures (and write JSON to bench/results/); they never
# fail on time. They install what they need (wrk, nginx, PostgreSQL) and run
# on SQLite and on a throw-away PostgreSQL cluster, removed afterwards, also
# when a benchmark fails. See bench/README.md.
bench: deps
	@sh scripts/install-deps.sh --bench
	[ -f build-bench/build.ninja ] || meson setup build-bench --buildtype=release
	meson compile -C build-bench
	@rc=0; \
	pgdir=$$(mktemp -d /tmp/ambt-pg-XXXXXX); \
	trap 'sh tests/pg/cluster.sh stop "$$pgdir"' EXIT; \
	trap 'exit 1' INT TERM HUP; \
	echo "== PostgreSQL-cluster voor de benchmarks in $$pgdir"; \
	AMBT_BENCH_PG=$$(sh tests/pg/cluster.sh start "$$pgdir") || exit 1; \
	export AMBT_BENCH_PG; \
	echo "== bench/http.sh"; \
	sh bench/http.sh build-bench/ambt || rc=1; \
	echo "== bench/uren.sh"; \
	sh bench/uren.sh build-bench || rc=1; \
	echo "== bench/verdeling.sh"; \
	sh bench/verdeling.sh build-bench || rc=1; \
	echo "== bench/afspraken.sh"; \
	sh bench/afspraken.sh build-bench || rc=1; \
	exit $$rc

# Run every fuzzer with clang/libFuzzer for FUZZ_SECONDS each and merge
# new inputs into fuzz/corpus/ (see fuzz/README.md).
FUZZ_SECONDS ?= 60
fuzz:
	sh fuzz/run.sh $(FUZZ_SECONDS)

format:
	clang-format -i $$(git ls-files '*.c' '*.h')

format-check:
	clang-format --dry-run --Werror $$(git ls-files '*.c' '*.h')

clean:
	rm -rf $(BUILD) $(BUILD_SAN)

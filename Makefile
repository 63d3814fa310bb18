# policylens: the README's two commands are `make run` and `make test`.
GO      ?= go
BIN     := bin/policylens
GOFLAGS ?=
# Where `make run` serves and what it loads:
#   make run ADDR=127.0.0.1:9000 DATA=/tmp/corpus DB=/tmp/corpus.duckdb
ADDR    ?= 127.0.0.1:8080
DATA    ?= data/notices
DB      ?= data/policylens.duckdb

.PHONY: run build test test-deps vet bench fuzz screenshots clean

## run: build, load $(DATA) into $(DB) if anything changed, serve on $(ADDR)
run: build
	./$(BIN) run --addr '$(ADDR)' --data '$(DATA)' --db '$(DB)'

build:
	$(GO) build -o $(BIN) ./cmd/policylens

## test: install the browser-test dependencies if missing, then vet and run every test
test: test-deps vet
	$(GO) test -count=1 -timeout 40m ./...

test-deps:
	@bash .ci/install-deps

vet:
	@unformatted=$$(gofmt -l cmd loader queries dashboard data); \
	  if [ -n "$$unformatted" ]; then echo "gofmt needed:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...

## bench: loader throughput beside raw gse segmentation on the same >=20 MB text
## (the ratio), a 100,000-notice load (peak RSS) and adding one notice to it,
## and the peak RSS of a notice at the text limit, of a 20 MB one (refused on
## its text, and loaded with the limit raised) and of a refused 200 MB one;
## the RSS and add-one figures also as fractions of their bars (1 GB, 3 s).
## The 100k corpus is cached under $TMPDIR/policylens-bench/. Then every page's
## p50/p95 time and HTML size at 10,000 and 100,000 notices.
bench:
	nice -n 10 $(GO) test -run '^$$' -bench 'BenchmarkLoad$$|BenchmarkAddOne|BenchmarkBigNotice' -benchtime 1x -timeout 120m ./loader/
	nice -n 10 $(GO) test -run '^$$' -bench 'BenchmarkPages' -benchtime 1x -timeout 120m ./dashboard/

## fuzz: run each fuzz target for a short while
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzSentence -fuzztime 30s ./loader/extract/
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime 30s ./loader/source/

## screenshots: the README's pictures of every page (docs/*.png), drawn in
## headless Chromium over 300 synthetic notices from all 31 provinces
screenshots: test-deps
	$(GO) test ./dashboard -run '^TestScreenshots$$' -count=1 -timeout 10m -screenshots=$(CURDIR)/docs

clean:
	rm -rf bin data/policylens.duckdb data/policylens.duckdb.*

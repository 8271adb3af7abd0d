# Docket — every entry point. `make help` lists the targets.
#
# `make run` and `make test` work from a fresh clone: they create the virtualenv, start
# PostgreSQL (and a local hot standby of it) and Redis if they are down, and create the
# database before anything else.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-builtin-rules

ROOT := $(CURDIR)
BACKEND := $(ROOT)/backend
PYTHON ?= python3
VENV ?= $(ROOT)/.venv
VENV_BIN := $(VENV)/bin
REQUIREMENTS := $(BACKEND)/requirements
DEV_REQUIREMENTS := $(REQUIREMENTS)/dev.txt
# The stamp is named after dev.txt's content: the venv is reinstalled only when the pins change.
VENV_STAMP = $(VENV)/.installed-$(shell sha256sum $(DEV_REQUIREMENTS) | cut -c1-16)

# Database connection for psql (`make db`) and, unless DATABASE_URL is set, for Django too.
export PGHOST ?= localhost
export PGPORT ?= 5432
export PGUSER ?= postgres
DB_NAME ?= docket
DB_NAMES ?= $(DB_NAME) $(DB_NAME)_analytics
export DATABASE_URL ?= postgres://$(PGUSER)@$(PGHOST):$(PGPORT)/$(DB_NAME)

export PIP_DISABLE_PIP_VERSION_CHECK := 1
export PYTHONDONTWRITEBYTECODE := 1

API_HOST ?= 127.0.0.1
API_PORT ?= 8000
API_URL := http://localhost:$(API_PORT)

MANAGE := cd $(BACKEND) && $(VENV_BIN)/python manage.py
RUFF := $(VENV_BIN)/ruff
PY_SOURCES ?= backend bench clients/python/docket_sdk clients/python/tests
SDK := $(ROOT)/clients/python
SDK_PACKAGE := docket_client
SCHEMA_FILE := $(ROOT)/openapi/v1.yaml
PYTEST_ARGS ?=

# Stages of `make test`, in order. Each is also a target of its own.
TEST_STAGES := lint migrations-check compat-check schema-check client-check sdk-check deploy-check config-check \
	backend-test api-fuzz sdk-test frontend-check browser-test

# `make test` runs venv/services/db once, then each stage with STAGE=1 so the stages do not
# repeat that setup. Run on their own, the stages set themselves up.
STAGE ?=
SETUP := $(if $(STAGE),,venv)
SETUP_DB := $(if $(STAGE),,venv services db)

# A production-like environment for `make deploy-check`; the secret is random per run.
DEPLOY_ENV = DJANGO_SETTINGS_MODULE=config.settings.production \
	SECRET_KEY="$$($(VENV_BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))')" \
	DEBUG=false \
	ALLOWED_HOSTS=api.docket.example \
	DATABASE_URL=postgres://docket:docket@db.docket.example:5432/docket \
	REDIS_URL=redis://redis.docket.example:6379/0 \
	CORS_ALLOWED_ORIGINS=https://app.docket.example \
	CSRF_TRUSTED_ORIGINS=https://app.docket.example \
	ADMIN_ENABLED=false \
	LOG_FORMAT=json

header = @printf '\n==> %s\n' "$(1)"

.PHONY: help venv services db migrate demo run serve api-fuzz \
	lint format schema schema-check migrations-check compat-check deploy-check config-check \
	backend-test test pin bench bench-realtime bench-large bench-background bench-migrations frontend-deps chromium client client-check constants frontend-check \
	browser-test sdk sdk-check sdk-test

help: ## List the targets
	@printf 'Usage: make <target>\n\n'
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) \
		| awk 'BEGIN { FS = ":.*## " } { printf "  %-18s %s\n", $$1, $$2 }'

# --- setup -------------------------------------------------------------------------------

venv: $(VENV_STAMP) ## Create .venv and install the pinned dev requirements (only when they change)

$(VENV)/.installed-%:
	$(call header,venv: install $(notdir $(DEV_REQUIREMENTS)))
	@test -x $(VENV_BIN)/python || $(PYTHON) -m venv $(VENV)
	$(VENV_BIN)/python -m pip install --quiet --require-hashes -r $(DEV_REQUIREMENTS)
	@rm -f $(VENV)/.installed-*
	@touch $@

services: ## Start PostgreSQL, its local hot standby (:5433) and Redis if they are not answering
	$(call header,services: PostgreSQL, its standby and Redis)
	@$(ROOT)/scripts/ensure-services.sh
	@$(ROOT)/scripts/ensure-replica.sh

db: services ## Create the database(s) if missing
	$(call header,db: $(DB_NAMES) on $(PGHOST):$(PGPORT))
	@for name in $(DB_NAMES); do \
		exists="$$(psql -X -w -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$$name'")"; \
		if [[ "$$exists" == 1 ]]; then \
			echo "database $$name: exists"; \
		else \
			psql -X -w -d postgres -v ON_ERROR_STOP=1 -qc "CREATE DATABASE \"$$name\""; \
			echo "database $$name: created"; \
		fi; \
	done

migrate: venv services db ## Apply migrations (the primary's, then the analytics database's)
	$(call header,migrate)
	$(MANAGE) setup_databases

demo: migrate ## Load the demo workspace (idempotent)
	$(call header,demo: seed_demo)
	$(MANAGE) seed_demo

# --- run ---------------------------------------------------------------------------------

run: venv services db migrate demo frontend-deps ## Set everything up, then serve the API on :8000 and the SPA on :5173 (Ctrl-C stops)
	@$(MAKE) --no-print-directory serve

serve: ## Serve what `make run` serves, without the setup steps
	@printf '\n==> Docket is starting\n\n'
	@printf '  App (SPA)    http://localhost:5173/\n'
	@printf '  API          %s/api/v1/\n' "$(API_URL)"
	@printf '  Swagger UI   %s/api/v1/docs/\n' "$(API_URL)"
	@printf '  Redoc        %s/api/v1/redoc/\n' "$(API_URL)"
	@printf '  Health       %s/healthz  %s/readyz\n' "$(API_URL)" "$(API_URL)"
	@printf '  Metrics      %s/metrics  (Bearer local-metrics-token)  worker: http://127.0.0.1:9808/\n' "$(API_URL)"
	@printf '  Admin        %s/admin/   (staff@example.com)\n\n' "$(API_URL)"
	@printf '  Demo logins  owner@ admin@ member@ guest@example.com\n'
	@printf '  Password     docket-demo-password   (workspace "acme", projects ENG and OPS)\n\n'
	@VENV_BIN=$(VENV_BIN) API_HOST=$(API_HOST) API_PORT=$(API_PORT) $(ROOT)/scripts/run-dev.sh

# --- checks ------------------------------------------------------------------------------

lint: $(SETUP) ## ruff check + format --check, import contracts (.importlinter), mypy
	$(call header,lint: ruff check + ruff format --check + lint-imports + mypy)
	@status=0; \
	$(RUFF) check $(PY_SOURCES) || status=1; \
	$(RUFF) format --check $(PY_SOURCES) || status=1; \
	(cd $(BACKEND) && $(VENV_BIN)/lint-imports --no-cache $(ROOT)/.importlinter) || status=1; \
	(cd $(BACKEND) && $(VENV_BIN)/mypy --config-file $(ROOT)/pyproject.toml docket config) \
		|| status=1; \
	(cd $(SDK) && $(VENV_BIN)/mypy --config-file pyproject.toml) || status=1; \
	exit $$status

format: venv ## Fix what ruff can fix, then format
	$(call header,format: ruff)
	$(RUFF) check --fix $(PY_SOURCES)
	$(RUFF) format $(PY_SOURCES)

schema: venv ## Regenerate openapi/v1.yaml
	$(call header,schema: regenerate openapi/v1.yaml)
	@mkdir -p $(dir $(SCHEMA_FILE))
	@tmp="$$(mktemp)"; trap 'rm -f "$$tmp"' EXIT; \
	$(MANAGE) spectacular --file "$$tmp" --validate --fail-on-warn; \
	cp "$$tmp" $(SCHEMA_FILE)
	@echo "wrote openapi/v1.yaml"

schema-check: $(SETUP) ## Fail if openapi/v1.yaml differs from what the code generates
	$(call header,schema-check: openapi/v1.yaml matches the code)
	@tmp="$$(mktemp)"; trap 'rm -f "$$tmp"' EXIT; \
	$(MANAGE) spectacular --file "$$tmp" --validate --fail-on-warn; \
	if diff -u $(SCHEMA_FILE) "$$tmp"; then \
		echo "openapi/v1.yaml is up to date"; \
	else \
		echo "openapi/v1.yaml is stale: run 'make schema' and commit the result" >&2; \
		exit 1; \
	fi

migrations-check: $(SETUP_DB) ## No missing migrations; lint all migrations
	$(call header,migrations-check: makemigrations --check + lintmigrations)
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) lintmigrations

compat-check: $(SETUP_DB) ## The previous release's tests pass on a database the new migrations migrated
	$(call header,compat-check: the previous release (deploy/previous-release) on the new schema)
	@VENV_BIN=$(VENV_BIN) $(ROOT)/scripts/compat-check.sh

deploy-check: $(SETUP) ## manage.py check --deploy under production settings
	$(call header,deploy-check: check --deploy with production settings)
	cd $(BACKEND) && $(DEPLOY_ENV) $(VENV_BIN)/python manage.py check --deploy --fail-level WARNING

config-check: $(SETUP) ## Validate docker-compose.yml and the CI workflow against their schemas
	$(call header,config-check: docker-compose.yml + .github/workflows/ci.yml)
	$(VENV_BIN)/check-jsonschema --no-cache --builtin-schema vendor.compose-spec docker-compose.yml
	$(VENV_BIN)/check-jsonschema --no-cache --builtin-schema vendor.github-workflows \
		.github/workflows/ci.yml

backend-test: $(if $(STAGE),,venv services) ## pytest against real PostgreSQL and Redis
	$(call header,backend-test: pytest)
	cd $(BACKEND) && $(VENV_BIN)/pytest $(PYTEST_ARGS)

api-fuzz: $(if $(STAGE),,venv services) ## Schemathesis on every operation of openapi/v1.yaml against a live server
	$(call header,api-fuzz: schemathesis against a live API and a seeded tenant)
	@VENV_BIN=$(VENV_BIN) $(ROOT)/scripts/api-fuzz.sh

FRONTEND := $(ROOT)/frontend
NPM_STAMP = $(FRONTEND)/node_modules/.installed-$(shell sha256sum $(FRONTEND)/package-lock.json | cut -c1-16)
CHROMIUM ?= /usr/bin/chromium

frontend-deps: $(NPM_STAMP) ## Install the SPA's npm packages (only when package-lock.json changed)

$(NPM_STAMP): $(FRONTEND)/package-lock.json
	$(call header,frontend-deps: npm ci)
	cd $(FRONTEND) && rm -f node_modules/.installed-* && npm ci --no-audit --no-fund
	touch $@

chromium: ## Install Debian's Chromium for the browser tests, if missing
	@if [ ! -x $(CHROMIUM) ]; then \
		echo "==> chromium: installing Debian's chromium"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; \
	fi

client: frontend-deps ## Regenerate the SPA's typed API client from openapi/v1.yaml
	cd $(FRONTEND) && npm run -s client

constants: venv ## Regenerate the SPA's copy of backend constants (frontend/src/shared/api/constants.ts)
	$(MANAGE) spa_constants

client-check: frontend-deps ## Fail if the generated API client differs from openapi/v1.yaml, or if third parties' default-flag types refuse valid bodies
	$(call header,client-check: frontend/src/shared/api/schema.d.ts matches openapi/v1.yaml)
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	cd $(FRONTEND) && npx openapi-typescript $(SCHEMA_FILE) --default-non-nullable false \
		-o $$tmp/schema.d.ts >/dev/null 2>&1; \
	if ! diff -u src/shared/api/schema.d.ts $$tmp/schema.d.ts; then \
		echo "the API client is stale: run 'make client' and commit the result" >&2; exit 1; \
	fi; \
	echo "==> client-check: request bodies type-check against openapi-typescript's default flags"; \
	mkdir $$tmp/default-flags; \
	npx openapi-typescript $(SCHEMA_FILE) -o $$tmp/default-flags/schema.d.ts >/dev/null 2>&1; \
	cp client-check/default-flags.ts $$tmp/default-flags/; \
	if ! npx tsc --noEmit --strict --target ES2022 --module ESNext --moduleResolution bundler \
		$$tmp/default-flags/default-flags.ts; then \
		echo "a request body fails under openapi-typescript's default flags (client-check/default-flags.ts)" >&2; \
		exit 1; \
	fi

# The Python SDK: clients/python/docket_client is generated (openapi-python-client, pinned in
# dev requirements, configured by clients/python/generator.yaml), docket_sdk is written by hand.
# The generator runs offline; its ruff hooks run isolated, so the output depends only on the
# schema, the config and the pins.
SDK_GENERATE = PATH="$(VENV_BIN):$$PATH" $(VENV_BIN)/openapi-python-client generate \
	--path $(SCHEMA_FILE) --config $(SDK)/generator.yaml --meta none --overwrite --fail-on-warning

sdk: venv ## Regenerate the Python SDK's client (clients/python/docket_client) from openapi/v1.yaml
	$(call header,sdk: regenerate clients/python/$(SDK_PACKAGE))
	@tmp="$$(mktemp -d)"; trap 'rm -rf "$$tmp"' EXIT; \
	$(SDK_GENERATE) --output-path "$$tmp/$(SDK_PACKAGE)" >/dev/null; \
	rm -rf $(SDK)/$(SDK_PACKAGE); cp -r "$$tmp/$(SDK_PACKAGE)" $(SDK)/$(SDK_PACKAGE)
	@echo "wrote clients/python/$(SDK_PACKAGE)"

sdk-check: $(SETUP) ## Fail if the Python SDK's generated client differs from openapi/v1.yaml; import it all
	$(call header,sdk-check: clients/python/$(SDK_PACKAGE) matches openapi/v1.yaml)
	@tmp="$$(mktemp -d)"; trap 'rm -rf "$$tmp"' EXIT; \
	$(SDK_GENERATE) --output-path "$$tmp/$(SDK_PACKAGE)" >/dev/null; \
	if ! diff -ru --exclude=__pycache__ $(SDK)/$(SDK_PACKAGE) "$$tmp/$(SDK_PACKAGE)"; then \
		echo "the Python SDK is stale: run 'make sdk' and commit the result" >&2; exit 1; \
	fi
	@cd $(SDK) && $(VENV_BIN)/python -c 'import importlib, pkgutil, docket_client, docket_sdk; \
		names = [m.name for m in pkgutil.walk_packages(docket_client.__path__, "docket_client.")]; \
		[importlib.import_module(n) for n in names]; print(f"imported {len(names)} modules")'

sdk-test: $(if $(STAGE),,venv services) ## The Python SDK's integration tests against a live server and a seeded tenant
	$(call header,sdk-test: clients/python/tests against a live API)
	@VENV_BIN=$(VENV_BIN) $(ROOT)/scripts/sdk-test.sh

frontend-check: frontend-deps ## tsc --noEmit, ESLint and Vitest for the SPA
	$(call header,frontend-check: tsc + eslint + vitest)
	cd $(FRONTEND) && npx tsc --noEmit -p tsconfig.json && npx eslint . --max-warnings 0 \
		&& npx vitest run

browser-test: frontend-deps chromium $(if $(STAGE),,venv services) ## Playwright (Debian Chromium) against the real API
	$(call header,browser-test: SPA + API in headless Chromium)
	cd $(FRONTEND) && CHROMIUM_PATH=$(CHROMIUM) node e2e/run.mjs

test: venv services db frontend-deps chromium ## Everything CI runs; fails if any stage fails
	@failed=(); \
	for stage in $(TEST_STAGES); do \
		$(MAKE) --no-print-directory STAGE=1 "$$stage" || failed+=("$$stage"); \
	done; \
	echo; \
	if (( $${#failed[@]} )); then \
		echo "==> FAILED: $${failed[*]}"; \
		exit 1; \
	fi; \
	echo "==> all checks passed: $(TEST_STAGES)"

# --- maintenance -------------------------------------------------------------------------

pin: venv ## Recompile the pinned requirements (UPGRADE=1 to move to newer versions)
	$(call header,pin: uv pip compile)
	cd $(REQUIREMENTS) && for name in base dev; do \
		$(VENV_BIN)/uv pip compile --python-version 3.11 --generate-hashes --no-header -q \
			$(if $(UPGRADE),--upgrade) "$$name.in" -o "$$name.txt"; \
	done

BENCH_WORKERS ?= 2

bench: venv services ## Hot reads (list, search, detail) beside the raw-SQL reference: gunicorn (BENCH_WORKERS, default 2), 1,000-issue project
	$(call header,bench: bench/bench_hot_paths.py: API (gunicorn) on :8001 and reference on :8003)
	@cd $(BACKEND) && export DATABASE_URL=postgres://$(PGUSER)@$(PGHOST):$(PGPORT)/docket_bench_hot \
		DEBUG=false LOG_LEVEL=WARNING RATE_LIMIT_ENABLED=false; \
	export REPLICA_DATABASE_URL=$$DATABASE_URL; \
	$(VENV_BIN)/python manage.py setup_databases -v 0 && \
	$(VENV_BIN)/python manage.py seed_demo --issues 1000 >/dev/null && \
	{ BIND=127.0.0.1:8001 WEB_CONCURRENCY=$(BENCH_WORKERS) $(VENV_BIN)/gunicorn -c config/gunicorn.conf.py & \
	api=$$!; \
	(cd $(ROOT)/bench && exec $(VENV_BIN)/uvicorn reference_server:app --host 127.0.0.1 \
		--port 8003 --workers $(BENCH_WORKERS) --no-access-log --log-level warning) & reference=$$!; \
	trap 'kill $$api $$reference 2>/dev/null; wait' EXIT; \
	for port in 8001 8003; do for _ in $$(seq 100); do \
		curl -s -o /dev/null http://127.0.0.1:$$port/ && break; sleep 0.2; done; done; \
	$(VENV_BIN)/python $(ROOT)/bench/bench_hot_paths.py --api http://127.0.0.1:8001 \
		--reference http://127.0.0.1:8003 $(BENCH_ARGS); }

bench-realtime: venv services db migrate demo ## Commit-to-websocket delay: API (2 workers) on :8001 + a Celery worker
	$(call header,bench-realtime: bench/bench_realtime.py against uvicorn on :8001 and a worker)
	@cd $(BACKEND) && export DEBUG=false LOG_LEVEL=WARNING CELERY_BROKER_URL=redis://localhost:6379/5 \
		CHANNEL_PREFIX=docket-bench-rt; \
	$(VENV_BIN)/uvicorn config.asgi:application --host 127.0.0.1 --port 8001 --workers 2 \
		--no-access-log --no-proxy-headers & server=$$!; \
	$(VENV_BIN)/celery -A config worker -Q relay,default,email,webhooks --concurrency 2 \
		--loglevel WARNING -n bench-relay@localhost --without-gossip --without-mingle & worker=$$!; \
	trap 'kill $$server $$worker 2>/dev/null; wait' EXIT; \
	for _ in $$(seq 50); do curl -sf http://127.0.0.1:8001/healthz >/dev/null && break; sleep 0.2; done; \
	$(VENV_BIN)/python $(ROOT)/bench/bench_realtime.py --base http://127.0.0.1:8001 --updates 200; \
	$(VENV_BIN)/python $(ROOT)/bench/bench_realtime.py --base http://127.0.0.1:8001 --updates 200 \
		--sockets 1000

LARGE_ISSUES ?= 1000000

bench-large: venv services ## A 1,000,000-issue project (own database): list pages 1 and 10,000, board, search, detail (p50/p99 + plans)
	$(call header,bench-large: bench/bench_large.py on docket_large ($(LARGE_ISSUES) issues))
	@mkdir -p $(ROOT)/.run
	@cd $(BACKEND) && export DATABASE_URL=postgres://$(PGUSER)@$(PGHOST):$(PGPORT)/docket_large \
		REPLICA_DATABASE_URL=postgres://$(PGUSER)@$(PGHOST):$(PGPORT)/docket_large \
		DEBUG=false LOG_LEVEL=WARNING RATE_LIMIT_ENABLED=false; \
	$(VENV_BIN)/python manage.py setup_databases -v 0 && \
	$(VENV_BIN)/python manage.py seed_demo --issues $(LARGE_ISSUES) >/dev/null && \
	{ $(VENV_BIN)/uvicorn config.asgi:application --host 127.0.0.1 --port 8002 --workers 2 \
		--no-access-log --no-proxy-headers & server=$$!; \
	trap 'kill $$server 2>/dev/null; wait' EXIT; \
	for _ in $$(seq 50); do curl -sf http://127.0.0.1:8002/healthz >/dev/null && break; sleep 0.2; done; \
	$(VENV_BIN)/python $(ROOT)/bench/bench_large.py --base http://127.0.0.1:8002 \
		--plans $(ROOT)/.run/bench-large-plans.txt $(BENCH_ARGS); }

bench-background: venv services ## Relay throughput per consumer and emails/s of one worker (own database)
	$(call header,bench-background: bench/bench_background.py on docket_bench)
	@cd $(BACKEND) && export DATABASE_URL=postgres://$(PGUSER)@$(PGHOST):$(PGPORT)/docket_bench; \
		$(VENV_BIN)/python manage.py setup_databases -v 0 && \
		$(VENV_BIN)/python $(ROOT)/bench/bench_background.py $(BENCH_ARGS)

bench-migrations: venv services ## Issues migrations 0003-0006 under 50 writers, 1,000,000 issues (own database): write stalls, writes lost
	$(call header,bench-migrations: bench/bench_migrations.py on docket_migbench)
	@cd $(BACKEND) && BENCH_DATABASE_SERVER=postgres://$(PGUSER)@$(PGHOST):$(PGPORT) \
		$(VENV_BIN)/python $(ROOT)/bench/bench_migrations.py $(BENCH_ARGS)

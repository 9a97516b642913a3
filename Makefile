.PHONY: run test setup bench messages screenshots

run:  ## install, load demo content, build the index and serve on http://127.0.0.1:8000
	bash scripts/run.sh

test:  ## install test services, run the whole suite against PostgreSQL and Elasticsearch
	bash scripts/test.sh

setup:
	bash scripts/setup.sh requirements-dev.txt

messages:  ## refresh the interface catalogues from the code
	DEBUG=1 .venv/bin/python manage.py makemessages --all --ignore=.venv --ignore=var --no-obsolete

screenshots:  ## regenerate docs/screenshots/ (key pages at phone and desktop widths; demo content loaded by `make run`)
	DEBUG=$${DEBUG:-1} .venv/bin/python manage.py screenshots

{% set logs_module = cookiecutter.project_slug ~ ".logs" -%}
{% include "test_logs.py.j2" %}
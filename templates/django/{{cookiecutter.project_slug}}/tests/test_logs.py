{% set logs_module = cookiecutter.project_slug ~ ".core.logs" -%}
{% include "test_logs.py.j2" %}
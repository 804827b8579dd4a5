{% set access_log_module = cookiecutter.project_slug ~ ".access_log" -%}
{% include "test_access_log.py.j2" %}
{% set access_log_module = "config.access_log" -%}
{% include "test_access_log.py.j2" %}
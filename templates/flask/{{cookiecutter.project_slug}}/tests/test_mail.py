{% set mail_module = cookiecutter.project_slug ~ ".mail" -%}
{% include "test_mail.py.j2" %}
{% set mail_module = cookiecutter.project_slug ~ ".core.mail" -%}
{% include "test_mail.py.j2" %}
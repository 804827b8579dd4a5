"""Organisations (tenants): who belongs where, and the tenant every note query is scoped to."""

"""Public pages and the health check."""

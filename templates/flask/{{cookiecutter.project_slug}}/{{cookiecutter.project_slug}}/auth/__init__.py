"""User accounts: registration, login, logout and the `flask create-user` command."""

from scaffold.signals import guard_startup

guard_startup()

from scaffold.cli import main  # noqa: E402 - after the guard: an interrupt while importing is one line

main()

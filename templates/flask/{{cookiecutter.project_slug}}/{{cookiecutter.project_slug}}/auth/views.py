import click
from flask import Blueprint, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy import select
from werkzeug.wrappers import Response

from ..extensions import db, login_manager
{%- if cookiecutter.tenancy == "yes" %}
from ..organizations.tenant import personal_organization
{%- endif %}
from .forms import ForgotPasswordForm, LoginForm, RegistrationForm, ResetPasswordForm
from .models import User, normalize_email
from .passwords import MIN_PASSWORD_LENGTH, hash_password, needs_rehash, verify_password
from .redirects import is_safe_next
from .reset import send_reset_mail, user_for_token

# cli_group=None: the command is `flask create-user`, not `flask auth create-user`.
bp = Blueprint("auth", __name__, url_prefix="/auth", cli_group=None)

# Shown whether or not the address has an account.
RESET_LINK_SENT = "If an account uses that address, a link to choose a new password is on its way."

login_manager.login_view = "auth.login"
login_manager.login_message_category = "error"


def find_user(email: str) -> User | None:
    return db.session.scalar(select(User).where(User.email == normalize_email(email)))


def create_user(email: str, password: str) -> User:
    user = User(email=normalize_email(email), password_hash=hash_password(password))
    db.session.add(user)
{%- if cookiecutter.tenancy == "yes" %}
    # Every account starts with an organisation of its own, so it can work from the first request.
    db.session.add_all(personal_organization(user))
{%- endif %}
    db.session.commit()
    return user


@bp.route("/register", methods=["GET", "POST"])
def register() -> str | Response:
    form = RegistrationForm()
    if form.validate_on_submit():
        if find_user(form.email.data or "") is not None:
            form.email.errors = [*form.email.errors, "An account with this e-mail already exists."]
        else:
            create_user(form.email.data or "", form.password.data or "")
            flash("Your account is ready. Please log in.", "success")
            return redirect(url_for("auth.login"))
    return render_template("auth/register.html", form=form)


@bp.route("/login", methods=["GET", "POST"])
def login() -> str | Response:
    form = LoginForm()
    if form.validate_on_submit():
        user = find_user(form.email.data or "")
        password = form.password.data or ""
        if verify_password(user.password_hash if user else None, password) and user:
            if needs_rehash(user.password_hash):
                user.password_hash = hash_password(password)
                db.session.commit()
            # A fresh session on login defeats session fixation.
            session.clear()
            login_user(user, remember=bool(form.remember.data))
            next_url = request.args.get("next")
            return redirect(next_url if is_safe_next(next_url) else url_for("auth.account"))
        flash("Wrong e-mail or password.", "error")
    return render_template("auth/login.html", form=form)


@bp.post("/logout")
def logout() -> Response:
    logout_user()
    session.clear()
    flash("You are logged out.", "success")
    return redirect(url_for("main.index"))


@bp.route("/forgot-password", methods=["GET", "POST"])
def forgot_password() -> str | Response:
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        user = find_user(form.email.data or "")
        if user is not None:
            send_reset_mail(user)
        flash(RESET_LINK_SENT, "success")
        return redirect(url_for("auth.login"))
    return render_template("auth/forgot_password.html", form=form)


@bp.route("/reset-password/<token>", methods=["GET", "POST"])
def reset_password(token: str) -> str | Response:
    user = user_for_token(token)
    if user is None:
        flash("That link is invalid, expired or already used. Ask for a new one.", "error")
        return redirect(url_for("auth.forgot_password"))
    form = ResetPasswordForm()
    if form.validate_on_submit():
        user.password_hash = hash_password(form.password.data or "")
        db.session.commit()
        flash("Your password is changed. Please log in.", "success")
        return redirect(url_for("auth.login"))
    return render_template("auth/reset_password.html", form=form)


@bp.get("/account")
@login_required
def account() -> str:
    return render_template("auth/account.html", user=current_user)


@bp.cli.command("create-user")
@click.argument("email")
@click.password_option(help="Prompted for (twice) when not given.")
def create_user_command(email: str, password: str) -> None:
    """Create a user account with EMAIL."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise click.ClickException(f"The password needs at least {MIN_PASSWORD_LENGTH} characters.")
    if find_user(email) is not None:
        raise click.ClickException(f"A user with e-mail {email} already exists.")
    create_user(email, password)
    click.echo(f"Created user {normalize_email(email)}.")

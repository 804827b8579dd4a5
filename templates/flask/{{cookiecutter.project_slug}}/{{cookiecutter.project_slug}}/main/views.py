from flask import Blueprint, Response, jsonify, render_template

from ..health import check_health

bp = Blueprint("main", __name__)


@bp.get("/")
def index() -> str:
    return render_template("main/index.html")


@bp.get("/health")
def health() -> tuple[Response, int]:
    report, status = check_health()
    return jsonify(report), status

"""The signed-in user's organisations: their ids are what the X-Organization header takes."""

from flask.views import MethodView
from flask_login import current_user, login_required
from marshmallow import Schema, fields

from ..extensions import login_manager
from ..organizations.models import Membership
from ..organizations.tenant import memberships_of
from .blueprint import Blueprint

blp = Blueprint(
    "organizations_api",
    __name__,
    url_prefix="/api/v1/organizations",
    description="The organisations you belong to, and your role in each.",
)
# An API client gets a JSON 401, not the redirect to the login page that browsers get.
login_manager.blueprint_login_views[blp.name] = None


class MembershipSchema(Schema):
    id = fields.Integer(attribute="organization_id", dump_only=True)
    name = fields.String(attribute="organization.name", dump_only=True)
    role = fields.String(dump_only=True)


@blp.route("/")
class Organizations(MethodView):
    decorators = [login_required]

    @blp.doc(security=[{"session": []}])
    @blp.alt_response(401, response="UNAUTHORIZED", description="Not logged in.")
    @blp.response(200, MembershipSchema(many=True))
    def get(self) -> list[Membership]:
        """List your organisations, your own first."""
        return memberships_of(current_user.id)

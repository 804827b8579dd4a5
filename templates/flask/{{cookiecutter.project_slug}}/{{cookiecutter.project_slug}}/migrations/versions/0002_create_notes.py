"""Create the notes table (the API's resource).

Revision ID: 0002_notes
Revises:{% if cookiecutter.auth == "yes" %} 0001_users{% endif %}
Create Date: 2025-11-22 00:00:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0002_notes"
down_revision = {% if cookiecutter.auth == "yes" %}"0001_users"{% else %}None{% endif %}
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notes")),
    )


def downgrade() -> None:
    op.drop_table("notes")

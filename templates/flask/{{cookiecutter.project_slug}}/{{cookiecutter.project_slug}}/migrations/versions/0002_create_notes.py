{% set has_auth = cookiecutter.auth == "yes" -%}
"""Create the notes table (the API's resource{% if has_auth %}, each note written by a user{% endif %}).

Revision ID: 0002_notes
Revises:{% if has_auth %} 0001_users{% endif %}
Create Date: 2025-11-22 00:00:00

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "0002_notes"
down_revision = {% if has_auth %}"0001_users"{% else %}None{% endif %}
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
{%- if has_auth %}
        sa.Column("author_id", sa.Integer(), nullable=False),
{%- endif %}
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
{%- if has_auth %}
        sa.ForeignKeyConstraint(
            ["author_id"],
            ["users.id"],
            name=op.f("fk_notes_author_id_users"),
            ondelete="CASCADE",
        ),
{%- endif %}
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notes")),
    )
{%- if has_auth %}
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_notes_author_id"), ["author_id"], unique=False)
{%- endif %}


def downgrade() -> None:
{%- if has_auth %}
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notes_author_id"))
{%- endif %}
    op.drop_table("notes")

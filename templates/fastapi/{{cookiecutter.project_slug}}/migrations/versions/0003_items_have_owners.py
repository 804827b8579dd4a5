"""Give every item an owner.

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import context, op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Items made before they had owners cannot be given one by guessing: stop and say so.
    if not context.is_offline_mode() and op.get_bind().scalar(sa.text("SELECT 1 FROM items")):
        raise RuntimeError(
            "The items table has rows, and an owner cannot be guessed for them: delete them, "
            "or edit this migration to assign them to a user, then run it again"
        )
    with op.batch_alter_table("items") as batch:
        batch.add_column(sa.Column("owner_id", sa.Integer(), nullable=False))
        batch.create_index(batch.f("ix_items_owner_id"), ["owner_id"], unique=False)
        batch.create_foreign_key(
            batch.f("fk_items_owner_id_users"), "users", ["owner_id"], ["id"], ondelete="CASCADE"
        )


def downgrade() -> None:
    with op.batch_alter_table("items") as batch:
        batch.drop_constraint(batch.f("fk_items_owner_id_users"), type_="foreignkey")
        batch.drop_index(batch.f("ix_items_owner_id"))
        batch.drop_column("owner_id")

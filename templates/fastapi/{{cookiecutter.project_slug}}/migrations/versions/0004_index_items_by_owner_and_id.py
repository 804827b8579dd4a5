"""Index items by owner, then id, so a page of one owner's items needs no sort.

Revision ID: 0004
Revises: 0003
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The two-column index serves lookups by owner alone too, so the old one goes.
    op.create_index("ix_items_owner_id_id", "items", ["owner_id", "id"], unique=False)
    op.drop_index("ix_items_owner_id", table_name="items")


def downgrade() -> None:
    op.create_index("ix_items_owner_id", "items", ["owner_id"], unique=False)
    op.drop_index("ix_items_owner_id_id", table_name="items")

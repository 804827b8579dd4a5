"""Organisations (tenants) and memberships; every note belongs to one.

Existing accounts each get an organisation of their own (as new accounts do), and existing notes
move into their author's. Offline (`flask db upgrade --sql`) the script has no rows to read: it is
for an empty database.

Revision ID: 0003_organizations
Revises: 0002_notes
Create Date: 2026-12-06 00:00:00

"""

import sqlalchemy as sa
from alembic import context, op

# revision identifiers, used by Alembic.
revision = "0003_organizations"
down_revision = "0002_notes"
branch_labels = None
depends_on = None


def give_existing_accounts_organizations() -> None:
    connection = op.get_bind()
    organizations = sa.table("organizations", sa.column("id", sa.Integer), sa.column("name"))
    memberships = sa.table(
        "memberships",
        sa.column("user_id", sa.Integer),
        sa.column("organization_id", sa.Integer),
        sa.column("role"),
    )
    users = connection.execute(sa.text("SELECT id, email FROM users ORDER BY id")).all()
    for user_id, email in users:
        organization_id = connection.execute(
            organizations.insert()
            .values(name=f"{email}'s organisation"[:100])
            .returning(organizations.c.id)
        ).scalar_one()
        connection.execute(
            memberships.insert().values(
                user_id=user_id, organization_id=organization_id, role="owner"
            )
        )
    # Every note has an author (0002), and every author now has exactly one membership.
    connection.execute(
        sa.text(
            "UPDATE notes SET organization_id = (SELECT m.organization_id FROM memberships m "
            "WHERE m.user_id = notes.author_id)"
        )
    )


def upgrade() -> None:
    op.create_table(
        "organizations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organizations")),
    )
    op.create_table(
        "memberships",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column(
            "created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organizations.id"],
            name=op.f("fk_memberships_organization_id_organizations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_memberships_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_memberships")),
        sa.UniqueConstraint("user_id", "organization_id", name=op.f("uq_memberships_user_id")),
    )
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_memberships_user_id"), ["user_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_memberships_organization_id"), ["organization_id"], unique=False
        )
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("organization_id", sa.Integer(), nullable=True))
    if not context.is_offline_mode():
        give_existing_accounts_organizations()
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.alter_column("organization_id", existing_type=sa.Integer(), nullable=False)
        batch_op.create_foreign_key(
            batch_op.f("fk_notes_organization_id_organizations"),
            "organizations",
            ["organization_id"],
            ["id"],
            ondelete="CASCADE",
        )
        batch_op.create_index(
            "ix_notes_organization_id_id", ["organization_id", "id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("notes", schema=None) as batch_op:
        batch_op.drop_index("ix_notes_organization_id_id")
        batch_op.drop_constraint(
            batch_op.f("fk_notes_organization_id_organizations"), type_="foreignkey"
        )
        batch_op.drop_column("organization_id")
    with op.batch_alter_table("memberships", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_memberships_organization_id"))
        batch_op.drop_index(batch_op.f("ix_memberships_user_id"))
    op.drop_table("memberships")
    op.drop_table("organizations")

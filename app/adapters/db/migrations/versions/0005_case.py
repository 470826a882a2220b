"""CASE: identifiers and metadata of frameworks and competencies, and their associations

Revision ID: 0005_case
Revises: 0004_oneroster
Create Date: 2026-11-23 14:00:00
"""

import re
import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import app.adapters.db.types

revision: str = '0005_case'
down_revision: str | None = '0004_oneroster'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A copy of app.domain.case.identifiers as of this revision (a migration must not change when
# the code does): UUIDs stay, other ids get a name-based UUID in a fixed namespace.
_NAMESPACE = uuid.UUID("2843d034-31d9-4d54-8d57-32620605bdf4")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def _identifier(kind: str, own_id: str) -> str:
    if _UUID.fullmatch(own_id):
        return own_id
    return str(uuid.uuid5(_NAMESPACE, f"{kind}:{own_id}"))


def _backfill() -> None:
    """Give existing frameworks and competencies their identifiers, and every competency the
    isChildOf that places it in the tree (what the repository writes on every save)."""
    bind = op.get_bind()
    frameworks = {
        (t, f): _identifier("CFDocument", f)
        for t, f in bind.execute(sa.text("SELECT tenant_id, id FROM frameworks"))
    }
    for (tenant, framework), identifier in frameworks.items():
        bind.execute(
            sa.text("UPDATE frameworks SET case_identifier = :c WHERE tenant_id = :t AND id = :f"),
            {"c": identifier, "t": tenant, "f": framework},
        )
    rows = bind.execute(
        sa.text(
            "SELECT tenant_id, id, framework_id, parent_id FROM competencies"
            " ORDER BY tenant_id, framework_id, parent_id, position, id"
        )
    ).all()
    items = {(t, c): _identifier("CFItem", c) for t, c, _, _ in rows}
    for (tenant, competency), identifier in items.items():
        bind.execute(
            sa.text("UPDATE competencies SET case_identifier = :c WHERE tenant_id = :t AND id = :i"),
            {"c": identifier, "t": tenant, "i": competency},
        )
    places: dict[tuple[int, str, str | None], int] = {}
    for position, (tenant, competency, framework, parent) in enumerate(rows):
        origin = items[(tenant, competency)]
        target = items[(tenant, parent)] if parent else frameworks[(tenant, framework)]
        number = places.get((tenant, framework, parent), 0) + 1
        places[(tenant, framework, parent)] = number
        bind.execute(
            sa.text(
                "INSERT INTO case_associations (tenant_id, framework_id, identifier, position,"
                " association_type, origin_identifier, origin_competency_id,"
                " destination_identifier, destination_competency_id, sequence_number, tree)"
                " VALUES (:t, :f, :i, :p, 'isChildOf', :o, :oc, :d, :dc, :n, :tree)"
            ),
            {
                "t": tenant,
                "f": framework,
                "i": str(uuid.uuid5(_NAMESPACE, f"isChildOf:{origin}:{target}")),
                "p": position,
                "o": origin,
                "oc": competency,
                "d": target,
                "dc": parent,
                "n": number,
                "tree": True,
            },
        )


def upgrade() -> None:
    # Columns are added with a placeholder default and filled in below: SQLite cannot make an
    # existing column NOT NULL without rebuilding the table, which the foreign keys that point
    # at these tables forbid once they hold rows.
    for table in ('frameworks', 'competencies'):
        op.add_column(table, sa.Column('case_identifier', sa.String(255), nullable=False, server_default=''))
        op.add_column(table, sa.Column('case_meta', app.adapters.db.types.JsonValue, nullable=True))
    op.create_table('case_associations',
    sa.Column('tenant_id', sa.Integer(), nullable=False),
    sa.Column('framework_id', sa.String(255), nullable=False),
    sa.Column('identifier', sa.String(255), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('association_type', sa.String(64), nullable=False),
    sa.Column('origin_identifier', sa.String(255), nullable=False),
    sa.Column('origin_uri', sa.String(), nullable=True),
    sa.Column('origin_title', sa.String(), nullable=True),
    sa.Column('origin_competency_id', sa.String(255), nullable=True),
    sa.Column('destination_identifier', sa.String(255), nullable=False),
    sa.Column('destination_uri', sa.String(), nullable=True),
    sa.Column('destination_title', sa.String(), nullable=True),
    sa.Column('destination_competency_id', sa.String(255), nullable=True),
    sa.Column('sequence_number', sa.Integer(), nullable=True),
    sa.Column('tree', sa.Boolean(), nullable=False),
    sa.Column('case_meta', app.adapters.db.types.JsonValue, nullable=True),
    sa.ForeignKeyConstraint(['tenant_id', 'framework_id'], ['frameworks.tenant_id', 'frameworks.id'], name=op.f('fk_case_associations_tenant_id_framework_id_frameworks'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['tenant_id'], ['tenants.id'], name=op.f('fk_case_associations_tenant_id_tenants'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('tenant_id', 'framework_id', 'identifier', name=op.f('pk_case_associations'))
    )
    with op.batch_alter_table('case_associations', schema=None) as batch_op:
        batch_op.create_index('ix_case_associations_tenant_id_destination_identifier', ['tenant_id', 'destination_identifier'], unique=False)
        batch_op.create_index('ix_case_associations_tenant_id_identifier', ['tenant_id', 'identifier'], unique=False)
        batch_op.create_index('ix_case_associations_tenant_id_origin_identifier', ['tenant_id', 'origin_identifier'], unique=False)
    _backfill()
    for table in ('frameworks', 'competencies'):
        if op.get_bind().dialect.name == 'postgresql':  # the repository always writes it
            op.alter_column(table, 'case_identifier', server_default=None)
        op.create_index(f'ix_{table}_tenant_id_case_identifier', table, ['tenant_id', 'case_identifier'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('case_associations', schema=None) as batch_op:
        batch_op.drop_index('ix_case_associations_tenant_id_origin_identifier')
        batch_op.drop_index('ix_case_associations_tenant_id_identifier')
        batch_op.drop_index('ix_case_associations_tenant_id_destination_identifier')
    op.drop_table('case_associations')
    # ALTER TABLE ... DROP COLUMN (SQLite 3.35+), not a batch rebuild, for the same reason.
    for table in ('competencies', 'frameworks'):
        op.drop_index(f'ix_{table}_tenant_id_case_identifier', table_name=table)
        op.drop_column(table, 'case_meta')
        op.drop_column(table, 'case_identifier')

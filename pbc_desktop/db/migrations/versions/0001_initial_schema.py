"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-27
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    
    op.create_table('audit_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=60), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('entity', sa.String(length=40), nullable=False),
    sa.Column('entity_uuid', sa.String(length=36), nullable=True),
    sa.Column('summary', sa.String(length=300), nullable=False),
    sa.Column('before', sa.Text(), nullable=True),
    sa.Column('after', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_log'))
    )
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_log_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_entity'), ['entity'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_log_entity_uuid'), ['entity_uuid'], unique=False)

    op.create_table('indicator_set',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('excellent_min', sa.Float(), nullable=False),
    sa.Column('good_min', sa.Float(), nullable=False),
    sa.Column('pass_min', sa.Float(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator_set')),
    sa.UniqueConstraint('uuid', name=op.f('uq_indicator_set_uuid')),
    sa.UniqueConstraint('year', name=op.f('uq_indicator_set_year'))
    )
    op.create_table('organization',
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('short_name', sa.String(length=60), nullable=True),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('field', sa.String(length=32), nullable=False),
    sa.Column('level', sa.String(length=32), nullable=False),
    sa.Column('town', sa.String(length=60), nullable=True),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('secretary', sa.String(length=60), nullable=True),
    sa.Column('contact_person', sa.String(length=60), nullable=True),
    sa.Column('contact_phone', sa.String(length=40), nullable=True),
    sa.Column('address', sa.String(length=200), nullable=True),
    sa.Column('founded_on', sa.Date(), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('remark', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['organization.id'], name=op.f('fk_organization_parent_id_organization'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_organization')),
    sa.UniqueConstraint('name', name=op.f('uq_organization_name')),
    sa.UniqueConstraint('uuid', name=op.f('uq_organization_uuid'))
    )
    with op.batch_alter_table('organization', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_organization_parent_id'), ['parent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_organization_town'), ['town'], unique=False)

    op.create_table('post',
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_post')),
    sa.UniqueConstraint('name', name=op.f('uq_post_name')),
    sa.UniqueConstraint('uuid', name=op.f('uq_post_uuid'))
    )
    op.create_table('reminder_rule',
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('interval_months', sa.Integer(), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reminder_rule')),
    sa.UniqueConstraint('kind', name=op.f('uq_reminder_rule_kind')),
    sa.UniqueConstraint('uuid', name=op.f('uq_reminder_rule_uuid'))
    )
    op.create_table('app_user',
    sa.Column('username', sa.String(length=60), nullable=False),
    sa.Column('display_name', sa.String(length=60), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_app_user_organization_id_organization'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_app_user')),
    sa.UniqueConstraint('username', name=op.f('uq_app_user_username')),
    sa.UniqueConstraint('uuid', name=op.f('uq_app_user_uuid'))
    )
    op.create_table('community',
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('theme', sa.String(length=200), nullable=True),
    sa.Column('lead_org_id', sa.Integer(), nullable=True),
    sa.Column('founded_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['lead_org_id'], ['organization.id'], name=op.f('fk_community_lead_org_id_organization'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_community')),
    sa.UniqueConstraint('name', name=op.f('uq_community_name')),
    sa.UniqueConstraint('uuid', name=op.f('uq_community_uuid'))
    )
    with op.batch_alter_table('community', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_community_lead_org_id'), ['lead_org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_community_status'), ['status'], unique=False)

    op.create_table('indicator',
    sa.Column('set_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=60), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('max_score', sa.Float(), nullable=False),
    sa.Column('guidance', sa.Text(), nullable=True),
    sa.Column('metric', sa.String(length=40), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['set_id'], ['indicator_set.id'], name=op.f('fk_indicator_set_id_indicator_set'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_indicator')),
    sa.UniqueConstraint('uuid', name=op.f('uq_indicator_uuid'))
    )
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_indicator_set_id'), ['set_id'], unique=False)

    op.create_table('party_member',
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('gender', sa.String(length=32), nullable=True),
    sa.Column('ethnicity', sa.String(length=20), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('id_number', sa.String(length=18), nullable=True),
    sa.Column('native_place', sa.String(length=60), nullable=True),
    sa.Column('education', sa.String(length=20), nullable=True),
    sa.Column('joined_on', sa.Date(), nullable=True),
    sa.Column('confirmed_on', sa.Date(), nullable=True),
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.Column('party_post', sa.String(length=60), nullable=True),
    sa.Column('work_unit', sa.String(length=120), nullable=True),
    sa.Column('phone', sa.String(length=20), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('remark', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_party_member_organization_id_organization'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_party_member')),
    sa.UniqueConstraint('id_number', name=op.f('uq_party_member_id_number')),
    sa.UniqueConstraint('uuid', name=op.f('uq_party_member_uuid'))
    )
    with op.batch_alter_table('party_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_party_member_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_party_member_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_party_member_phone'), ['phone'], unique=False)

    op.create_table('venue',
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('owner_org_id', sa.Integer(), nullable=True),
    sa.Column('address', sa.String(length=200), nullable=True),
    sa.Column('capacity', sa.Integer(), nullable=True),
    sa.Column('opening_hours', sa.String(length=120), nullable=True),
    sa.Column('remark', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['owner_org_id'], ['organization.id'], name=op.f('fk_venue_owner_org_id_organization'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_venue')),
    sa.UniqueConstraint('name', name=op.f('uq_venue_name')),
    sa.UniqueConstraint('uuid', name=op.f('uq_venue_uuid'))
    )
    with op.batch_alter_table('venue', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_venue_owner_org_id'), ['owner_org_id'], unique=False)

    op.create_table('activity',
    sa.Column('community_id', sa.Integer(), nullable=True),
    sa.Column('host_org_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('ends_at', sa.DateTime(), nullable=True),
    sa.Column('venue_id', sa.Integer(), nullable=True),
    sa.Column('place', sa.String(length=200), nullable=True),
    sa.Column('chair', sa.String(length=60), nullable=True),
    sa.Column('recorder', sa.String(length=60), nullable=True),
    sa.Column('lecturer', sa.String(length=60), nullable=True),
    sa.Column('guests', sa.Text(), nullable=True),
    sa.Column('trainee_count', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('summary', sa.Text(), nullable=True),
    sa.Column('seq_in_year', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_activity_community_id_community'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['host_org_id'], ['organization.id'], name=op.f('fk_activity_host_org_id_organization'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['venue_id'], ['venue.id'], name=op.f('fk_activity_venue_id_venue'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity')),
    sa.UniqueConstraint('uuid', name=op.f('uq_activity_uuid'))
    )
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_community_id'), ['community_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_host_org_id'), ['host_org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_activity_starts_at'), ['starts_at'], unique=False)

    op.create_table('assessment',
    sa.Column('set_id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('total', sa.Float(), nullable=False),
    sa.Column('grade', sa.String(length=32), nullable=True),
    sa.Column('feedback', sa.Text(), nullable=True),
    sa.Column('outcome', sa.String(length=32), nullable=False),
    sa.Column('award_cents', sa.BigInteger(), nullable=False),
    sa.Column('rectify_reasons', sa.Text(), nullable=True),
    sa.Column('finished_at', sa.DateTime(), nullable=True),
    sa.Column('assessor', sa.String(length=60), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_assessment_community_id_community'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['set_id'], ['indicator_set.id'], name=op.f('fk_assessment_set_id_indicator_set'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment')),
    sa.UniqueConstraint('set_id', 'community_id', name=op.f('uq_assessment_set_id_community_id')),
    sa.UniqueConstraint('uuid', name=op.f('uq_assessment_uuid'))
    )
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessment_community_id'), ['community_id'], unique=False)

    op.create_table('community_member',
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('joined_on', sa.Date(), nullable=True),
    sa.Column('left_on', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_community_member_community_id_community'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_community_member_organization_id_organization'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_community_member')),
    sa.UniqueConstraint('community_id', 'organization_id', name=op.f('uq_community_member_community_id_organization_id')),
    sa.UniqueConstraint('uuid', name=op.f('uq_community_member_uuid'))
    )
    with op.batch_alter_table('community_member', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_community_member_organization_id'), ['organization_id'], unique=False)

    op.create_table('community_role',
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('person_name', sa.String(length=60), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=True),
    sa.Column('cross_appointment', sa.Boolean(), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=True),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_community_role_community_id_community'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['party_member.id'], name=op.f('fk_community_role_member_id_party_member'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_community_role_organization_id_organization'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_community_role')),
    sa.UniqueConstraint('uuid', name=op.f('uq_community_role_uuid'))
    )
    with op.batch_alter_table('community_role', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_community_role_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_community_role_organization_id'), ['organization_id'], unique=False)

    op.create_table('community_type',
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_community_type_community_id_community'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_community_type')),
    sa.UniqueConstraint('community_id', 'type', name=op.f('uq_community_type_community_id_type')),
    sa.UniqueConstraint('uuid', name=op.f('uq_community_type_uuid'))
    )
    op.create_table('community_venue',
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('venue_id', sa.Integer(), nullable=False),
    sa.Column('opened_on', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_community_venue_community_id_community'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['venue_id'], ['venue.id'], name=op.f('fk_community_venue_venue_id_venue'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_community_venue')),
    sa.UniqueConstraint('community_id', 'venue_id', name=op.f('uq_community_venue_community_id_venue_id')),
    sa.UniqueConstraint('uuid', name=op.f('uq_community_venue_uuid'))
    )
    with op.batch_alter_table('community_venue', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_community_venue_venue_id'), ['venue_id'], unique=False)

    op.create_table('convener_turn',
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('period_label', sa.String(length=60), nullable=False),
    sa.Column('period_start', sa.Date(), nullable=True),
    sa.Column('period_end', sa.Date(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_convener_turn_community_id_community'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_convener_turn_organization_id_organization'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_convener_turn')),
    sa.UniqueConstraint('uuid', name=op.f('uq_convener_turn_uuid'))
    )
    with op.batch_alter_table('convener_turn', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_convener_turn_organization_id'), ['organization_id'], unique=False)

    op.create_table('lifecycle_event',
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('status_after', sa.String(length=32), nullable=False),
    sa.Column('occurred_on', sa.Date(), nullable=False),
    sa.Column('operator', sa.String(length=60), nullable=False),
    sa.Column('remark', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_lifecycle_event_community_id_community'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lifecycle_event')),
    sa.UniqueConstraint('uuid', name=op.f('uq_lifecycle_event_uuid'))
    )
    with op.batch_alter_table('lifecycle_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lifecycle_event_community_id'), ['community_id'], unique=False)

    op.create_table('post_report',
    sa.Column('member_id', sa.Integer(), nullable=False),
    sa.Column('community_id', sa.Integer(), nullable=True),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('post_id', sa.Integer(), nullable=True),
    sa.Column('reported_on', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('ended_on', sa.Date(), nullable=True),
    sa.Column('remark', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_post_report_community_id_community'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['member_id'], ['party_member.id'], name=op.f('fk_post_report_member_id_party_member'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_post_report_organization_id_organization'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['post_id'], ['post.id'], name=op.f('fk_post_report_post_id_post'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_post_report')),
    sa.UniqueConstraint('uuid', name=op.f('uq_post_report_uuid'))
    )
    with op.batch_alter_table('post_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_post_report_community_id'), ['community_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_post_report_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_post_report_organization_id'), ['organization_id'], unique=False)

    op.create_table('service_list',
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('signed_on', sa.Date(), nullable=True),
    sa.Column('remark', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_service_list_community_id_community'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_list')),
    sa.UniqueConstraint('uuid', name=op.f('uq_service_list_uuid'))
    )
    with op.batch_alter_table('service_list', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_list_community_id'), ['community_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_service_list_year'), ['year'], unique=False)

    op.create_table('activity_organization',
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_activity_organization_activity_id_activity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_activity_organization_organization_id_organization'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_activity_organization')),
    sa.UniqueConstraint('activity_id', 'organization_id', name=op.f('uq_activity_organization_activity_id_organization_id')),
    sa.UniqueConstraint('uuid', name=op.f('uq_activity_organization_uuid'))
    )
    with op.batch_alter_table('activity_organization', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_organization_organization_id'), ['organization_id'], unique=False)

    op.create_table('agenda_item',
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('discussion', sa.Text(), nullable=True),
    sa.Column('resolution', sa.Text(), nullable=True),
    sa.Column('votes_for', sa.Integer(), nullable=True),
    sa.Column('votes_against', sa.Integer(), nullable=True),
    sa.Column('votes_abstain', sa.Integer(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_agenda_item_activity_id_activity'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_item')),
    sa.UniqueConstraint('uuid', name=op.f('uq_agenda_item_uuid'))
    )
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_item_activity_id'), ['activity_id'], unique=False)

    op.create_table('attachment',
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('stored_path', sa.String(length=400), nullable=False),
    sa.Column('is_photo', sa.Boolean(), nullable=False),
    sa.Column('caption', sa.String(length=200), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_attachment_activity_id_activity'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attachment')),
    sa.UniqueConstraint('uuid', name=op.f('uq_attachment_uuid'))
    )
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachment_activity_id'), ['activity_id'], unique=False)

    op.create_table('attendance',
    sa.Column('activity_id', sa.Integer(), nullable=False),
    sa.Column('member_id', sa.Integer(), nullable=True),
    sa.Column('person_name', sa.String(length=60), nullable=False),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('absence_reason', sa.String(length=32), nullable=True),
    sa.Column('reason_text', sa.String(length=200), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_attendance_activity_id_activity'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['member_id'], ['party_member.id'], name=op.f('fk_attendance_member_id_party_member'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendance')),
    sa.UniqueConstraint('activity_id', 'member_id', name=op.f('uq_attendance_activity_id_member_id')),
    sa.UniqueConstraint('uuid', name=op.f('uq_attendance_uuid'))
    )
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendance_member_id'), ['member_id'], unique=False)

    op.create_table('list_item',
    sa.Column('list_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('category', sa.String(length=60), nullable=True),
    sa.Column('answers_item_id', sa.Integer(), nullable=True),
    sa.Column('uses_item_id', sa.Integer(), nullable=True),
    sa.Column('expected_result', sa.Text(), nullable=True),
    sa.Column('status', sa.String(length=32), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('solved_on', sa.Date(), nullable=True),
    sa.Column('result', sa.Text(), nullable=True),
    sa.Column('satisfaction', sa.String(length=32), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['answers_item_id'], ['list_item.id'], name=op.f('fk_list_item_answers_item_id_list_item'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['list_id'], ['service_list.id'], name=op.f('fk_list_item_list_id_service_list'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['uses_item_id'], ['list_item.id'], name=op.f('fk_list_item_uses_item_id_list_item'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_list_item')),
    sa.UniqueConstraint('uuid', name=op.f('uq_list_item_uuid'))
    )
    with op.batch_alter_table('list_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_list_item_deadline'), ['deadline'], unique=False)
        batch_op.create_index(batch_op.f('ix_list_item_list_id'), ['list_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_list_item_status'), ['status'], unique=False)

    op.create_table('post_evaluation',
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('result', sa.String(length=32), nullable=False),
    sa.Column('remark', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['post_report.id'], name=op.f('fk_post_evaluation_report_id_post_report'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_post_evaluation')),
    sa.UniqueConstraint('report_id', 'year', name=op.f('uq_post_evaluation_report_id_year')),
    sa.UniqueConstraint('uuid', name=op.f('uq_post_evaluation_uuid'))
    )
    op.create_table('score',
    sa.Column('assessment_id', sa.Integer(), nullable=False),
    sa.Column('indicator_id', sa.Integer(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('remark', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['assessment_id'], ['assessment.id'], name=op.f('fk_score_assessment_id_assessment'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['indicator_id'], ['indicator.id'], name=op.f('fk_score_indicator_id_indicator'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_score')),
    sa.UniqueConstraint('assessment_id', 'indicator_id', name=op.f('uq_score_assessment_id_indicator_id')),
    sa.UniqueConstraint('uuid', name=op.f('uq_score_uuid'))
    )
    with op.batch_alter_table('score', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_score_indicator_id'), ['indicator_id'], unique=False)

    op.create_table('service_log',
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('served_on', sa.Date(), nullable=False),
    sa.Column('hours', sa.Float(), nullable=False),
    sa.Column('content', sa.Text(), nullable=False),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['post_report.id'], name=op.f('fk_service_log_report_id_post_report'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_service_log')),
    sa.UniqueConstraint('uuid', name=op.f('uq_service_log_uuid'))
    )
    with op.batch_alter_table('service_log', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_service_log_report_id'), ['report_id'], unique=False)

    op.create_table('claim',
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('mode', sa.String(length=32), nullable=False),
    sa.Column('lead_org_id', sa.Integer(), nullable=False),
    sa.Column('claimed_on', sa.Date(), nullable=False),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('responsible', sa.String(length=200), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['list_item.id'], name=op.f('fk_claim_item_id_list_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['lead_org_id'], ['organization.id'], name=op.f('fk_claim_lead_org_id_organization'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claim')),
    sa.UniqueConstraint('uuid', name=op.f('uq_claim_uuid'))
    )
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_item_id'), ['item_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_claim_lead_org_id'), ['lead_org_id'], unique=False)

    op.create_table('fund_entry',
    sa.Column('community_id', sa.Integer(), nullable=False),
    sa.Column('entry_date', sa.Date(), nullable=False),
    sa.Column('direction', sa.String(length=32), nullable=False),
    sa.Column('source', sa.String(length=32), nullable=True),
    sa.Column('purpose', sa.String(length=200), nullable=True),
    sa.Column('amount_cents', sa.BigInteger(), nullable=False),
    sa.Column('activity_id', sa.Integer(), nullable=True),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.Column('over_balance', sa.Boolean(), nullable=False),
    sa.Column('handler', sa.String(length=60), nullable=True),
    sa.Column('remark', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activity.id'], name=op.f('fk_fund_entry_activity_id_activity'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['community_id'], ['community.id'], name=op.f('fk_fund_entry_community_id_community'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['item_id'], ['list_item.id'], name=op.f('fk_fund_entry_item_id_list_item'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_fund_entry')),
    sa.UniqueConstraint('uuid', name=op.f('uq_fund_entry_uuid'))
    )
    with op.batch_alter_table('fund_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_fund_entry_community_id'), ['community_id'], unique=False)

    op.create_table('supervision',
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('entry_date', sa.Date(), nullable=False),
    sa.Column('by_whom', sa.String(length=60), nullable=False),
    sa.Column('progress', sa.Text(), nullable=False),
    sa.Column('next_step', sa.Text(), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['list_item.id'], name=op.f('fk_supervision_item_id_list_item'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_supervision')),
    sa.UniqueConstraint('uuid', name=op.f('uq_supervision_uuid'))
    )
    with op.batch_alter_table('supervision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_supervision_item_id'), ['item_id'], unique=False)

    op.create_table('claim_organization',
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('responsible_person', sa.String(length=60), nullable=True),
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claim.id'], name=op.f('fk_claim_organization_claim_id_claim'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_claim_organization_organization_id_organization'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claim_organization')),
    sa.UniqueConstraint('claim_id', 'organization_id', name=op.f('uq_claim_organization_claim_id_organization_id')),
    sa.UniqueConstraint('uuid', name=op.f('uq_claim_organization_uuid'))
    )
    with op.batch_alter_table('claim_organization', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claim_organization_organization_id'), ['organization_id'], unique=False)

    


def downgrade() -> None:
    
    with op.batch_alter_table('claim_organization', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_organization_organization_id'))

    op.drop_table('claim_organization')
    with op.batch_alter_table('supervision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supervision_item_id'))

    op.drop_table('supervision')
    with op.batch_alter_table('fund_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_fund_entry_community_id'))

    op.drop_table('fund_entry')
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claim_lead_org_id'))
        batch_op.drop_index(batch_op.f('ix_claim_item_id'))

    op.drop_table('claim')
    with op.batch_alter_table('service_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_log_report_id'))

    op.drop_table('service_log')
    with op.batch_alter_table('score', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_score_indicator_id'))

    op.drop_table('score')
    op.drop_table('post_evaluation')
    with op.batch_alter_table('list_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_list_item_status'))
        batch_op.drop_index(batch_op.f('ix_list_item_list_id'))
        batch_op.drop_index(batch_op.f('ix_list_item_deadline'))

    op.drop_table('list_item')
    with op.batch_alter_table('attendance', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attendance_member_id'))

    op.drop_table('attendance')
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachment_activity_id'))

    op.drop_table('attachment')
    with op.batch_alter_table('agenda_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agenda_item_activity_id'))

    op.drop_table('agenda_item')
    with op.batch_alter_table('activity_organization', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activity_organization_organization_id'))

    op.drop_table('activity_organization')
    with op.batch_alter_table('service_list', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_service_list_year'))
        batch_op.drop_index(batch_op.f('ix_service_list_community_id'))

    op.drop_table('service_list')
    with op.batch_alter_table('post_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_post_report_organization_id'))
        batch_op.drop_index(batch_op.f('ix_post_report_member_id'))
        batch_op.drop_index(batch_op.f('ix_post_report_community_id'))

    op.drop_table('post_report')
    with op.batch_alter_table('lifecycle_event', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lifecycle_event_community_id'))

    op.drop_table('lifecycle_event')
    with op.batch_alter_table('convener_turn', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_convener_turn_organization_id'))

    op.drop_table('convener_turn')
    with op.batch_alter_table('community_venue', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_community_venue_venue_id'))

    op.drop_table('community_venue')
    op.drop_table('community_type')
    with op.batch_alter_table('community_role', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_community_role_organization_id'))
        batch_op.drop_index(batch_op.f('ix_community_role_member_id'))

    op.drop_table('community_role')
    with op.batch_alter_table('community_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_community_member_organization_id'))

    op.drop_table('community_member')
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assessment_community_id'))

    op.drop_table('assessment')
    with op.batch_alter_table('activity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activity_starts_at'))
        batch_op.drop_index(batch_op.f('ix_activity_kind'))
        batch_op.drop_index(batch_op.f('ix_activity_host_org_id'))
        batch_op.drop_index(batch_op.f('ix_activity_community_id'))

    op.drop_table('activity')
    with op.batch_alter_table('venue', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_venue_owner_org_id'))

    op.drop_table('venue')
    with op.batch_alter_table('party_member', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_party_member_phone'))
        batch_op.drop_index(batch_op.f('ix_party_member_organization_id'))
        batch_op.drop_index(batch_op.f('ix_party_member_name'))

    op.drop_table('party_member')
    with op.batch_alter_table('indicator', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_indicator_set_id'))

    op.drop_table('indicator')
    with op.batch_alter_table('community', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_community_status'))
        batch_op.drop_index(batch_op.f('ix_community_lead_org_id'))

    op.drop_table('community')
    op.drop_table('app_user')
    op.drop_table('reminder_rule')
    op.drop_table('post')
    with op.batch_alter_table('organization', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_organization_town'))
        batch_op.drop_index(batch_op.f('ix_organization_parent_id'))

    op.drop_table('organization')
    op.drop_table('indicator_set')
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_log_entity_uuid'))
        batch_op.drop_index(batch_op.f('ix_audit_log_entity'))
        batch_op.drop_index(batch_op.f('ix_audit_log_at'))

    op.drop_table('audit_log')
    

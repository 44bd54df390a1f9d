import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UNIT_KINDS, type CreateUnitRequest, type MemberDto, type UnitDto } from '@govdesk/contracts';
import { api } from '../../api/client';

type UnitForm = CreateUnitRequest & { active?: boolean; leadUserId?: string | null };

export function UnitsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const units = useQuery({ queryKey: ['units'], queryFn: () => api<UnitDto[]>('/units') });
  const [editing, setEditing] = useState<UnitDto | 'new' | null>(null);
  const [form] = Form.useForm<UnitForm>();

  const editingId = editing && editing !== 'new' ? editing.id : null;
  // The unit's enabled users: its lead is one of them.
  const members = useQuery({ queryKey: ['unit-members', editingId], queryFn: () => api<MemberDto[]>(`/units/${editingId}/members`), enabled: !!editingId });

  const save = useMutation({
    mutationFn: ({ leadUserId, ...values }: UnitForm) =>
      editing === 'new'
        ? api<UnitDto>('/units', { method: 'POST', body: values })
        : api<UnitDto>(`/units/${(editing as UnitDto).id}`, { method: 'PATCH', body: { ...values, leadUserId: leadUserId ?? null } }),
    onSuccess: async () => {
      message.success(t('common.saved'));
      setEditing(null);
      await queryClient.invalidateQueries({ queryKey: ['units'] });
    },
    onError: (e) => message.error(e.message),
  });

  const open = (unit: UnitDto | 'new') => {
    form.resetFields();
    if (unit !== 'new') form.setFieldsValue(unit);
    setEditing(unit);
  };

  return (
    <>
      <Typography.Title level={3} data-testid="page-title">{t('units.title')}</Typography.Title>
      <Button type="primary" onClick={() => open('new')} style={{ marginBottom: 16 }}>
        {t('common.create')}
      </Button>
      <Table<UnitDto>
        rowKey="id"
        size="middle"
        loading={units.isLoading}
        dataSource={units.data ?? []}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: t('units.name'), dataIndex: 'name' },
          { title: t('units.code'), dataIndex: 'code' },
          { title: t('units.kind'), dataIndex: 'kind', render: (k: string) => t(`unitKinds.${k}`) },
          { title: t('units.letterhead'), dataIndex: 'letterhead' },
          {
            title: t('units.lead'),
            dataIndex: 'leadName',
            render: (name: string | null) => name ?? <Typography.Text type="secondary">{t('units.noLead')}</Typography.Text>,
          },
          { title: t('units.active'), dataIndex: 'active', render: (a: boolean) => <Tag color={a ? 'green' : 'default'}>{a ? t('common.yes') : t('common.no')}</Tag> },
          { title: t('common.actions'), key: 'actions', render: (_, u) => <Button size="small" onClick={() => open(u)}>{t('common.edit')}</Button> },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('units.createTitle') : t('units.editTitle')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={save.isPending}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ kind: 'department', active: true }}>
          <Form.Item name="name" label={t('units.name')} rules={[{ required: true, min: 2, max: 60 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="code" label={t('units.code')} rules={[{ required: true, pattern: /^[a-z][a-z0-9_-]{1,39}$/ }]}>
            <Input disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item name="kind" label={t('units.kind')} rules={[{ required: true }]}>
            <Select options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="letterhead" label={t('units.letterhead')}>
            <Input maxLength={120} />
          </Form.Item>
          {editing !== 'new' && (
            <Form.Item name="leadUserId" label={t('units.lead')} extra={t('units.leadHint')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={members.isLoading}
                placeholder={t('units.noLead')}
                options={(members.data ?? []).map((m) => ({ value: m.id, label: `${m.displayName}（${m.username}）` }))}
                data-testid="unit-lead"
              />
            </Form.Item>
          )}
          {editing !== 'new' && (
            <Form.Item name="active" label={t('units.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}

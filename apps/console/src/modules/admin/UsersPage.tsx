import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@govdesk/domain';
import { PASSWORD_MIN_LENGTH, USERNAME_PATTERN, type UnitDto, type UserDto } from '@govdesk/contracts';
import { api } from '../../api/client';

interface UserForm {
  username: string;
  displayName: string;
  password?: string;
  roles: Role[];
  unitId: string | null;
  disabled?: boolean;
}

export function UsersPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const users = useQuery({ queryKey: ['users'], queryFn: () => api<UserDto[]>('/users') });
  const units = useQuery({ queryKey: ['units'], queryFn: () => api<UnitDto[]>('/units') });
  const unitName = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.name])), [units.data]);
  const [editing, setEditing] = useState<UserDto | 'new' | null>(null);
  const [form] = Form.useForm<UserForm>();

  const save = useMutation({
    mutationFn: (values: UserForm) => {
      const body = { ...values, unitId: values.unitId ?? null };
      if (!body.password) delete body.password;
      if (editing === 'new') return api<UserDto>('/users', { method: 'POST', body });
      const { username: _username, ...changes } = body;
      return api<UserDto>(`/users/${(editing as UserDto).id}`, { method: 'PATCH', body: changes });
    },
    onSuccess: async () => {
      message.success(t('common.saved'));
      setEditing(null);
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (e) => message.error(e.message),
  });

  const open = (user: UserDto | 'new') => {
    form.resetFields();
    if (user !== 'new') form.setFieldsValue({ ...user, password: '' });
    setEditing(user);
  };

  return (
    <>
      <Typography.Title level={3} data-testid="page-title">{t('users.title')}</Typography.Title>
      <Button type="primary" onClick={() => open('new')} style={{ marginBottom: 16 }}>
        {t('common.create')}
      </Button>
      <Table<UserDto>
        rowKey="id"
        size="middle"
        loading={users.isLoading}
        dataSource={users.data ?? []}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: t('users.username'), dataIndex: 'username' },
          { title: t('users.displayName'), dataIndex: 'displayName' },
          { title: t('users.roles'), dataIndex: 'roles', render: (roles: Role[]) => roles.map((r) => <Tag key={r}>{t(`roles.${r}`)}</Tag>) },
          { title: t('users.unit'), dataIndex: 'unitId', render: (id: string | null) => (id ? unitName.get(id) : '—') },
          { title: t('users.disabled'), dataIndex: 'disabled', render: (d: boolean) => (d ? <Tag color="red">{t('common.yes')}</Tag> : t('common.no')) },
          { title: t('common.actions'), key: 'actions', render: (_, u) => <Button size="small" onClick={() => open(u)}>{t('common.edit')}</Button> },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('users.createTitle') : t('users.editTitle')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={save.isPending}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} initialValues={{ roles: ['handler'], unitId: null }}>
          <Form.Item name="username" label={t('users.username')} rules={[{ required: true, pattern: USERNAME_PATTERN }]}>
            <Input disabled={editing !== 'new'} />
          </Form.Item>
          <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true, max: 60 }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('users.password')}
            extra={editing !== 'new' ? t('users.passwordHint') : undefined}
            rules={[{ required: editing === 'new', min: PASSWORD_MIN_LENGTH }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="roles" label={t('users.roles')} rules={[{ required: true }]}>
            <Select mode="multiple" options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          </Form.Item>
          <Form.Item name="unitId" label={t('users.unit')}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
          {editing !== 'new' && (
            <Form.Item name="disabled" label={t('users.disabled')} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}

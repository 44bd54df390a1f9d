import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadSavedFilters, storeSavedFilters, upsertSavedFilter, type SavedFilter } from '../utils/saved-filters';
import type { QueueFilters } from '../utils/queue-filters';

interface Props {
  username: string;
  current: QueueFilters;
  onApply(filters: QueueFilters): void;
}

/** Named queue filters, saved in this browser for this user. */
export function SavedFilters({ username, current, onApply }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [saved, setSaved] = useState<SavedFilter[]>(() => loadSavedFilters(username));
  const [naming, setNaming] = useState(false);
  const [form] = Form.useForm<{ name: string }>();

  const update = (next: SavedFilter[]) => {
    storeSavedFilters(username, next);
    setSaved(next);
  };

  return (
    <Space wrap size={[8, 8]} data-testid="saved-filters">
      <Typography.Text type="secondary">{t('requests.filters.saved')}</Typography.Text>
      {saved.length === 0 && <Typography.Text type="secondary">{t('requests.filters.noSaved')}</Typography.Text>}
      {saved.map((f) => (
        <Tag
          key={f.name}
          color="blue"
          closable={{ 'aria-label': `${t('common.delete')} ${f.name}` }}
          onClose={(e) => {
            e.preventDefault();
            e.stopPropagation();
            update(saved.filter((s) => s.name !== f.name));
            message.info(t('requests.filters.deleted', { name: f.name }));
          }}
          style={{ cursor: 'pointer' }}
          onClick={() => onApply(f.filters)}
          data-testid="saved-filter"
        >
          {f.name}
        </Tag>
      ))}
      <Button
        size="small"
        icon={<SaveOutlined />}
        onClick={() => {
          form.resetFields();
          setNaming(true);
        }}
        data-testid="save-filter"
      >
        {t('requests.filters.save')}
      </Button>
      <Modal
        open={naming}
        title={t('requests.filters.saveTitle')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onCancel={() => setNaming(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={({ name }) => {
            const trimmed = name.trim();
            update(upsertSavedFilter(saved, { name: trimmed, filters: current }));
            setNaming(false);
            message.success(t('requests.filters.savedOk', { name: trimmed }));
          }}
        >
          <Form.Item name="name" label={t('requests.filters.name')} rules={[{ required: true, whitespace: true, max: 30, message: t('requests.filters.nameRequired') }]}>
            <Input autoFocus maxLength={30} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

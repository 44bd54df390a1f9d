import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props<T extends string> {
  tags: readonly T[];
  defaultTag: T;
  onAdd(words: string[], tag: T): void;
  onClose(): void;
}

/** Pasted words, one a line, all with one tag. */
export function BulkAddModal<T extends string>({ tags, defaultTag, onAdd, onClose }: Props<T>) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [tag, setTag] = useState<T>(defaultTag);
  const words = [...new Set(text.split(/[\r\n]+/).map((w) => w.trim()).filter(Boolean))];
  return (
    <Modal
      open
      title={t('opinionAdmin.dictionary.bulkTitle')}
      okText={t('opinionAdmin.dictionary.bulkAdd', { count: words.length })}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: words.length === 0, 'data-testid': 'bulk-add-submit' }}
      onOk={() => onAdd(words, tag)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('opinionAdmin.dictionary.tag')}>
          <Select<T> value={tag} onChange={setTag} options={tags.map((v) => ({ value: v, label: t(`opinionAdmin.dictionary.tags.${v}`) }))} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label={t('opinionAdmin.dictionary.bulkHint')}>
          <Input.TextArea rows={12} value={text} onChange={(e) => setText(e.target.value)} placeholder={'榆山街道\n锦水街道\n玫瑰镇'} data-testid="bulk-add-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { Button, Card, Col, Form, Row, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { IMPORT_FIELDS, type ImportField, type ImportPreviewDto } from '@govdesk/contracts';
import { MENTION_CHANNELS, type MentionChannel } from '@govdesk/domain';
import { useLocalLabels } from '../utils/format';

const REQUIRED: readonly ImportField[] = ['content', 'publishedAt'];

export type MappingForm = { channel: MentionChannel } & Partial<Record<ImportField, string>>;

interface Props {
  preview: ImportPreviewDto;
  running: boolean;
  onSubmit(values: MappingForm): void;
  onRestart(): void;
}

/** The file's first rows, then one column per mention field (guessed from the headers) and the channel. */
export function ImportMappingForm({ preview, running, onSubmit, onRestart }: Props) {
  const { t } = useTranslation();
  const labels = useLocalLabels();
  const [form] = Form.useForm<MappingForm>();
  const columns = preview.columns.map((c) => ({ value: c, label: c }));
  const initial: MappingForm = { channel: 'message_board' };
  for (const field of IMPORT_FIELDS) {
    const column = preview.suggested[field];
    if (column && preview.columns.includes(column)) initial[field] = column;
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small" title={t('opinionImport.sample')} extra={<Typography.Text type="secondary">{preview.fileName}{preview.sheet ? ` · ${preview.sheet}` : ''} · {t('opinionImport.rows', { count: preview.rowCount })}</Typography.Text>}>
        <Table<Record<string, string>>
          size="small"
          rowKey={(_, i) => String(i)}
          dataSource={preview.sample}
          pagination={false}
          scroll={{ x: Math.max(600, preview.columns.length * 160) }}
          columns={preview.columns.map((c) => ({ title: c, dataIndex: c, key: c, ellipsis: true, width: 160 }))}
          data-testid="import-sample"
        />
      </Card>
      <Card size="small" title={t('opinionImport.mapping')}>
        <Typography.Paragraph type="secondary">{t('opinionImport.mappingHint')}</Typography.Paragraph>
        <Form<MappingForm> form={form} layout="vertical" initialValues={initial} onFinish={onSubmit} data-testid="import-mapping">
          <Row gutter={16}>
            <Col xs={24} md={12} xl={8}>
              <Form.Item name="channel" label={t('opinionImport.channel')} rules={[{ required: true }]}>
                <Select options={MENTION_CHANNELS.map((c) => ({ value: c, label: labels.channel(c) }))} data-testid="import-channel" />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            {IMPORT_FIELDS.map((field) => (
              <Col key={field} xs={24} md={12} xl={8}>
                <Form.Item
                  name={field}
                  label={t(`opinionImport.fields.${field}`)}
                  rules={REQUIRED.includes(field) ? [{ required: true, message: t('opinionImport.required', { field: t(`opinionImport.fields.${field}`) }) }] : []}
                >
                  <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder={t('opinionImport.notMapped')} options={columns} data-testid={`import-field-${field}`} />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Space>
            <Button onClick={onRestart}>{t('opinionImport.another')}</Button>
            <Button type="primary" htmlType="submit" loading={running} data-testid="import-run">
              {t('opinionImport.run', { count: preview.rowCount })}
            </Button>
          </Space>
        </Form>
      </Card>
    </Space>
  );
}

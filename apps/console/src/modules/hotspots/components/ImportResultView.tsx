import { Button, Card, Col, Result, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportResultDto } from '@govdesk/contracts';

type RowError = ImportResultDto['errors'][number];

/** What an import did: rows accepted, duplicates, refused (with the first 100 reasons) and hotspots touched. */
export function ImportResultView({ result, onAnother, onHotspots }: { result: ImportResultDto; onAnother(): void; onHotspots(): void }) {
  const { t } = useTranslation();
  const figures = [
    { key: 'rowCount', value: result.rowCount },
    { key: 'accepted', value: result.accepted, color: '#389e0d' },
    { key: 'duplicates', value: result.duplicates },
    { key: 'rejected', value: result.rejected, color: result.rejected > 0 ? '#cf1322' : undefined },
    { key: 'hotspots', value: result.hotspots },
  ];
  return (
    <Card data-testid="import-result">
      <Result
        status={result.rejected > 0 ? 'warning' : 'success'}
        title={t(result.rejected > 0 ? 'opinionImport.result.partial' : 'opinionImport.result.success')}
        extra={[
          <Button key="hotspots" type="primary" onClick={onHotspots}>
            {t('opinionImport.toHotspots')}
          </Button>,
          <Button key="again" onClick={onAnother}>
            {t('opinionImport.another')}
          </Button>,
        ]}
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {figures.map((f) => (
          <Col key={f.key} xs={12} md={8} xl={4}>
            <Statistic title={t(`opinionImport.result.${f.key}`)} value={f.value} styles={f.color ? { content: { color: f.color } } : undefined} data-testid={`import-${f.key}`} />
          </Col>
        ))}
      </Row>
      {result.errors.length > 0 && (
        <>
          <Typography.Title level={5}>{t('opinionImport.result.errors')}</Typography.Title>
          {result.rejected > result.errors.length && <Typography.Paragraph type="secondary">{t('opinionImport.result.errorsHint', { count: result.errors.length })}</Typography.Paragraph>}
          <Table<RowError>
            size="small"
            rowKey={(e) => `${e.row}-${e.error}`}
            dataSource={result.errors}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: t('opinionImport.result.row'), dataIndex: 'row', width: 90 },
              { title: t('opinionImport.result.error'), dataIndex: 'error' },
            ]}
            data-testid="import-errors"
          />
        </>
      )}
    </Card>
  );
}

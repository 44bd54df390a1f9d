import { CheckCircleFilled, CloseCircleFilled, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Drawer, InputNumber, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AnnualReportDto } from '@govdesk/contracts';
import { downloadFile } from '../../../api/files';
import { useUnits } from '../../requests/hooks/requests-api';
import { exportPath, useAnnualReport, useDrillDown, type DrillDownItem } from '../supervision-api';

type Row = AnnualReportDto['part3']['rows'][number] & { index: number };

/** Parts three and four of the statutory annual report, with the balance check and drill-down. */
export function AnnualReportSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [year, setYear] = useState<number>(dayjs().year());
  const [unitId, setUnitId] = useState<string | null>(null);
  const [cell, setCell] = useState<{ row: string; column: string; value: number } | null>(null);
  const units = useUnits();
  const report = useAnnualReport(year, unitId);
  const r = report.data;

  const download = (format: 'xlsx' | 'csv') =>
    downloadFile(exportPath(year, unitId, format), `annual-report-${year}.${format}`).catch((e: Error) => void message.error(e.message));

  const valueColumns = (columns: string[], clickable: boolean) =>
    columns.map((c, i) => ({
      key: `c${i}`,
      title: c,
      align: 'right' as const,
      width: 90,
      render: (_: unknown, row: Row) => {
        const v = row.values[i] ?? 0;
        if (!clickable || v === 0) return <span style={{ color: v === 0 ? 'rgba(0,0,0,0.3)' : undefined }}>{v}</span>;
        return (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setCell({ row: row.label, column: c, value: v })} data-testid="report-cell">
            {v}
          </Button>
        );
      },
    }));

  const labelColumn = {
    key: 'label',
    title: '',
    fixed: 'left' as const,
    width: 300,
    render: (_: unknown, row: Row) => (
      <span style={{ paddingLeft: (row.level ?? 0) * 16, fontWeight: row.level === 0 ? 600 : undefined }}>{row.label}</span>
    ),
  };

  return (
    <Card
      size="small"
      title={t('supervision.report.title')}
      data-testid="annual-report"
      extra={
        <Space wrap>
          <InputNumber min={2008} max={2100} value={year} onChange={(v) => v && setYear(v)} aria-label={t('supervision.report.year')} style={{ width: 90 }} />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('supervision.report.allUnits')}
            value={unitId}
            onChange={(v: string | undefined) => setUnitId(v ?? null)}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            style={{ width: 200 }}
          />
          <Button icon={<DownloadOutlined />} onClick={() => void download('xlsx')} data-testid="report-export-xlsx">
            Excel
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => void download('csv')} data-testid="report-export-csv">
            CSV
          </Button>
        </Space>
      }
    >
      {report.isError && <Alert type="error" showIcon title={report.error.message} />}
      {r && (
        <>
          <Typography.Title level={5}>
            {t('supervision.report.heading', { unit: r.unitName, year: r.year })}
          </Typography.Title>
          <Space style={{ marginBottom: 8 }} wrap>
            <Typography.Text strong>{t('supervision.report.part3')}</Typography.Text>
            {r.part3.balance.ok ? (
              <Tag icon={<CheckCircleFilled />} color="success" data-testid="balance-check" data-ok="true">
                {t('supervision.report.balanceOk')}
              </Tag>
            ) : (
              <Tooltip
                title={r.part3.balance.columns
                  .filter((c) => !c.ok)
                  .map((c) => `${c.column}: ${c.left} ≠ ${c.right}`)
                  .join('；')}
              >
                <Tag icon={<CloseCircleFilled />} color="error" data-testid="balance-check" data-ok="false">
                  {t('supervision.report.balanceBad')}
                </Tag>
              </Tooltip>
            )}
            <Typography.Text type="secondary">{t('supervision.report.balanceHint')}</Typography.Text>
          </Space>
          <Table<Row>
            size="small"
            bordered
            rowKey="index"
            pagination={false}
            scroll={{ x: 1000 }}
            dataSource={r.part3.rows.map((row, index) => ({ ...row, index }))}
            columns={[labelColumn, ...valueColumns(r.part3.columns, true)]}
            data-testid="report-part3"
          />
          <Typography.Text strong style={{ display: 'block', margin: '16px 0 8px' }}>
            {t('supervision.report.part4')}
          </Typography.Text>
          <Table<Row>
            size="small"
            bordered
            rowKey="index"
            pagination={false}
            scroll={{ x: 1600 }}
            dataSource={r.part4.rows.map((row, index) => ({ ...row, level: row.level ?? 0, index }))}
            columns={[{ ...labelColumn, width: 120 }, ...valueColumns(r.part4.columns, true)]}
            data-testid="report-part4"
          />
        </>
      )}
      <DrillDrawer year={year} unitId={unitId} cell={cell} onClose={() => setCell(null)} />
    </Card>
  );
}

function DrillDrawer({ year, unitId, cell, onClose }: { year: number; unitId: string | null; cell: { row: string; column: string; value: number } | null; onClose(): void }) {
  const { t } = useTranslation();
  const items = useDrillDown(year, unitId, cell);
  return (
    <Drawer open={cell !== null} onClose={onClose} size={items.data?.some((i) => i.review) ? 960 : 720} title={cell ? `${cell.row} · ${cell.column}（${cell.value}）` : ''} destroyOnHidden>
      <Table<DrillDownItem>
        size="small"
        rowKey={(i) => i.review?.id ?? i.id}
        loading={items.isLoading}
        dataSource={items.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="drill-table"
        columns={[
          { key: 'receipt', title: t('requests.queue.receiptNo'), render: (_, i) => <Link to={`/requests/${i.id}`}>{i.receiptNo}</Link> },
          { key: 'applicant', title: t('requests.queue.applicant'), render: (_, i) => `${i.applicantName}（${t(`requests.applicantTypes.${i.applicantType}`)}）` },
          { key: 'status', title: t('requests.queue.status'), render: (_, i) => t(`requests.status.${i.status}`, { defaultValue: i.status }) },
          { key: 'received', title: t('requests.queue.receivedOn'), dataIndex: 'receivedOn' },
          { key: 'concluded', title: t('supervision.report.concludedOn'), render: (_, i) => i.concludedOn ?? '—' },
          { key: 'outcome', title: t('supervision.report.outcome'), render: (_, i) => (i.outcome ? t(`requests.replyTypes.${i.outcome}`, { defaultValue: i.outcome }) : '—') },
          // Part four: the review record each item counts.
          ...(items.data?.some((i) => i.review)
            ? [
                { key: 'reviewKind', title: t('requests.reviews.kind'), render: (_: unknown, i: DrillDownItem) => (i.review ? t(`requests.reviews.kinds.${i.review.kind}`) : '—') },
                { key: 'filedOn', title: t('requests.reviews.filedOn'), render: (_: unknown, i: DrillDownItem) => i.review?.filedOn ?? '—' },
                {
                  key: 'reviewOutcome',
                  title: t('requests.reviews.outcome'),
                  render: (_: unknown, i: DrillDownItem) =>
                    i.review?.outcome ? `${t(`requests.reviews.outcomes.${i.review.outcome}`)}（${i.review.decidedOn}）` : t('requests.reviews.pending'),
                },
              ]
            : []),
        ]}
      />
    </Drawer>
  );
}

import { DeleteOutlined, EditOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Calendar, Card, Col, DatePicker, Empty, Flex, InputNumber, List, Row, Space, Table, Tag, Typography, Upload } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarYearsDto } from '@govdesk/contracts';
import { ApiError } from '../../api/client';
import { useCalendarYear, useCalendarYears, useSaveCalendarYear } from './calendar-api';
import { MissingYearsAlert } from './MissingYearsAlert';
import { parseCalendarFile, weekdayWorkdays, type YearLists } from './utils/calendar-import';

type YearRow = CalendarYearsDto['years'][number];
type Kind = 'holidays' | 'workdays';

/** Holiday calendars by year (admins): edit a year, import .ics or JSON, save (recomputes open deadlines). */
export function CalendarPage() {
  const { t } = useTranslation();
  const years = useCalendarYears();
  const [year, setYear] = useState<number | null>(null);
  const [newYear, setNewYear] = useState<number | null>(dayjs().year() + 1);

  return (
    <>
      <Typography.Title level={3} data-testid="page-title">
        {t('calendar.title')}
      </Typography.Title>
      <MissingYearsAlert missingYears={years.data?.missingYears} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <Card
            size="small"
            title={t('calendar.years')}
            extra={
              <Space.Compact size="small">
                <InputNumber min={2008} max={2100} value={newYear} onChange={setNewYear} style={{ width: 90 }} aria-label={t('calendar.year')} />
                <Button icon={<PlusOutlined />} disabled={!newYear} onClick={() => newYear && setYear(newYear)} data-testid="calendar-open-year">
                  {t('calendar.openYear')}
                </Button>
              </Space.Compact>
            }
          >
            <Table<YearRow>
              size="small"
              rowKey="year"
              loading={years.isLoading}
              dataSource={years.data?.years ?? []}
              pagination={false}
              data-testid="calendar-years"
              rowClassName={(r) => (r.year === year ? 'ant-table-row-selected' : '')}
              columns={[
                { key: 'year', title: t('calendar.year'), dataIndex: 'year', width: 70 },
                { key: 'h', title: t('calendar.holidays'), dataIndex: 'holidays', width: 70 },
                { key: 'w', title: t('calendar.workdays'), dataIndex: 'workdays', width: 70 },
                { key: 'source', title: t('calendar.source'), render: (_, r) => <Typography.Text type="secondary" ellipsis={{ tooltip: `${r.source} · ${r.updatedAt.slice(0, 10)}` }} style={{ maxWidth: 120 }}>{r.source}</Typography.Text> },
                {
                  key: 'edit',
                  width: 50,
                  render: (_, r) => <Button size="small" type="link" icon={<EditOutlined />} aria-label={t('common.edit')} onClick={() => setYear(r.year)} data-testid={`calendar-edit-${r.year}`} />,
                },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          {year === null ? (
            <Card>
              <Empty description={t('calendar.pickYear')} />
            </Card>
          ) : (
            <YearEditor key={year} year={year} />
          )}
        </Col>
      </Row>
    </>
  );
}

function YearEditor({ year }: { year: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const stored = useCalendarYear(year);
  const save = useSaveCalendarYear();
  const [lists, setLists] = useState<YearLists>({ holidays: [], workdays: [] });
  const [source, setSource] = useState<string>('');
  const [imported, setImported] = useState<{ file: string; years: number[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [recomputed, setRecomputed] = useState<number | null>(null);
  const [month, setMonth] = useState<Dayjs>(dayjs(`${year}-01-01`));
  const isNew = stored.isError && stored.error instanceof ApiError && stored.error.status === 404;

  useEffect(() => {
    if (stored.data) {
      setLists({ holidays: [...stored.data.holidays].sort(), workdays: [...stored.data.workdays].sort() });
      setSource(stored.data.source);
    }
  }, [stored.data]);

  const setDate = (kind: Kind, index: number, value: string | null) =>
    setLists((l) => ({ ...l, [kind]: l[kind].map((d, i) => (i === index ? (value ?? '') : d)) }));
  const remove = (kind: Kind, index: number) => setLists((l) => ({ ...l, [kind]: l[kind].filter((_, i) => i !== index) }));
  const add = (kind: Kind) => setLists((l) => ({ ...l, [kind]: [...l[kind], ''] }));
  /** A click on the calendar: nothing → holiday → make-up working day → nothing. */
  const cycle = (date: string) =>
    setLists((l) => {
      if (l.holidays.includes(date)) return { holidays: l.holidays.filter((d) => d !== date), workdays: [...l.workdays, date].sort() };
      if (l.workdays.includes(date)) return { ...l, workdays: l.workdays.filter((d) => d !== date) };
      return { ...l, holidays: [...l.holidays, date].sort() };
    });

  const importFile = async (file: File) => {
    setError(null);
    try {
      const parsed = parseCalendarFile(file.name, await file.text());
      const mine = parsed.get(year);
      if (!mine) {
        setError(t('calendar.importNoYear', { file: file.name, year, years: [...parsed.keys()].join('、') || t('common.none') }));
        return;
      }
      setLists(mine);
      setSource(t('calendar.importSource', { file: file.name }));
      setImported({ file: file.name, years: [...parsed.keys()] });
      setRecomputed(null);
    } catch (e) {
      setError(t('calendar.importFailed', { file: file.name, reason: (e as Error).message }));
    }
  };

  const submit = async () => {
    setError(null);
    const clean = (a: string[]) => [...new Set(a.filter(Boolean))].sort();
    try {
      const saved = await save.mutateAsync({ year, body: { holidays: clean(lists.holidays), workdays: clean(lists.workdays), source: source.trim() || undefined } });
      setRecomputed(saved.recomputed);
      setImported(null);
      void message.success(t('calendar.saved', { year, count: saved.recomputed }));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const weekdayProblems = weekdayWorkdays(lists.workdays.filter(Boolean));
  const holidaySet = new Set(lists.holidays);
  const workdaySet = new Set(lists.workdays);

  const dateList = (kind: Kind) => (
    <List
      size="small"
      header={
        <Flex justify="space-between" align="center">
          <Typography.Text strong>
            {t(`calendar.${kind}`)} ({lists[kind].filter(Boolean).length})
          </Typography.Text>
          <Button size="small" icon={<PlusOutlined />} onClick={() => add(kind)} data-testid={`calendar-add-${kind}`}>
            {t('calendar.addDate')}
          </Button>
        </Flex>
      }
      dataSource={lists[kind].map((d, i) => ({ d, i }))}
      style={{ maxHeight: 420, overflowY: 'auto' }}
      data-testid={`calendar-list-${kind}`}
      renderItem={({ d, i }) => (
        <List.Item
          actions={[<Button key="del" size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(kind, i)} />]}
        >
          <Space>
            <DatePicker
              size="small"
              value={d ? dayjs(d) : null}
              onChange={(v) => setDate(kind, i, v ? v.format('YYYY-MM-DD') : null)}
              minDate={dayjs(`${year}-01-01`)}
              maxDate={dayjs(`${year}-12-31`)}
              status={kind === 'workdays' && weekdayProblems.includes(d) ? 'error' : undefined}
            />
            {d && <Typography.Text type="secondary">{dayjs(d).format('dddd')}</Typography.Text>}
          </Space>
        </List.Item>
      )}
    />
  );

  return (
    <Card
      size="small"
      title={t('calendar.editTitle', { year })}
      loading={stored.isLoading}
      data-testid="calendar-editor"
      extra={
        <Space>
          <Upload
            accept=".ics,.json"
            showUploadList={false}
            beforeUpload={(file) => {
              void importFile(file);
              return false;
            }}
          >
            <Button icon={<ImportOutlined />} data-testid="calendar-import">
              {t('calendar.import')}
            </Button>
          </Upload>
          <Button type="primary" loading={save.isPending} onClick={() => void submit()} data-testid="calendar-save">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {isNew && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('calendar.newYear', { year })} />}
      {imported && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="calendar-import-preview"
          title={t('calendar.preview', { file: imported.file, year, holidays: lists.holidays.length, workdays: lists.workdays.length })}
          description={t('calendar.previewHint', { years: imported.years.join('、') })}
        />
      )}
      {weekdayProblems.length > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('calendar.weekdayWorkdays', { dates: weekdayProblems.join('、') })} />}
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} data-testid="calendar-error" />}
      {recomputed !== null && (
        <Alert type="success" showIcon style={{ marginBottom: 12 }} data-testid="calendar-recomputed" title={t('calendar.saved', { year, count: recomputed })} />
      )}
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          {dateList('holidays')}
          <div style={{ height: 12 }} />
          {dateList('workdays')}
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
            {t('calendar.clickHint')}
          </Typography.Paragraph>
          <Calendar
            fullscreen={false}
            value={month}
            onPanelChange={(v) => setMonth(v)}
            validRange={[dayjs(`${year}-01-01`), dayjs(`${year}-12-31`)]}
            onSelect={(d, info) => {
              setMonth(d);
              if (info.source === 'date') cycle(d.format('YYYY-MM-DD'));
            }}
            fullCellRender={(d, info) => {
              if (info.type !== 'date') return info.originNode;
              const iso = d.format('YYYY-MM-DD');
              const h = holidaySet.has(iso);
              const w = workdaySet.has(iso);
              return (
                <div className="ant-picker-cell-inner" style={{ position: 'relative', background: h ? '#fff1f0' : w ? '#e6f4ff' : undefined, borderRadius: 4 }}>
                  <span style={{ color: h ? '#cf1322' : w ? '#0958d9' : undefined }}>{d.date()}</span>
                  {(h || w) && (
                    <Tag color={h ? 'red' : 'blue'} style={{ position: 'absolute', top: -6, right: -10, fontSize: 9, lineHeight: '12px', padding: '0 2px', marginInlineEnd: 0 }}>
                      {h ? t('calendar.rest') : t('calendar.work')}
                    </Tag>
                  )}
                </div>
              );
            }}
          />
          <Space style={{ marginTop: 8 }}>
            <Tag color="red">{t('calendar.rest')}</Tag>
            {t('calendar.holidays')}
            <Tag color="blue">{t('calendar.work')}</Tag>
            {t('calendar.workdays')}
          </Space>
        </Col>
      </Row>
    </Card>
  );
}

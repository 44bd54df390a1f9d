import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AnnualReportSection } from './components/AnnualReportSection';
import { TimelinessSection } from './components/TimelinessSection';

/** Supervision: reply timeliness and the statutory annual report. */
export function SupervisionPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'report' ? 'report' : 'timeliness';
  return (
    <>
      <Typography.Title level={3} data-testid="page-title">
        {t('supervision.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'report' ? { tab: 'report' } : {}, { replace: true })}
        items={[
          { key: 'timeliness', label: <span data-testid="tab-timeliness">{t('supervision.timeliness.tab')}</span>, children: <TimelinessSection /> },
          { key: 'report', label: <span data-testid="tab-report">{t('supervision.report.tab')}</span>, children: <AnnualReportSection /> },
        ]}
      />
    </>
  );
}

import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCalendarYears } from './calendar-api';

/** Warns that open deadlines reach into years without a holiday calendar (counted Monday–Friday). */
export function MissingYearsAlert({ missingYears }: { missingYears?: number[] }) {
  const { t } = useTranslation();
  const years = useCalendarYears();
  const missing = missingYears ?? years.data?.missingYears ?? [];
  if (missing.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      data-testid="missing-years-alert"
      title={t('calendar.missingYears', { years: missing.join('、') })}
    />
  );
}

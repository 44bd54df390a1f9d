import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '@govdesk/contracts';
import { readablePath } from '../utils/validation';

const SHOWN = 20;

/** The field errors of a setting (from the same check the API makes, or from the API's 400). */
export function FieldErrors({ errors }: { errors: readonly FieldError[] }) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      title={t('opinionAdmin.settings.invalid', { count: errors.length })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="setting-errors">
          {errors.slice(0, SHOWN).map((e, i) => (
            <li key={`${e.field}-${i}`}>
              <code>{readablePath(e.field)}</code>: {e.message}
            </li>
          ))}
          {errors.length > SHOWN && <li>{t('opinionAdmin.settings.moreErrors', { count: errors.length - SHOWN })}</li>}
        </ul>
      }
    />
  );
}

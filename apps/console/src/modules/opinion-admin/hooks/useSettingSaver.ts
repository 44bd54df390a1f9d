import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError, OpinionSettingKind } from '@govdesk/contracts';
import type { ZodType } from 'zod';
import { fieldErrorsOf } from '../../../api/client';
import { issuesOf } from '../utils/validation';
import { useSaveOpinionSetting, type OpinionSettings } from './settings-api';

/**
 * Saves one setting: checked first with the contracts schema (nothing is sent while it fails),
 * then PUT; a 400's field errors are kept to show next to the form.
 */
export function useSettingSaver<K extends OpinionSettingKind>(kind: K, schema: ZodType) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveOpinionSetting(kind);
  const [errors, setErrors] = useState<FieldError[]>([]);

  const submit = async (value: OpinionSettings[K]) => {
    const local = issuesOf(schema, value);
    setErrors(local);
    if (local.length) {
      void message.error(t('opinionAdmin.settings.invalid', { count: local.length }));
      return;
    }
    try {
      await save.mutateAsync(value);
      void message.success(t('opinionAdmin.settings.saved'));
    } catch (e) {
      setErrors(fieldErrorsOf(e));
      void message.error((e as Error).message);
    }
  };

  return { submit, saving: save.isPending, errors };
}

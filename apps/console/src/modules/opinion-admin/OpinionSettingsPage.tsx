import { Tabs, Typography } from 'antd';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { OPINION_SETTING_KINDS, type OpinionSettingKind } from '@govdesk/contracts';
import { DictionaryTab } from './components/DictionaryTab';
import { LevelRulesTab } from './components/LevelRulesTab';
import { SensitiveWordsTab } from './components/SensitiveWordsTab';
import { TaxonomyTab } from './components/TaxonomyTab';

const TABS: Record<OpinionSettingKind, ComponentType> = {
  dictionary: DictionaryTab,
  'sensitive-words': SensitiveWordsTab,
  taxonomy: TaxonomyTab,
  'level-rules': LevelRulesTab,
};

/** What the analysis of mentions uses: place names, sensitive words, categories and level rules (admins). */
export function OpinionSettingsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: OpinionSettingKind = (OPINION_SETTING_KINDS as readonly string[]).includes(asked ?? '') ? (asked as OpinionSettingKind) : 'dictionary';
  return (
    <>
      <Typography.Title level={3} data-testid="page-title">
        {t('opinionAdmin.settings.title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'dictionary' ? {} : { tab: k }, { replace: true })}
        items={OPINION_SETTING_KINDS.map((kind) => {
          const Tab = TABS[kind];
          return { key: kind, label: <span data-testid={`tab-${kind}`}>{t(`opinionAdmin.settings.tabs.${kind}`)}</span>, children: <Tab /> };
        })}
      />
    </>
  );
}

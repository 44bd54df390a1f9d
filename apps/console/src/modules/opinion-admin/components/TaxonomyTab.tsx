import { useTranslation } from 'react-i18next';
import { taxonomySchema, type TaxonomySetting } from '@govdesk/contracts';
import { useSettingSaver } from '../hooks/useSettingSaver';
import { SettingLoader } from './SettingLoader';
import { WordGroupsEditor } from './WordGroupsEditor';

function TaxonomyEditor({ initial }: { initial: TaxonomySetting }) {
  const { t } = useTranslation();
  const saver = useSettingSaver('taxonomy', taxonomySchema);
  return (
    <WordGroupsEditor
      initial={initial.categories.map((c) => ({ code: c.code, name: c.name, words: c.keywords }))}
      paths={{ list: 'categories', code: 'code', words: 'keywords' }}
      labels={{ hint: t('opinionAdmin.groups.taxonomyHint'), code: t('opinionAdmin.groups.code'), words: t('opinionAdmin.groups.keywords') }}
      saving={saver.saving}
      errors={saver.errors}
      onSave={(groups) => void saver.submit({ categories: groups.map((g) => ({ code: g.code, name: g.name, keywords: g.words })) })}
    />
  );
}

/** The categories mentions are sorted into (by keywords), e.g. land expropriation, environment, education. */
export function TaxonomyTab() {
  return <SettingLoader kind="taxonomy">{(initial, version) => <TaxonomyEditor key={version} initial={initial} />}</SettingLoader>;
}

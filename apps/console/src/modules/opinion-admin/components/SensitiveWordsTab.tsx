import { useTranslation } from 'react-i18next';
import { sensitiveWordsSchema, type SensitiveWordsSetting } from '@govdesk/contracts';
import { useSettingSaver } from '../hooks/useSettingSaver';
import { SettingLoader } from './SettingLoader';
import { WordGroupsEditor } from './WordGroupsEditor';

function SensitiveWordsEditor({ initial }: { initial: SensitiveWordsSetting }) {
  const { t } = useTranslation();
  const saver = useSettingSaver('sensitive-words', sensitiveWordsSchema);
  return (
    <WordGroupsEditor
      initial={initial.groups.map((g) => ({ code: g.category, name: g.name, words: g.words }))}
      paths={{ list: 'groups', code: 'category', words: 'words' }}
      labels={{ hint: t('opinionAdmin.groups.sensitiveHint'), code: t('opinionAdmin.groups.category'), words: t('opinionAdmin.groups.words') }}
      saving={saver.saving}
      errors={saver.errors}
      onSave={(groups) => void saver.submit({ groups: groups.map((g) => ({ category: g.code, name: g.name, words: g.words })) })}
    />
  );
}

/** Sensitive words by category: a mention with one of them gets the category as a flag (level rules look at flags). */
export function SensitiveWordsTab() {
  return <SettingLoader kind="sensitive-words">{(initial, version) => <SensitiveWordsEditor key={version} initial={initial} />}</SettingLoader>;
}

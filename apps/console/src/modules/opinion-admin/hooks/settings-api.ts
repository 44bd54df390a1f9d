import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DictionarySetting, LevelRulesSetting, OpinionSettingKind, SensitiveWordsSetting, TaxonomySetting } from '@govdesk/contracts';
import { api } from '../../../api/client';

/** The body of GET/PUT /api/opinion/settings/:kind for each kind. */
export interface OpinionSettings {
  dictionary: DictionarySetting;
  'sensitive-words': SensitiveWordsSetting;
  taxonomy: TaxonomySetting;
  'level-rules': LevelRulesSetting;
}

export const settingKeys = {
  all: ['opinion', 'settings'] as const,
  one: (kind: OpinionSettingKind) => ['opinion', 'settings', kind] as const,
};

/** One setting (monitors and admins may read; `enabled` false for other roles). */
export function useOpinionSetting<K extends OpinionSettingKind>(kind: K, enabled = true) {
  return useQuery({
    queryKey: settingKeys.one(kind),
    queryFn: () => api<OpinionSettings[K]>(`/opinion/settings/${kind}`),
    enabled,
    staleTime: 60_000,
    retry: false,
  });
}

/** Saves a setting (admins); the answer, or else what was sent, becomes the cached one. */
export function useSaveOpinionSetting<K extends OpinionSettingKind>(kind: K) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OpinionSettings[K]) => api<OpinionSettings[K] | undefined>(`/opinion/settings/${kind}`, { method: 'PUT', body }),
    onSuccess: (saved, sent) => queryClient.setQueryData(settingKeys.one(kind), saved ?? sent),
  });
}

/** Names by code of the sensitive-word categories and of the taxonomy, for showing flags and categories. */
export function useOpinionNames(enabled: boolean) {
  const words = useOpinionSetting('sensitive-words', enabled);
  const taxonomy = useOpinionSetting('taxonomy', enabled);
  return {
    flags: new Map((words.data?.groups ?? []).map((g) => [g.category, g.name])),
    categories: new Map((taxonomy.data?.categories ?? []).map((c) => [c.code, c.name])),
  };
}

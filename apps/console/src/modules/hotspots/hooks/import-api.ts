import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportField, ImportPreviewDto, ImportResultDto } from '@govdesk/contracts';
import type { MentionChannel } from '@govdesk/domain';
import { uploadForm } from '../../../api/files';
import { hotspotKeys } from './hotspots-api';

export const IMPORT_ACCEPT = '.xlsx,.csv';
export const isImportFile = (name: string): boolean => /\.(xlsx|csv)$/i.test(name);

/** Reads the file's columns and first rows, and guesses which column fills which field. */
export function usePreviewImport() {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return uploadForm<ImportPreviewDto>('/opinion/imports/preview', form);
    },
  });
}

export interface ImportRun {
  file: File;
  channel: MentionChannel;
  /** Field → column header; unmapped fields are left out. */
  mapping: Partial<Record<ImportField, string>>;
}

/** Imports every row as a mention of the channel; the hotspot lists are refetched after. */
export function useRunImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, channel, mapping }: ImportRun) => {
      const form = new FormData();
      form.append('file', file, file.name);
      form.append('channel', channel);
      form.append('mapping', JSON.stringify(mapping));
      return uploadForm<ImportResultDto>('/opinion/imports', form);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: hotspotKeys.all }),
  });
}

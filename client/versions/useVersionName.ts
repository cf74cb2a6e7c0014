/**
 * A version's name in the interface's language: an automatic version's is made from its label here,
 * so that it follows a language switch at once; a name a person gave is shown as they wrote it.
 */
import { useCallback } from 'react';
import { versionName, type NamedVersion } from '../../shared/versionNames.ts';
import { formatDate } from '../components/dates.ts';
import { useT } from '../i18n/LanguageProvider.tsx';

export function useVersionName(): (version: NamedVersion) => string {
  const t = useT();
  // The day is kept on one line ("3 décembre 2026" never breaks after the 3).
  return useCallback((version: NamedVersion) => versionName(version, { say: t, day: (iso) => formatDate(iso).replace(/ /g, '\u00a0') }), [t]);
}

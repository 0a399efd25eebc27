// Admin-typed labels in two languages (#16): a status, wrap-up reason or quick reply keeps the
// label its admin typed (`name` / `label`, the default) and may have a French one (`nameFr` /
// `labelFr`). The console shows the French one to French readers when it exists, else the default.
import { language, type Language } from './i18n';

export type Labelled = { name: string; nameFr?: string | null } | { label: string; labelFr?: string | null };

/** The label to show in the console language (`lang` for tests; the current language otherwise). */
export function localLabel(item: Labelled, lang: Language = language()): string {
  const [fallback, french] = 'name' in item ? [item.name, item.nameFr] : [item.label, item.labelFr];
  return lang === 'fr' && french?.trim() ? french : fallback;
}

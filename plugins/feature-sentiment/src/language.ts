/** Cheap language guess for a helpdesk message: stop-word and accent counts, English unless French wins. */
const FR = new Set(
  'le la les un une des du de et est je j tu il elle nous vous ils pas ne n plus que qui quoi ce c ça ca cette mon ma mes votre vos sur pour avec dans toujours merci bonjour encore mais très rien personne depuis moi suis ai avez êtes été fait marche'.split(
    ' ',
  ),
);
const EN = new Set(
  'the a an and is are was i you he she we they not no it this that my your on for with in still thanks thank hi hello again but very nothing nobody since me am have has been do does did works'.split(
    ' ',
  ),
);

export function detectLanguage(text: string): 'en' | 'fr' {
  const words = text
    .toLowerCase()
    .split(/[^a-zà-ÿœæ]+/u)
    .filter(Boolean);
  let fr = (text.match(/[éèêàùçôîœ]/giu) ?? []).length * 0.5;
  let en = 0;
  for (const w of words) {
    if (FR.has(w)) fr++;
    if (EN.has(w)) en++;
  }
  return fr > en ? 'fr' : 'en';
}

/** The message's language when given (`fr-CA` → `fr`), else the guess. Other languages are read as English. */
export function languageOf(text: string, given: string | null): 'en' | 'fr' {
  const primary = given?.toLowerCase().split('-')[0];
  if (primary === 'fr' || primary === 'en') return primary;
  return detectLanguage(text);
}

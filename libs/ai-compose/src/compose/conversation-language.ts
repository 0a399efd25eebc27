// Which language to draft in until contacts carry one (#16): the end user's words, by stop words.
const FRENCH = new Set(
  'le la les un une des du de et est pas je vous nous il elle ne que qui pour sur avec dans mais merci bonjour ça ce cette mon ma mes votre vos au aux très'.split(
    ' ',
  ),
);
const ENGLISH = new Set(
  'the a an and is are not i you we it he she that who for on with in but thanks thank hello this my your our to of be have do'.split(
    ' ',
  ),
);

/** `fr` or `en` from the texts (the end user's first); `en` when nothing tells. */
export function conversationLanguage(texts: string[]): 'en' | 'fr' {
  let fr = 0;
  let en = 0;
  for (const text of texts)
    for (const word of text.toLowerCase().split(/[^\p{L}']+/u)) {
      if (FRENCH.has(word)) fr++;
      else if (ENGLISH.has(word)) en++;
    }
  return fr > en ? 'fr' : 'en';
}

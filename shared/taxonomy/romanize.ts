// English form of the Russian part of a compound exercise name («Канал-Западная Двина»): the series
// is translated by the taxonomy, the part is romanised, so a label is never half Russian. Compass
// adjectives are translated as English geographic names do (Western Dvina, Northern Caucasus);
// everything else is transliterated (BGN/PCGN without diacritics: Авангард → Avangard).

const LETTERS: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

// Adjective stems of the compass points, any case ending: «Западная», «Северного», «Центральной».
const COMPASS: [RegExp, string][] = [
  [/^западн\p{L}*$/iu, 'Western'],
  [/^восточн\p{L}*$/iu, 'Eastern'],
  [/^северн\p{L}*$/iu, 'Northern'],
  [/^южн\p{L}*$/iu, 'Southern'],
  [/^центральн\p{L}*$/iu, 'Central'],
];

function transliterateWord(word: string): string {
  let out = '';
  for (const ch of word) {
    const lower = ch.toLowerCase();
    const latin = LETTERS[lower];
    if (latin === undefined) out += ch;
    else out += ch === lower ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  return out;
}

/** The English form of a name part: Latin text is kept; Cyrillic words are translated or transliterated. */
export function romanizeNamePart(part: string): string {
  if (!/\p{Script=Cyrillic}/u.test(part)) return part;
  return part.replace(/\p{L}+/gu, (word) => COMPASS.find(([re]) => re.test(word))?.[1] ?? transliterateWord(word));
}

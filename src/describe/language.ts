// Language of the text: franc-min's ISO 639-3 guess mapped to the two-letter codes users expect.
import { franc } from 'franc-min';

const TWO_LETTER: Record<string, string> = {
  eng: 'en', deu: 'de', fra: 'fr', spa: 'es', ita: 'it', por: 'pt', nld: 'nl', rus: 'ru', ukr: 'uk', pol: 'pl',
  tur: 'tr', arb: 'ar', cmn: 'zh', jpn: 'ja', kor: 'ko', hin: 'hi', ben: 'bn', ind: 'id', vie: 'vi', tha: 'th',
  swe: 'sv', dan: 'da', nob: 'no', fin: 'fi', ces: 'cs', slk: 'sk', hun: 'hu', ron: 'ro', bul: 'bg', ell: 'el',
  heb: 'he', pes: 'fa', urd: 'ur', swh: 'sw', hrv: 'hr', srp: 'sr', bos: 'bs', slv: 'sl', lit: 'lt', lav: 'lv',
};

/** Two-letter language code (or the three-letter one when no two-letter code is listed); undefined if too short to tell. */
export function detectLanguage(text: string): string | undefined {
  const code = franc(text.slice(0, 4000), { minLength: 40 });
  if (code === 'und') return undefined;
  return TWO_LETTER[code] ?? code;
}

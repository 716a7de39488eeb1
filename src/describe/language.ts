// Language of the text: franc-min's ISO 639-3 guess (its models, a faster scorer) on a bounded sample, mapped to the two-letter codes users expect.
import { guessLanguage } from './language-trigrams.js';

const TWO_LETTER: Record<string, string> = {
  eng: 'en', deu: 'de', fra: 'fr', spa: 'es', ita: 'it', por: 'pt', nld: 'nl', rus: 'ru', ukr: 'uk', pol: 'pl',
  tur: 'tr', arb: 'ar', cmn: 'zh', jpn: 'ja', kor: 'ko', hin: 'hi', ben: 'bn', ind: 'id', vie: 'vi', tha: 'th',
  swe: 'sv', dan: 'da', nob: 'no', fin: 'fi', ces: 'cs', slk: 'sk', hun: 'hu', ron: 'ro', bul: 'bg', ell: 'el',
  heb: 'he', pes: 'fa', urd: 'ur', swh: 'sw', hrv: 'hr', srp: 'sr', bos: 'bs', slv: 'sl', lit: 'lt', lav: 'lv',
};

/** Characters franc reads per article: three pieces of this many, from the start, the middle and past the middle. */
export const SAMPLE_PIECE = 300;
const PIECES = 3;

/**
 * A bounded sample of the text: whole texts up to PIECES × SAMPLE_PIECE characters, else pieces from
 * the start, the middle and three quarters in, each cut at spaces so that no word is split. franc's
 * cost grows with its input; three places are enough to outvote a foreign quotation or a credit line.
 */
export function languageSample(text: string): string {
  if (text.length <= PIECES * SAMPLE_PIECE) return text;
  const pieces: string[] = [];
  for (const at of [0, 0.5, 0.75]) {
    let start = Math.floor(text.length * at);
    if (start > 0) {
      const space = text.indexOf(' ', start);
      start = space < 0 || space - start > 40 ? start : space + 1;
    }
    let end = Math.min(text.length, start + SAMPLE_PIECE);
    const space = text.lastIndexOf(' ', end);
    if (end < text.length && space > start + SAMPLE_PIECE / 2) end = space;
    pieces.push(text.slice(start, end));
  }
  return pieces.join(' ');
}

/** Two-letter language code (or the three-letter one when no two-letter code is listed); undefined if too short to tell. */
export function detectLanguage(text: string): string | undefined {
  const code = guessLanguage(languageSample(text), 40);
  if (code === 'und') return undefined;
  return TWO_LETTER[code] ?? code;
}

// The word lists of quote finding, read once from data/: attribution cues, media, person titles.
import { dataLines } from '../../data-files.js';

export type CueClass = 'speech' | 'belief' | 'source' | 'object' | 'naming' | 'quoting' | 'stance' | 'noun';

export interface CueForm {
  /** Lower-case words of the form ("according", "to"). */
  words: string[];
  classes: Set<CueClass>;
}

export interface Lexicon {
  /** Cue forms by their first word, longest first. */
  cues: Map<string, CueForm[]>;
  mediaHeads: Set<string>;
  /** Lower-case names of media and agencies (canonical name -> aliases, case-sensitive where short and capitalised). */
  media: { name: string; alias: string; exact: boolean }[];
  titles: Set<string>;
}

let lexicon: Lexicon | undefined;

export function quoteLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const cues = new Map<string, CueForm[]>();
  for (const line of dataLines('quote-cues.txt')) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const cls = line.slice(0, colon).trim() as CueClass;
    for (const form of line.slice(colon + 1).split(',')) {
      const words = form.trim().toLowerCase().split(/\s+/).filter(Boolean);
      if (!words.length) continue;
      const list = cues.get(words[0]!) ?? [];
      let entry = list.find((f) => f.words.join(' ') === words.join(' '));
      if (!entry) list.push((entry = { words, classes: new Set() }));
      entry.classes.add(cls);
      cues.set(words[0]!, list);
    }
  }
  for (const list of cues.values()) list.sort((a, b) => b.words.length - a.words.length);

  const mediaHeads = new Set<string>();
  const media: Lexicon['media'] = [];
  for (const line of dataLines('quote-media.txt')) {
    const [kind, value] = line.split(/:\s*/, 2) as [string, string | undefined];
    if (!value) continue;
    if (kind === 'head') mediaHeads.add(value.toLowerCase());
    else if (kind === 'name') media.push({ name: value, alias: value, exact: value.length <= 4 && value === value.toUpperCase() });
  }
  for (const line of dataLines('agencies.txt')) {
    const names = line.split('|').map((n) => n.trim()).filter(Boolean);
    for (const alias of names) media.push({ name: names[0]!, alias, exact: alias.length <= 4 && alias === alias.toUpperCase() });
  }
  const titles = new Set(dataLines('person-titles.txt').flatMap((l) => l.split(/\s+/)));
  lexicon = { cues, mediaHeads, media, titles };
  return lexicon;
}

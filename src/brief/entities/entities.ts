// Named entities (people, organisations, places) of texts, with aliases merged across texts: the public API of this folder.
import { findRawMentions } from './find.js';
import { mergeMentions } from './merge.js';

export type EntityType = 'PER' | 'ORG' | 'LOC';

export interface EntityMention {
  /** Offsets: JavaScript string indices into the text; the span is the name's core (no article, title or descriptor). */
  start: number;
  end: number;
  text: string;
  type: EntityType;
  /** Canonical name: the same for every alias of one entity (within the text, or across the texts merged). */
  name: string;
  /** How sure the type is: 0.5 a guess, 1–2 a rule (first name, head word), 3 a list or a title. */
  evidence?: number;
  /** The expansion this acronym stands for in the text (`Royal Air Force (RAF)` gives RAF the long form). */
  longForm?: string;
}

export interface Entity {
  name: string;
  type: EntityType;
  /** Distinct surface forms, most frequent first. */
  aliases: string[];
  mentions: { doc: number; start: number; end: number; text: string }[];
}

/** Mentions of one text, in text order; `name` canonical within the text. Never throws on odd input (empty, no capitals, other languages). */
export function findEntities(text: string): EntityMention[] {
  const mentions: EntityMention[] = findRawMentions(typeof text === 'string' ? text : '');
  mergeMentions([mentions]);
  return mentions;
}

/**
 * Merge mentions of several texts (of one story or one input): rewrites `name` (and a weakly evidenced `type`) so
 * that every alias of one entity has the same canonical name across all docs, and returns the entities, most
 * mentioned first.
 */
export function mergeEntities(docs: EntityMention[][]): Entity[] {
  return mergeMentions(docs);
}

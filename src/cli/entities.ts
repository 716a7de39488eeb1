// `newsfuse entities --input FILE.jsonl`: people, organisations and places of each article, names canonical across the whole input.
import { findEntities, mergeEntities, type EntityMention } from '../brief/entities/entities.js';
import { say, writeLine } from './output.js';
import { jsonRecords } from './jsonl-records.js';

/** Prints `{id, entities: [{start, end, text, type, name}]}` per article, in input order; offsets index the record's `text` as given. */
export async function entitiesCommand(options: { input: string }): Promise<number> {
  const ids: unknown[] = [];
  const docs: EntityMention[][] = [];
  for await (const { record, line } of jsonRecords(options.input)) {
    const text = typeof record.text === 'string' ? record.text : typeof record.maintext === 'string' ? record.maintext : undefined;
    if (text === undefined) say(`${options.input}:${line}: expecting a "text" string, instead found ${typeof record.text} [read:fields]`);
    ids.push(record.id ?? line);
    docs.push(text === undefined ? [] : findEntities(text));
  }
  // Names are made canonical over the whole input, so every line is written after all are read.
  mergeEntities(docs);
  for (let i = 0; i < docs.length; i++) {
    const entities = docs[i]!.map(({ start, end, text, type, name }) => ({ start, end, text, type, name }));
    await writeLine(JSON.stringify({ id: ids[i], entities }));
  }
  return 0;
}

// Pages in legacy encodings, built here from Unicode strings: each decodes right when declared, is detected when not, and a wrong declaration is a warning naming file and guess.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepare } from '../pipeline.js';
import { tempDir } from '../../test/helpers.js';
import { decodeBytes } from './decode.js';
import { readDocument } from './files.js';

/**
 * An encoder for `charset`, built by inverting Node's decoder over every one- and two-byte sequence (the
 * first sequence that decodes to a character is its encoding). Enough for the characters of these pages.
 */
function encoderFor(charset: string): (text: string) => Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder(charset, { fatal: true });
  const tryBytes = (bytes: number[]): void => {
    let text: string;
    try {
      text = decoder.decode(Uint8Array.from(bytes));
    } catch {
      return;
    }
    if ([...text].length === 1 && text !== '\uFFFD' && !table.has(text)) table.set(text, bytes);
  };
  for (let b = 0; b < 0x80; b++) tryBytes([b]);
  for (let b = 0x80; b < 0x100; b++) tryBytes([b]);
  for (let lead = 0x81; lead < 0xff; lead++) for (let trail = 0x40; trail < 0xff; trail++) tryBytes([lead, trail]);
  return (text) =>
    Buffer.from(
      [...text].flatMap((c) => {
        const bytes = table.get(c);
        if (!bytes) throw new Error(`encoderFor(${charset}): no bytes for ${JSON.stringify(c)}`);
        return bytes;
      }),
    );
}

/** Windows-1252 by hand: Node's decoder gives C1 controls for 0x80-0x9F, so its inverse would too. */
function windows1252(text: string): Buffer {
  const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
  return Buffer.from(
    [...text].map((c) => {
      const code = c.charCodeAt(0);
      const i = high.indexOf(c);
      if (i >= 0) return 0x80 + i;
      if (code < 0x100) return code;
      throw new Error(`windows-1252: no byte for ${c}`);
    }),
  );
}

interface Sample {
  charset: string;
  /** The label the page declares (as pages spell it). */
  label: string;
  text: string;
  encode: (text: string) => Buffer;
  /** Whether detection alone (no declaration) is expected to find it (chardet does for all of these pages). */
  detectable: boolean;
}

const SAMPLES: Sample[] = [
  { charset: 'windows-1252', label: 'windows-1252', text: 'Le café de la « Place » coûte 3 € — déjà “cher”, dit-on à Genève. Über die Straße, señor; naïve façade.', encode: windows1252, detectable: true },
  { charset: 'iso-8859-2', label: 'ISO-8859-2', text: 'Władze Wrocławia ogłosiły, że źródła finansowania są zapewnione. Zażółć gęślą jaźń - mówią mieszkańcy.', encode: encoderFor('iso-8859-2'), detectable: true },
  { charset: 'iso-8859-5', label: 'iso-8859-5', text: 'Северная Корея провела съезд Трудовой партии. Ким Чен Ын призвал расширить внешние связи страны.', encode: encoderFor('iso-8859-5'), detectable: true },
  { charset: 'iso-8859-7', label: 'ISO-8859-7', text: 'Η Βόρεια Κορέα πραγματοποίησε το συνέδριο του κόμματος. Ο ηγέτης ζήτησε ισχυρότερους δεσμούς με άλλες χώρες.', encode: encoderFor('iso-8859-7'), detectable: true },
  { charset: 'shift_jis', label: 'Shift_JIS', text: '北朝鮮の朝鮮労働党第８回大会で、金正恩総書記は対外関係の拡大を呼びかけたと朝鮮中央通信が報じた。大会は平壌で開かれている。', encode: encoderFor('shift_jis'), detectable: true },
  { charset: 'euc-jp', label: 'EUC-JP', text: '北朝鮮の朝鮮労働党第８回大会で、金正恩総書記は対外関係の拡大を呼びかけたと朝鮮中央通信が報じた。大会は平壌で開かれている。', encode: encoderFor('euc-jp'), detectable: true },
  { charset: 'euc-kr', label: 'EUC-KR', text: '북한 노동당 제8차 대회에서 김정은 위원장은 대외관계 확대를 촉구했다고 조선중앙통신이 보도했다. 대회는 평양에서 열리고 있다.', encode: encoderFor('euc-kr'), detectable: true },
  { charset: 'gb18030', label: 'GB18030', text: '朝鲜劳动党第八次代表大会在平壤举行，金正恩呼吁扩大对外关系，朝中社报道说。大会还讨论了经济发展计划。', encode: encoderFor('gb18030'), detectable: true },
  { charset: 'big5', label: 'Big5', text: '朝鮮勞動黨第八次代表大會在平壤舉行，金正恩呼籲擴大對外關係，朝中社報導說。大會還討論了經濟發展計劃。', encode: encoderFor('big5'), detectable: true },
];

/** An HTML page: head with an optional charset declaration, the text three times as paragraphs. */
function page(sample: Sample, declare: string | undefined): Buffer {
  const head = `<!doctype html><html><head>${declare ? `<meta charset="${declare}">` : ''}<title>`;
  return Buffer.concat([
    Buffer.from(head, 'latin1'),
    sample.encode(sample.text.slice(0, 20)),
    Buffer.from('</title></head><body>', 'latin1'),
    ...[1, 2, 3].flatMap(() => [Buffer.from('<p>', 'latin1'), sample.encode(sample.text), Buffer.from('</p>', 'latin1')]),
    Buffer.from('</body></html>', 'latin1'),
  ]);
}

for (const sample of SAMPLES) {
  test(`${sample.charset}: a page declaring its charset decodes exactly, with no message`, () => {
    const result = decodeBytes(page(sample, sample.label), { html: true });
    assert.ok(result.ok);
    assert.equal(result.decoded.encoding, sample.charset);
    assert.ok(result.decoded.text.includes(sample.text), 'the text comes back as written');
    assert.deepEqual(result.decoded.notes, []);
  });

  test(`${sample.charset}: the HTTP charset (WARC) decides above a missing <meta>`, () => {
    const result = decodeBytes(page(sample, undefined), { html: true, charset: sample.label });
    assert.ok(result.ok);
    assert.ok(result.decoded.text.includes(sample.text));
    assert.deepEqual(result.decoded.notes, []);
  });

  test(`${sample.charset}: with no declaration, the guess is never silent`, () => {
    const result = decodeBytes(page(sample, undefined), { html: true });
    assert.ok(result.ok);
    assert.equal(result.decoded.notes.length, 1);
    assert.equal(result.decoded.notes[0]!.rule, 'read:encoding');
    assert.match(result.decoded.notes[0]!.reason, new RegExp(`guessed as ${result.decoded.encoding}`));
    if (sample.detectable) {
      assert.equal(result.decoded.encoding, sample.charset);
      assert.ok(result.decoded.text.includes(sample.text));
    }
  });
}

test('UTF-16 pages decode, with a BOM (LE and BE) and without one', () => {
  const html = `<!doctype html><html><head><meta charset="utf-16"><title>Pyongyang</title></head><body><p>평양에서 열린 대회 — the congress in Pyongyang.</p></body></html>`;
  const le = Buffer.from(html, 'utf16le');
  const be = Buffer.from(le).swap16();
  for (const [bytes, encoding] of [
    [Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 'utf-16le'],
    [Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'utf-16be'],
    [le, 'utf-16le'],
    [be, 'utf-16be'],
  ] as const) {
    const result = decodeBytes(bytes, { html: true });
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.decoded.encoding, encoding);
    assert.ok(result.decoded.text.includes('평양에서 열린 대회 — the congress'));
  }
});

test('a page declaring one charset and encoded in another: a warning naming the file and the guess, and the right text', async (t) => {
  const dir = tempDir(t);
  const korean = SAMPLES.find((s) => s.charset === 'euc-kr')!;
  const japanese = SAMPLES.find((s) => s.charset === 'shift_jis')!;
  const cases = [
    // EUC-KR bytes under a Shift_JIS label: invalid Shift_JIS, detection finds EUC-KR.
    { name: 'korean-as-sjis.html', bytes: page(korean, 'Shift_JIS'), expect: korean.text, guess: 'euc-kr' },
    // Shift_JIS bytes under a Latin-1 label (every byte "valid"): detection overrides a single-byte label.
    { name: 'sjis-as-latin1.html', bytes: page(japanese, 'iso-8859-1'), expect: japanese.text, guess: 'shift_jis' },
    // UTF-8 under a windows-1252 label: decoded as UTF-8.
    { name: 'utf8-as-1252.html', bytes: Buffer.from(`<html><head><meta charset="windows-1252"><title>Café</title></head><body><p>${'Le café « coûte » 3 €. '.repeat(10)}</p></body></html>`), expect: 'Le café « coûte » 3 €.', guess: 'utf-8' },
    // windows-1252 under a UTF-8 label.
    { name: '1252-as-utf8.html', bytes: Buffer.concat([Buffer.from('<html><head><meta charset="utf-8"></head><body><p>'), windows1252('Le café « coûte » 3 € — déjà “cher”. '.repeat(10)), Buffer.from('</p></body></html>')]), expect: 'Le café « coûte » 3 € — déjà “cher”.', guess: 'windows-1252' },
  ];
  for (const c of cases) {
    const file = join(dir, c.name);
    writeFileSync(file, c.bytes);
    const result = await readDocument(file, 'html');
    assert.ok(result.ok, c.name);
    const article = prepare(result.article, ['clean', 'describe']);
    assert.ok(article.text.includes(c.expect), `${c.name}: decoded right, got ${JSON.stringify(article.text.slice(0, 80))}`);
    const warning = article.messages.find((m) => m.rule === 'read:encoding');
    assert.ok(warning, `${c.name}: a warning`);
    assert.equal(warning.severity, 'warning');
    assert.equal(warning.source, file);
    assert.match(warning.reason, new RegExp(`declares (?:charset )?"?[\\w-]+"?.*(?:guessed as|look like|are|decoded as) ${c.guess}`, 'i'));
  }
});

test('an unknown declared charset is a message, and the page still decodes', () => {
  const result = decodeBytes(Buffer.concat([Buffer.from('<meta charset="x-klingon"><p>caf'), Buffer.from([0xe9]), Buffer.from('</p>')]), { html: true });
  assert.ok(result.ok);
  assert.match(result.decoded.text, /café/);
  assert.ok(result.decoded.notes.some((n) => /x-klingon.*unknown/.test(n.reason)));
});

// `newsfuse quotes`: one JSON line per file, offsets into the decoded text (the extracted text for HTML), bad files reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonLines, runCli, tempDir } from '../../test/helpers.js';

interface Line {
  file: string;
  quotes: { start: number; end: number; text: string; kind: string; speaker: { start: number; end: number; text: string; name: string | null } | null }[];
}

test('quotes: text with page furniture and CRLF, an HTML page, and a missing file', async (t) => {
  const dir = tempDir(t);
  const text = 'Advertisement\r\n\r\nSPRINGFIELD -- The bridge over the river will stay closed for three weeks, officials said on Monday.\r\n\r\n\u201cWe are doing everything\u00a0we can to reopen it,\u201d Mayor Jane Doe told reporters.\r\n\r\nShe said the town would pay for the repairs itself.\r\n';
  const html = '<html><head><title>Bridge</title></head><body><nav>Home | News</nav><article><p>The bridge over the river will stay closed for three weeks, officials said on Monday.</p><p>&ldquo;We are doing everything we can to reopen it,&rdquo; Mayor Jane Doe told reporters at the town hall.</p><p>Traffic was diverted through the centre of town for the whole week, police said in a statement.</p></article></body></html>';
  writeFileSync(join(dir, 'a.txt'), text);
  writeFileSync(join(dir, 'b.html'), html);
  const result = await runCli(['quotes', join(dir, 'a.txt'), join(dir, 'b.html'), join(dir, 'missing.txt')], { timeoutMs: 60000 });
  assert.equal(result.code, 1, 'a file could not be read');
  assert.match(result.stderr, /missing\.txt/);
  const [a, b] = jsonLines(result.stdout) as unknown as Line[];
  assert.ok(a && b);
  for (const q of a.quotes) {
    assert.equal(text.slice(q.start, q.end), q.text, 'offsets index the file as on disk');
    if (q.speaker) assert.equal(text.slice(q.speaker.start, q.speaker.end), q.speaker.text);
  }
  const mayor = a.quotes.find((q) => q.text.includes('We are doing everything'));
  assert.equal(mayor?.kind, 'direct');
  assert.equal(mayor?.speaker?.name, 'Jane Doe');
  const pronoun = a.quotes.find((q) => q.text.includes('pay for the repairs'));
  assert.equal(pronoun?.speaker?.text, 'She');
  assert.equal(pronoun?.speaker?.name, 'Jane Doe', 'she is the last woman named');
  const extracted = JSON.parse((await runCli(['extract', join(dir, 'b.html')])).stdout) as { text: string };
  const htmlMayor = b.quotes.find((q) => q.text.includes('We are doing everything'));
  assert.ok(htmlMayor, 'the quote of the HTML page is found');
  assert.equal(extracted.text.slice(htmlMayor.start, htmlMayor.end), htmlMayor.text, 'HTML offsets index the extracted text');
});

// End to end: `newsfuse serve` on a free port over a temp store with the seeds, Debian's chromium (playwright-core) through story list -> story page -> side by side, a live update, a phone, screenshots.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ROOT, runCli, seedPath, tempDir } from '../../test/helpers.js';

// Globals of the page, inside page.evaluate callbacks (this program is compiled without the DOM library).
declare const document: any, window: any, getComputedStyle: any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Debian's chromium; NEWSFUSE_CHROMIUM points elsewhere (or at nothing, to see the skip). */
const CHROMIUM = process.env.NEWSFUSE_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
/** Screenshots land here for people to look at (never committed: .tmp/ is ignored). */
const SHOTS = process.env.NEWSFUSE_SCREENSHOTS ?? join(ROOT, '.tmp', 'screenshots');
const skip = existsSync(CHROMIUM) ? false : `needs Debian's chromium at ${CHROMIUM} (apt-get install -y chromium); skipped`;

/** Start `newsfuse serve --port 0`, resolve with its URL from the "serving … at URL/" line. */
function serve(db: string): Promise<{ child: ChildProcess; url: string; log: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--db', db, '--poll', '2'], { cwd: ROOT, env: { ...process.env, NEWSFUSE_TOKEN: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`serve did not start in 15 s:\n${stderr}`)), 15_000);
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = / at (http:\/\/127\.0\.0\.1:\d+)\//.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, log: () => stderr });
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}:\n${stderr}`)));
  });
}

describe('the web UI in chromium', { skip }, () => {
  const dir = tempDir();
  const db = join(dir, 'e2e.db');
  let server: Awaited<ReturnType<typeof serve>>;
  // Typed loosely: playwright-core is loaded only when chromium is there.
  let browser: import('playwright-core').Browser;
  const problems: string[] = [];

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // Three seeds before the server starts; the fourth arrives while the story page is open.
    const ingest = await runCli(['ingest', seedPath('000'), seedPath('001'), seedPath('002'), '--db', db]);
    assert.equal(ingest.code, 0, ingest.stderr);
    server = await serve(db);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    if (server) {
      const exited = new Promise((resolve) => server.child.once('exit', resolve));
      server.child.kill('SIGTERM');
      await exited;
      assert.match(server.log(), /SIGTERM: finishing requests in flight, then stopping[\s\S]*stopped/, 'graceful shutdown');
    }
    rmSync(dir, { recursive: true, force: true });
  });

  const newPage = async (viewport = { width: 1280, height: 900 }) => {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale: 'en-GB', timezoneId: 'UTC' });
    const page = await context.newPage();
    // A CSP violation or a script error shows up here: the pages must have none.
    page.on('console', (message) => message.type() === 'error' && problems.push(`${page.url()}: console: ${message.text()}`));
    page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
    // A poll in flight when the reader follows a link is aborted by the navigation: that is no failure.
    page.on('requestfailed', (request) => request.failure()?.errorText !== 'net::ERR_ABORTED' && problems.push(`${request.url()}: ${request.failure()?.errorText}`));
    return page;
  };

  test('story list -> story page (live update) -> side by side, with screenshots', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/`);
    assert.equal(await page.locator('main h1').textContent(), 'Stories');
    const story = page.locator('ol.stories li').first();
    assert.match((await story.textContent()) ?? '', /Kim Jong Un/);
    assert.match((await story.locator('.facts').textContent()) ?? '', /3 articles\s*3 outlets/);
    await page.screenshot({ path: join(SHOTS, '1-story-list.png'), fullPage: true });

    // "/" focuses the search box; a search finds the story.
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'q');
    await page.keyboard.type('thug');
    await page.keyboard.press('Enter');
    await page.waitForURL(/q=thug/);
    assert.equal(await page.locator('ol.stories li').count(), 1);

    // j moves to the first story; Enter opens it.
    await page.locator('main h1').click();
    await page.keyboard.press('j');
    assert.equal(await page.evaluate(() => Boolean(document.activeElement?.closest('ol.stories'))), true, 'j focuses a story');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/stories\/\d+$/);
    const heading = (await page.locator('main h1').textContent()) ?? '';
    assert.match(heading, /Kim Jong Un/);
    const summary = page.locator('#summary ol.summary li');
    assert.ok((await summary.count()) >= 2, 'a summary of several sentences');
    assert.ok((await summary.first().locator('a.chip').count()) >= 1, 'source chips on each summary sentence');
    assert.equal(await page.locator('#sources tbody tr').count(), 3);
    assert.ok((await page.locator('#claims table.matrix tbody tr').count()) >= 3, 'claims by source');
    for (const section of ['#timeline', '#quotes', '#entities', '#passages']) assert.equal(await page.locator(section).count(), 1, section);
    assert.equal(await page.locator('.stats li').first().locator('b').textContent(), '3');
    await page.screenshot({ path: join(SHOTS, '2-story-page.png'), fullPage: true });
    await page.screenshot({ path: join(SHOTS, '2-story-page-top.png') });

    // The fourth seed is ingested by another process while the page is open: it shows up without a reload.
    const url = page.url();
    const late = await runCli(['ingest', seedPath('003'), '--db', db]);
    assert.equal(late.code, 0, late.stderr);
    await page.waitForFunction(() => document.querySelector('.stats li b')?.textContent === '4', undefined, { timeout: 20_000 });
    assert.equal(page.url(), url, 'no navigation');
    assert.match((await page.locator('.updated[role="status"]').textContent()) ?? '', /Story updated: 4 articles/);
    assert.equal(await page.locator('#sources tbody tr').count(), 4);
    await page.screenshot({ path: join(SHOTS, '3-story-page-updated.png') });

    await page.locator('#passages a', { hasText: 'side by side' }).first().click();
    await page.waitForURL(/\/compare\?a=\d+&b=\d+/);
    const sides = page.locator('.pair article');
    assert.equal(await sides.count(), 2);
    for (const side of ['a', 'b']) assert.ok((await page.locator(`.pair article[data-side="${side}"] mark.passage`).count()) >= 1, `passages marked on side ${side}`);
    const sharedLeft = (await page.locator('.pair article[data-side="a"] mark.passage').first().textContent()) ?? '';
    assert.ok(sharedLeft.split(/\s+/).length >= 10, 'a passage of some length');
    // n steps to the first passage: it lights up on both sides.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('n');
    assert.equal(await page.locator('mark.passage.active').count() >= 2, true, 'the passage is lit in both texts');
    await page.screenshot({ path: join(SHOTS, '4-side-by-side.png') });
    await page.context().close();
  });

  test('a phone: no sideways scrolling on the list, story and side-by-side pages', async () => {
    const page = await newPage({ width: 390, height: 844 });
    const stories = (await (await fetch(`${server.url}/api/stories`)).json()) as { stories: { id: number }[] };
    const id = stories.stories[0]!.id;
    const article = (await (await fetch(`${server.url}/api/stories/${id}`)).json()) as { brief: { passages: { carriers: { article: number }[] }[] } };
    const [a, b] = article.brief.passages[0]!.carriers;
    for (const [name, path, reading] of [['list', '/', 'ol.stories h2 a'], ['story', `/stories/${id}`, '.summary li'], ['compare', `/compare?a=${a!.article}&b=${b!.article}`, '.pair .text']] as const) {
      await page.goto(`${server.url}${path}`);
      await page.screenshot({ path: join(SHOTS, `5-phone-${name}.png`), fullPage: name !== 'story' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `${name}: the page is ${overflow} px wider than the phone`);
      const size = await page.evaluate((selector) => parseFloat(getComputedStyle(document.querySelector(selector)).fontSize), reading);
      assert.ok(size >= 14, `${name}: body text of ${size} px`);
    }
    await page.context().close();
  });

  test('keyboard: the first Tab reaches the skip link, which moves focus to the content', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/`);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Skip to content');
    await page.keyboard.press('Enter');
    assert.match(page.url(), /#content$/);
    // Then each story is reachable by Tab, with a visible focus ring.
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => Boolean(document.activeElement?.closest('ol.stories')));
    }
    assert.ok(reached, 'a story link takes focus');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    assert.notEqual(outline, 'none', 'focus is visible');
    await page.context().close();
  });

  test('no page had a script error, a CSP violation or a failed request', () => {
    assert.deepEqual(problems, []);
  });
});

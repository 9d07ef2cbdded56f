#!/usr/bin/env node
// Layer "ui": Corroborate used as a person would, in real VS Code (code-server 4.100.3 = VS Code 1.100.3) through
// headless Debian Chromium, offline.
//
//   node test/e2e/ui.mjs                    extension loaded from the repo (workbench payload extensionDevelopmentPath)
//   node test/e2e/ui.mjs --vsix FILE.vsix   extension installed from a package, as "Install from VSIX…" does
//   options: --dev DIR (extension folder, default the repo), --out DIR (screenshots, default screenshots/),
//            --docs DIR (README images, default docs/images/; "" to skip), --update-docs (overwrite the README images;
//            without it they are only written when missing, so that a test run does not touch tracked files),
//            --keep (keep the run folder)
//
// Steps: open the workspace; open paris.md and hover "Abaaoud" (the card must name Reuters); open brussels.md and
// read the Problems panel (a disputed-claim row); command palette → "Corroborate: Look Up Entity…" → type the
// misspelling "Abaoud" → pick "Abdelhamid Abaaoud" → an editor opens on a corpus article; the status bar item shows
// the index counts. Screenshots: hover.png, problems.png, quickpick.png, statusbar.png (+ failure-*.png).
// Needs `bash scripts/install-code-server.sh`; installs nothing itself.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  CODE_SERVER,
  REPO_ROOT,
  checkPrerequisites,
  copyWorkspace,
  launchChromium,
  log,
  makeRunDir,
  cleanupOnce,
  onAbort,
  remoteUri,
  startCodeServer,
  workbenchUrl,
  writeUserSettings,
} from './lib.mjs';

const { values: opt } = parseArgs({
  options: {
    vsix: { type: 'string' },
    dev: { type: 'string', default: REPO_ROOT },
    out: { type: 'string', default: path.join(REPO_ROOT, 'screenshots') },
    docs: { type: 'string', default: path.join(REPO_ROOT, 'docs', 'images') },
    'update-docs': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});
const say = (...m) => log('ui', ...m);
const started = Date.now();
let passed = 0;
let failed = 0;

function finish(code) {
  console.log(`ui: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(code);
}

try {
  checkPrerequisites({ needBuild: !opt.vsix && path.resolve(opt.dev) === REPO_ROOT });
  if (opt.vsix && !fs.existsSync(opt.vsix)) throw new Error(`--vsix ${opt.vsix}: no such file`);
} catch (e) {
  console.error(String(e.message ?? e));
  failed = 1;
  finish(1);
}

const OUT = path.resolve(opt.out);
fs.mkdirSync(OUT, { recursive: true });
const run = makeRunDir('ui');
const workspace = copyWorkspace(path.join(run.base, 'workspace'));
writeUserSettings(run.userData, {
  'editor.hover.delay': 200,
  'editor.minimap.enabled': false,
  'editor.fontSize': 15,
  'editor.wordWrap': 'on',
  'workbench.colorTheme': 'Default Light Modern',
  'window.zoomLevel': 0,
});
const corpusFiles = new Set([
  ...fs.readdirSync(path.join(REPO_ROOT, 'corpus', 'seeds')),
  ...fs.readdirSync(path.join(workspace, 'sources')),
]);

let server;
let browser;
const cleanup = cleanupOnce(run, () => ({ server, browser }), { keep: opt.keep, say });
const removeAbortHandlers = onAbort(cleanup, 1);

let page;
let blocked; // set when a step the others depend on failed
async function step(name, fn, { critical = false } = {}) {
  if (blocked) {
    failed++;
    say(`SKIP ${name} (after "${blocked}" failed)`);
    return;
  }
  const t = Date.now();
  try {
    await fn();
    passed++;
    say(`PASS ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failed++;
    say(
      `FAIL ${name}: ${String(e?.message ?? e)
        .split('\n')
        .slice(0, 6)
        .join('\n      ')}`,
    );
    const shot = path.join(OUT, `failure-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
    await page?.screenshot({ path: shot }).then(
      () => say(`      screenshot: ${path.relative(REPO_ROOT, shot)}`),
      () => {},
    );
    if (critical) blocked = name;
  }
}

/** Screen box of `word` inside the rendered editor line that contains `lineText` (null until it is rendered). */
function wordBox(lineText, word) {
  return page.evaluate(
    ([lineText, word]) => {
      const editor = document.querySelector('.editor-group-container.active .monaco-editor') ?? document.querySelector('.monaco-editor');
      if (!editor) return null;
      for (const line of editor.querySelectorAll('.view-lines .view-line')) {
        const text = (line.textContent ?? '').replace(/\u00a0/g, ' ');
        if (!text.includes(lineText)) continue;
        const at = text.indexOf(word, text.indexOf(lineText));
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        let offset = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const len = node.textContent.length;
          if (at < offset + len) {
            const range = document.createRange();
            range.setStart(node, at - offset);
            range.setEnd(node, Math.min(len, at - offset + word.length));
            const b = range.getBoundingClientRect();
            return { x: b.x, y: b.y, width: b.width, height: b.height };
          }
          offset += len;
        }
      }
      return null;
    },
    [lineText, word],
  );
}

async function openFromExplorer(name, textInEditor) {
  const row = page
    .locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"], .explorer-folders-view .monaco-list-row:has-text("${name}")`)
    .first();
  await row.waitFor({ timeout: 30_000 });
  await row.dblclick();
  await page.locator(`.tabs-container .tab.active:has-text("${name}")`).waitFor({ timeout: 15_000 });
  await page.locator(`.editor-group-container.active .view-lines:has-text("${textInEditor}")`).waitFor({ timeout: 15_000 });
}

/** A clip rectangle around the given boxes, padded and kept inside the viewport. */
function clipAround(boxes, pad = 16) {
  const vp = page.viewportSize();
  const x0 = Math.max(0, Math.min(...boxes.map((b) => b.x)) - pad);
  const y0 = Math.max(0, Math.min(...boxes.map((b) => b.y)) - pad);
  const x1 = Math.min(vp.width, Math.max(...boxes.map((b) => b.x + b.width)) + pad);
  const y1 = Math.min(vp.height, Math.max(...boxes.map((b) => b.y + b.height)) + pad);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

const shots = {};
async function screenshot(name, clip) {
  const file = path.join(OUT, name);
  await page.screenshot({ path: file, ...(clip ? { clip } : {}) });
  shots[name] = file;
  say(`      screenshot: ${path.relative(REPO_ROOT, file)}`);
}

try {
  if (opt.vsix) {
    execFileSync(
      CODE_SERVER,
      ['--extensions-dir', run.extensions, '--user-data-dir', run.userData, '--install-extension', path.resolve(opt.vsix)],
      { env: { ...process.env, ...run.env }, stdio: 'inherit' },
    );
    say(`installed ${opt.vsix}`);
  }
  server = await startCodeServer({ run });
  say(`code-server (pgid ${server.pid}) at ${server.url} after ${server.startupMs} ms`);
  browser = await launchChromium(run, { width: 1400, height: 900 });
  page = browser.page;
  page.on('pageerror', (e) => say('[page error]', String(e).slice(0, 300)));

  await step(
    'workbench opens the workspace',
    async () => {
      const url = opt.vsix
        ? workbenchUrl(server, { folder: workspace })
        : workbenchUrl(server, { folder: workspace, extensionDevelopmentPaths: [path.resolve(opt.dev)] });
      say(`extension from ${opt.vsix ? opt.vsix : remoteUri(server.host, path.resolve(opt.dev))}`);
      await page.goto(url);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      await page.locator('.explorer-folders-view .monaco-list-row:has-text("paris.md")').first().waitFor({ timeout: 60_000 });
    },
    { critical: true },
  );

  await step('hover on "Abaaoud" in paris.md shows the card, naming Reuters', async () => {
    await openFromExplorer('paris.md', 'red flags before Paris');
    // The hover lists the line's diagnostics first (markers), then the entity card from the language server.
    const hover = page.locator('.monaco-hover').filter({ hasText: 'Named in' }).first();
    const LINE = 'Abdelhamid Abaaoud was killed';
    const deadline = Date.now() + 90_000; // the server starts and indexes on activation
    let box;
    for (let attempt = 1; ; attempt++) {
      box = await wordBox(LINE, 'Abaaoud');
      if (box) {
        await page.mouse.move(box.x + box.width / 2, box.y - 40);
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
        try {
          await hover.waitFor({ state: 'visible', timeout: 4000 });
          break;
        } catch (e) {
          if (Date.now() > deadline) {
            const shown = await page.locator('.monaco-hover').allInnerTexts();
            throw new Error(`no entity card after ${attempt} attempts; hovers shown: ${JSON.stringify(shown).slice(0, 500)}`);
          }
        }
      } else if (Date.now() > deadline) {
        throw new Error(`the line "${LINE}…" is not rendered`);
      } else {
        await page.locator('.editor-group-container.active .view-lines:has-text("Abdelhamid")').waitFor({ timeout: 5000 });
      }
    }
    const card = hover.locator('.hover-row').filter({ hasText: 'Named in' }).first();
    const cardText = await card.innerText();
    say(`      card: ${JSON.stringify(cardText.slice(0, 400))}${cardText.length > 400 ? '…' : ''}`);
    if (!cardText.includes('Reuters')) throw new Error('the entity card does not name Reuters');
    if (!cardText.includes('Abaaoud')) throw new Error('the entity card does not name Abaaoud');
    // Scroll the hover (mouse wheel over it, as a reader would) so that the card starts at its top.
    const hb = await hover.boundingBox();
    const cb = await card.boundingBox();
    if (cb.y > hb.y + 4) {
      await page.mouse.move(box.x + box.width / 2, hb.y + 20, { steps: 6 });
      const cardTop = () =>
        page.evaluate(() => {
          const rows = [...document.querySelectorAll('.monaco-hover .hover-row')].filter((r) => r.textContent.includes('Named in'));
          return rows.length ? rows[0].getBoundingClientRect().y : null;
        });
      for (let i = 0; i < 25; i++) {
        const y = await cardTop();
        if (y === null || y - hb.y < 8) break;
        const before = y;
        await page.mouse.wheel(0, Math.min(200, y - hb.y));
        // wait for the hover to re-render at its new scroll position (one animation frame at least)
        await page
          .waitForFunction(
            ([prev]) => {
              const rows = [...document.querySelectorAll('.monaco-hover .hover-row')].filter((r) => r.textContent.includes('Named in'));
              return !rows.length || rows[0].getBoundingClientRect().y !== prev;
            },
            [before],
            { timeout: 1000, polling: 'raf' },
          )
          .catch(() => {});
        if ((await cardTop()) === before) break; // cannot scroll further
      }
      await hover.waitFor({ state: 'visible', timeout: 2000 });
    }
    // the editor from its tabs down to the bottom of the hover (or a little below the hovered line)
    const hb2 = await hover.boundingBox();
    const eb = await page.locator('.editor-group-container.active').boundingBox();
    const bottom = Math.max(hb2.y + hb2.height, box.y + box.height + 60);
    await screenshot('hover.png', clipAround([hb2, { x: eb.x, y: eb.y, width: Math.min(eb.width, 960), height: bottom - eb.y }], 8));
  });

  await step('Problems panel lists a disputed-claim for brussels.md', async () => {
    await page.mouse.move(700, 5);
    await page.keyboard.press('Escape');
    await openFromExplorer('brussels.md', 'Brussels, a week later');
    await page.keyboard.press('Control+Shift+M');
    // the panel lists every open draft's problems: filter it to this file, as a user would
    const filter = page.locator('.markers-panel-action-filter input, .viewpane-filter input').first();
    await filter.waitFor({ timeout: 15_000 });
    await filter.fill('**/brussels.md');
    // wait until the filter applied: brussels.md is the only file group, and a disputed-claim row is listed
    await page.waitForFunction(
      () => {
        const rows = [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((r) => r.textContent ?? '');
        return (
          rows.length > 1 &&
          rows[0].startsWith('brussels.md') &&
          !rows.some((r) => r.startsWith('paris.md') || r.startsWith('spelling.txt')) &&
          rows.some((r) => r.includes('disputed-claim'))
        );
      },
      null,
      { timeout: 60_000 },
    );
    const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
    say(`      problems (${rows.length} rows): ${JSON.stringify(rows.slice(0, 6)).slice(0, 600)}`);
    // give the panel the room the draft does not need: drag the sash between editor and panel up to the last line
    const linesBox = await page.locator('.editor-group-container.active .view-lines').boundingBox();
    const lastLine = await page
      .locator('.editor-group-container.active .view-line')
      .evaluateAll((ls) => Math.max(...ls.map((l) => l.getBoundingClientRect().bottom)));
    const panelBefore = await page.locator('.part.panel').boundingBox();
    const target = Math.min(panelBefore.y, lastLine + 24);
    if (target < panelBefore.y - 20) {
      const x = linesBox.x + linesBox.width / 2;
      await page.mouse.move(x, panelBefore.y - 1);
      await page.mouse.down();
      await page.mouse.move(x, target, { steps: 8 });
      await page.mouse.up();
      await page
        .waitForFunction((y) => Math.abs(document.querySelector('.part.panel').getBoundingClientRect().y - y) < 30, target, {
          timeout: 5000,
        })
        .catch(() => say('      (could not resize the panel)'));
    }
    // the draft (with its squiggles) and the Problems panel down to its last row
    const panel = await page.locator('.part.panel').boundingBox();
    const editor = await page.locator('.editor-group-container.active').boundingBox();
    const lastRow = await page.locator('.markers-panel .monaco-list-row').last().boundingBox();
    const bottom = Math.min(panel.y + panel.height, lastRow.y + lastRow.height + 16);
    await screenshot('problems.png', { x: panel.x, y: editor.y, width: panel.width, height: bottom - editor.y });
  });

  await step('command palette → Look Up Entity… → "Abaoud" → a corpus article opens', async () => {
    await page.keyboard.press('Escape');
    await page.locator('.editor-group-container.active .view-lines').first().click();
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.type('Corroborate: Look Up Entity');
    await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'Look Up Entity' }).first().waitFor({ timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget .quick-input-title').filter({ hasText: 'Look Up Entity' }).waitFor({ timeout: 15_000 });
    await input.fill('Abaoud'); // one value change, one search (typing letter by letter shows intermediate results)
    await page
      .locator('.quick-input-widget .quick-input-list .monaco-list-row')
      .filter({ visible: true })
      .first()
      .filter({ hasText: 'Abaaoud' })
      .waitFor({ timeout: 30_000 });
    const items = await page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ visible: true }).allInnerTexts();
    say(`      quick pick: ${JSON.stringify(items.slice(0, 5)).slice(0, 400)}`);
    await page.mouse.move(24, 500); // (off the list: no hover highlight in the screenshot)
    const widget = await page.locator('.quick-input-widget').boundingBox();
    await screenshot('quickpick.png', clipAround([widget], 16));
    await page.keyboard.press('Enter'); // accept the first (active) item
    const tab = page.locator('.tabs-container .tab.active');
    await page.waitForFunction(
      (names) => {
        const t = document.querySelector('.editor-group-container.active .tabs-container .tab.active');
        const label = t?.getAttribute('aria-label') ?? t?.textContent ?? '';
        return names.some((n) => label.includes(n));
      },
      [...corpusFiles],
      { timeout: 30_000 },
    );
    say(`      opened: ${JSON.stringify((await tab.first().innerText()).trim())}`);
  });

  await step('status bar shows sources, entities and disputes', async () => {
    await page.keyboard.press('Escape');
    await page.locator('.tabs-container .tab').filter({ hasText: 'brussels.md' }).first().click();
    const item = page
      .locator('.part.statusbar .statusbar-item')
      .filter({ hasText: /source/ })
      .first();
    await item.waitFor({ timeout: 30_000 });
    const text = (await item.innerText()).trim();
    say(`      status bar: ${JSON.stringify(text)}`);
    for (const w of ['source', 'entit', 'dispute'])
      if (!text.includes(w)) throw new Error(`status bar item "${text}" does not mention ${w}`);
    await item.hover();
    const tooltip = page.locator('.monaco-hover, .workbench-hover').filter({ visible: true, hasText: /entit/ }).first();
    await tooltip.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => say('      (no tooltip shown)'));
    const boxes = [await item.boundingBox()];
    if (await tooltip.isVisible()) boxes.push(await tooltip.boundingBox());
    const vp = page.viewportSize();
    const clip = clipAround(boxes, 24);
    const left = Math.max(0, Math.min(clip.x, vp.width - 640));
    await screenshot('statusbar.png', {
      x: left,
      y: clip.y,
      width: Math.min(vp.width - left, Math.max(640, clip.x + clip.width - left)),
      height: vp.height - clip.y,
    });
  });
} catch (e) {
  failed++;
  say(`FAIL harness: ${e?.stack ?? e}`);
} finally {
  removeAbortHandlers();
  await cleanup();
}

if (opt.docs) {
  const docs = path.resolve(opt.docs);
  for (const name of ['hover.png', 'problems.png']) {
    if (!shots[name]) continue;
    const dest = path.join(docs, name);
    if (fs.existsSync(dest) && !opt['update-docs']) continue;
    fs.mkdirSync(docs, { recursive: true });
    fs.copyFileSync(shots[name], dest);
    say(`copied ${name} to ${path.relative(REPO_ROOT, dest)}`);
  }
}
finish(failed ? 1 : 0);

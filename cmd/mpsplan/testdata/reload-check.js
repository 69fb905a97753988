// Opens a page of mpsplan serve in headless Chromium, saves a change to a
// plan file, and waits for the page to reload by itself and show it. Fails
// on any Content-Security-Policy violation or script error. Used by
// serve_test.go:
//   node reload-check.js TOOLS_DIR CHROMIUM URL FILE OLD NEW
'use strict';
const fs = require('fs');
const path = require('path');
const [toolsArg, chromium, url, file, oldText, newText] = process.argv.slice(2);
const { chromium: browserType } = require(path.join(path.resolve(toolsArg), 'node_modules', 'playwright-core'));

(async () => {
  const browser = await browserType.launch({
    executablePath: chromium,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let failed = 0;
  try {
    const page = await browser.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') { console.log(`console error: ${m.text()}`); failed++; }
    });
    page.on('pageerror', (e) => { console.log(`page error: ${e.message}`); failed++; });
    await page.goto(url);
    const before = await page.textContent('h1');
    if (!before.includes(oldText)) { console.log(`the page does not show ${oldText}: ${before}`); failed++; }
    // A mark that a reload wipes out.
    await page.evaluate(() => { window.notReloaded = true; });
    // Wait until the page holds its event stream open, then save.
    await page.waitForTimeout(300);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(oldText, newText));
    await page.waitForFunction((t) => !window.notReloaded && document.querySelector('h1') &&
      document.querySelector('h1').textContent.includes(t), newText, { timeout: 30000 });
    console.log(`reloaded by itself: ${await page.textContent('h1')}`);
  } catch (e) {
    console.log(`error: ${e.message}`);
    failed++;
  } finally {
    await browser.close();
  }
  process.exit(failed ? 1 : 0);
})();

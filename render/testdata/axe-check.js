// Runs axe-core in headless Chromium on HTML files and prints every WCAG
// 2.1 A/AA violation; exits 1 if there is any. Used by htmlcheck_test.go:
//   node axe-check.js TOOLS_DIR CHROMIUM FILE.html...
// TOOLS_DIR holds node_modules with playwright-core and axe-core.
'use strict';
const path = require('path');
const [toolsArg, chromium, ...files] = process.argv.slice(2);
const toolsDir = path.resolve(toolsArg);
const { chromium: browserType } = require(path.join(toolsDir, 'node_modules', 'playwright-core'));
const axePath = path.join(toolsDir, 'node_modules', 'axe-core', 'axe.min.js');

(async () => {
  const browser = await browserType.launch({
    executablePath: chromium,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let failed = 0;
  try {
    for (const width of [400, 1280]) {
      // bypassCSP: the page's policy forbids every script, axe-core's too.
      const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: true, bypassCSP: true });
      // A self-contained page fetches nothing: fail on any request that is not the file itself.
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith('file://')) return route.continue();
        console.log(`network request from page: ${url}`);
        failed++;
        return route.abort();
      });
      const page = await context.newPage();
      for (const file of files) {
        await page.goto('file://' + path.resolve(file));
        await page.addScriptTag({ path: axePath });
        const result = await page.evaluate(async () => {
          // eslint-disable-next-line no-undef
          return await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
        });
        for (const v of result.violations) {
          failed++;
          console.log(`${file} (${width}px): ${v.id} (${v.impact}): ${v.help}`);
          for (const n of v.nodes.slice(0, 5)) console.log(`    ${n.target.join(' ')}: ${n.failureSummary.replace(/\n/g, ' ')}`);
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) {
          failed++;
          console.log(`${file} (${width}px): the page is ${overflow}px wider than the window`);
        }
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`axe: ${files.length} file(s), ${failed} problem(s)`);
  process.exit(failed ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(2); });

// Lays out HTML files in headless Chromium, at a phone's width, and checks
// the text of every inline SVG chart as the browser draws it (each
// <text>'s getBBox(), in the SVG's own units): no two texts of a chart
// overlap, and none leaves the chart's viewBox; and that no table cell of
// a word or two (a status: "not met", "on track") breaks across lines; and,
// at a desktop's width, that tables of one kind have the same columns and
// no chart is squeezed beside its table.
// Prints each problem and exits 1 if there is any.
// Used by render/markup's geometry_test.go:
//   node svg-geometry.js TOOLS_DIR CHROMIUM FILE.html...
// TOOLS_DIR holds node_modules with playwright-core.
'use strict';
const path = require('path');
const [toolsArg, chromium, ...files] = process.argv.slice(2);
const { chromium: browserType } = require(path.join(path.resolve(toolsArg), 'node_modules', 'playwright-core'));

// How far (in SVG units, each way) two boxes may run into each other: a
// glyph box spans the font's whole ascent and descent, which lines of
// wrapped labels just touch.
const tol = 0.5;

(async () => {
  const browser = await browserType.launch({
    executablePath: chromium,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  let failed = 0, charts = 0, texts = 0, cells = 0, kinds = 0;
  try {
    const context = await browser.newContext({ viewport: { width: 400, height: 900 }, bypassCSP: true });
    const page = await context.newPage();
    for (const file of files) {
      await page.goto('file://' + path.resolve(file));
      await page.evaluate(() => document.fonts.ready);
      const found = await page.evaluate((tol) => {
        const out = { charts: 0, texts: 0, problems: [] };
        for (const svg of document.querySelectorAll('svg')) {
          const els = [...svg.querySelectorAll('text')];
          if (els.length === 0) continue;
          out.charts++;
          out.texts += els.length;
          const name = svg.getAttribute('aria-labelledby') || svg.id || 'svg';
          const vb = svg.viewBox.baseVal;
          const boxes = els.map((el) => ({ s: el.textContent, b: el.getBBox() }));
          const at = (x) => `"${x.s}" at (${x.b.x.toFixed(1)},${x.b.y.toFixed(1)} ${x.b.width.toFixed(1)}×${x.b.height.toFixed(1)})`;
          for (let i = 0; i < boxes.length; i++) {
            const a = boxes[i].b;
            if (a.x < vb.x - tol || a.y < vb.y - tol || a.x + a.width > vb.x + vb.width + tol || a.y + a.height > vb.y + vb.height + tol) {
              out.problems.push(`${name}: ${at(boxes[i])} leaves the viewBox (${vb.x} ${vb.y} ${vb.width} ${vb.height})`);
            }
            for (let j = i + 1; j < boxes.length; j++) {
              const b = boxes[j].b;
              const dx = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
              const dy = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
              if (dx > tol && dy > tol) {
                out.problems.push(`${name}: ${at(boxes[i])} overlaps ${at(boxes[j])} by ${dx.toFixed(1)}×${dy.toFixed(1)}`);
              }
            }
          }
        }
        // A status is at most 12 characters in a word or two (doc.KeepWhole).
        for (const td of document.querySelectorAll('td')) {
          const text = td.textContent.trim();
          if (!text.includes(' ') || [...text].length > 12 || text.split(/\s+/).length > 2) continue;
          out.cells = (out.cells || 0) + 1;
          const range = document.createRange();
          range.selectNodeContents(td);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) out.problems.push(`the cell "${text}" breaks across ${tops.size} lines`);
        }
        return out;
      }, tol);
      charts += found.charts;
      cells += found.cells || 0;
      texts += found.texts;
      for (const p of found.problems) {
        failed++;
        console.log(`${path.basename(file)}: ${p}`);
      }
    }
    await context.close();
    // At a desktop's width, the tables of one kind (same header row) have
    // the same column widths throughout a document.
    const wide = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    const wpage = await wide.newPage();
    for (const file of files) {
      await wpage.goto('file://' + path.resolve(file));
      const found = await wpage.evaluate(() => {
        const first = new Map();
        const problems = [];
        let n = 0;
        // A chart beside its data table keeps a readable width.
        for (const svg of document.querySelectorAll('svg.chart-svg')) {
          const w = svg.getBoundingClientRect().width;
          if (w < 240) problems.push(`a chart is drawn ${Math.round(w)} px wide`);
        }
        for (const table of document.querySelectorAll('table')) {
          const ths = [...table.querySelectorAll('thead th')];
          if (ths.length === 0) continue;
          const key = ths.map((th) => th.textContent).join(' | ');
          const widths = ths.map((th) => th.getBoundingClientRect().width);
          for (const cell of table.querySelectorAll('th, td')) {
            if (cell.scrollWidth > cell.clientWidth + 1) problems.push(`"${cell.textContent}" overflows its cell`);
            // A word split across lines ("Targ|et", "15,41|7") is a column too
            // narrow; a break after a hyphen or dash is a line break.
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              for (const m of node.data.matchAll(/[^\s\-–]+[-–]?/g)) {
                const range = document.createRange();
                range.setStart(node, m.index);
                range.setEnd(node, m.index + m[0].length);
                const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
                if (tops.size > 1) problems.push(`the word "${m[0]}" breaks across lines in a cell`);
              }
            }
          }
          if (!first.has(key)) {
            first.set(key, widths);
            continue;
          }
          n++;
          const w0 = first.get(key);
          if (widths.some((w, i) => Math.abs(w - w0[i]) > 1)) {
            problems.push(`tables headed "${key}" are set ${w0.map(Math.round).join('/')} and ${widths.map(Math.round).join('/')} px`);
          }
        }
        return { n, problems };
      });
      kinds += found.n;
      for (const p of found.problems) {
        failed++;
        console.log(`${path.basename(file)}: ${p}`);
      }
    }
    await wide.close();
  } finally {
    await browser.close();
  }
  console.log(`svg geometry: ${files.length} file(s), ${charts} chart(s), ${texts} text(s), ${cells} short cell(s), ${kinds} table(s) like an earlier one, ${failed} problem(s)`);
  process.exit(failed ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(2); });

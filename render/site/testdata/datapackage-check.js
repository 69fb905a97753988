// Reads a Frictionless Data Package as an open-data portal would, with the
// reference library (npm datapackage): validates the descriptor against its
// profile, then reads every row of every resource, casting each value by
// the Table Schema (types, required fields, allowed values). Prints what
// fails and exits 1 on any failure. Used by tools_test.go:
//   node datapackage-check.js TOOLS_DIR DATAPACKAGE.json ROWS
// TOOLS_DIR holds node_modules with datapackage; ROWS is the number of
// rows the test expects in all.
'use strict';
const path = require('path');
const [toolsArg, descriptor, wantRows] = process.argv.slice(2);
const { Package } = require(path.join(path.resolve(toolsArg), 'node_modules', 'datapackage'));

(async () => {
  let failed = 0;
  const dp = await Package.load(path.resolve(descriptor), { strict: false });
  if (!dp.valid) {
    failed++;
    for (const e of dp.errors) console.log(`descriptor: ${e.message}`);
  }
  let rows = 0;
  for (const r of dp.resources) {
    if (!r.tabular) {
      failed++;
      console.log(`resource ${r.name} is not tabular`);
      continue;
    }
    try {
      rows += (await r.read({ keyed: true, cast: true })).length;
    } catch (e) {
      failed++;
      console.log(`resource ${r.name}: ${e.message}`);
      for (const x of (e.errors || []).slice(0, 10)) console.log(`    ${x.message}`);
    }
  }
  if (String(rows) !== wantRows) {
    failed++;
    console.log(`read ${rows} rows, want ${wantRows}`);
  }
  console.log(`datapackage: ${dp.resources.length} resource(s), ${rows} row(s) read and cast, ${failed} problem(s)`);
  process.exit(failed ? 1 : 0);
})().catch((e) => { console.error(e); process.exit(2); });

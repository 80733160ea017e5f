// Offload's vitest reporter (SPEC 7.1), passed with --reporter=<this file> next to vitest's own reporters.
//
// When OFFLOAD_EVENT_TOKEN is set it prints one line per test start and end to stdout:
//   ##offload:<token>## {"ev":"start","id":"tests/a.test.ts > suite > works"}
//   ##offload:<token>## {"ev":"end","id":"…","status":"passed"|"failed"|"skipped","ms":12}
// The id is Offload's vitest id: the file relative to OFFLOAD_ROOT (the batch's working directory when unset),
// " > ", the suite titles and the test title joined by " > ", and " [#k]" for the k-th test of the same file and
// name (k >= 2, counted in collection order, which is list order and the JSON report's order even when
// sequence.shuffle runs them in another order). Tests that do not run (excluded by the batch's name pattern, skip,
// todo) get no events and are not counted.
import path from 'node:path';

const STATUS = { passed: 'passed', failed: 'failed', skipped: 'skipped' };

function runs(testCase) {
  return testCase.options.mode !== 'skip' && testCase.options.mode !== 'todo';
}

export default class OffloadEventReporter {
  constructor() {
    const token = process.env.OFFLOAD_EVENT_TOKEN;
    this.prefix = token ? `##offload:${token}## ` : null;
    this.root = process.env.OFFLOAD_ROOT || process.cwd();
    this.ids = new Map(); // vitest task id -> Offload id
    this.numbered = new Set(); // module ids whose tests have their Offload ids
  }

  onTestCaseReady(testCase) {
    // vitest also announces tests it will not run (excluded by the name pattern, skip, todo): no events for those.
    if (!this.prefix || !runs(testCase)) return;
    this.number(testCase.module);
    const id = this.ids.get(testCase.id);
    if (id !== undefined) this.emit({ ev: 'start', id });
  }

  /** Gives every test of the module that runs its Offload id, numbering repeated names in collection order. */
  number(module) {
    if (this.numbered.has(module.id)) return;
    this.numbered.add(module.id);
    const seen = new Map(); // "file > name" -> listings so far
    for (const test of module.children.allTests()) {
      if (!runs(test)) continue;
      const base = `${this.fileOf(test)} > ${test.fullName}`;
      const k = (seen.get(base) || 0) + 1;
      seen.set(base, k);
      this.ids.set(test.id, k === 1 ? base : `${base} [#${k}]`);
    }
  }

  onTestCaseResult(testCase) {
    if (!this.prefix) return;
    const id = this.ids.get(testCase.id);
    if (id === undefined) return;
    const state = testCase.result().state;
    const ms = Math.round(testCase.diagnostic()?.duration ?? 0);
    this.emit({ ev: 'end', id, status: STATUS[state] || 'failed', ms });
  }

  fileOf(testCase) {
    const file = testCase.module.moduleId;
    const relative = path.relative(this.root, file);
    return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
  }

  emit(event) {
    process.stdout.write(this.prefix + JSON.stringify(event) + '\n');
  }
}

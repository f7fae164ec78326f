/**
 * The layering is enforced, not only written down: ESLint's Node API lints inline snippets as if they
 * were files in each layer, and every dependency that must never exist (eslint.config.mjs, LAYERS) is an
 * error, while the imports the house is built on are not. ESLint runs in a child process: its config is
 * an ES module, which jest's module sandbox cannot import.
 */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

interface Case { filePath: string; code: string }
interface Linted { layerGlobs: string[]; results: { ruleId: string | null; message: string }[][] }

const LINT = `
import { ESLint } from 'eslint';
import { pathToFileURL } from 'node:url';
const cases = JSON.parse(process.env.LAYERING_CASES);
const { LAYERS } = await import(pathToFileURL(process.cwd() + '/eslint.config.mjs').href);
const eslint = new ESLint({ cwd: process.cwd() });
const results = [];
for (const c of cases) {
  const [r] = await eslint.lintText(c.code, { filePath: c.filePath });
  results.push(r.messages.map((m) => ({ ruleId: m.ruleId, message: m.message })));
}
console.log(JSON.stringify({ layerGlobs: LAYERS.flatMap((l) => l.files), results }));
`;

function lint(cases: Case[]): Linted {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', LINT], {
    cwd: ROOT, env: { ...process.env, LAYERING_CASES: JSON.stringify(cases) }, encoding: 'utf8', timeout: 120_000,
  });
  return JSON.parse(out) as Linted;
}

const FORBIDDEN: Case[] = [
  { filePath: 'src/core/probe.ts', code: "import type { WorkbookPort } from '../workbook/port';\nexport type P = WorkbookPort;\n" },
  { filePath: 'src/core/probe.ts', code: "import * as fs from 'node:fs';\nexport const f = fs;\n" },
  { filePath: 'src/core/probe.ts', code: "import * as fs from 'fs';\nexport const f = fs;\n" },
  { filePath: 'src/core/probe.ts', code: "import ExcelJS from 'exceljs';\nexport const e = ExcelJS;\n" },
  { filePath: 'src/core/probe.ts', code: "import { useState } from 'react';\nexport const u = useState;\n" },
  { filePath: 'src/core/probe.ts', code: "import { Button } from '@fluentui/react-components';\nexport const b = Button;\n" },
  { filePath: 'src/core/probe.ts', code: "export { createSimHost } from '../sim';\n" },
  { filePath: 'src/core/probe.ts', code: "import type { AddinHost } from '../addin/host';\nexport type H = AddinHost;\n" },
  { filePath: 'src/core/probe.ts', code: "export { Pane } from '../taskpane/Pane';\n" },
  { filePath: 'src/core/sub/probe.ts', code: "export * from '../../cli/main';\n" },
  { filePath: 'src/actions/probe.ts', code: "import { ExcelWorkbookPort } from '../workbook/excel/excelPort';\nexport const p = ExcelWorkbookPort;\n" },
  { filePath: 'src/actions/probe.ts', code: "import { XlsxWorkbookPort } from '../workbook/xlsx/xlsxPort';\nexport const p = XlsxWorkbookPort;\n" },
  { filePath: 'src/actions/probe.ts', code: "export const sim = () => import('../sim');\n" },
  { filePath: 'src/taskpane/components/probe.ts', code: "import ExcelJS from 'exceljs';\nexport const e = ExcelJS;\n" },
  { filePath: 'src/taskpane/probe.ts', code: "export const sim = () => import('../sim');\n" },
  { filePath: 'src/commands/probe.ts', code: "import { usePane } from '../taskpane/usePane';\nexport const u = usePane;\n" },
  { filePath: 'src/workbook/excel/probe.ts', code: "import { createSimHost } from '../../sim';\nexport const s = createSimHost;\n" },
  { filePath: 'src/addin/probe.ts', code: "import { useState } from 'react';\nexport const u = useState;\n" },
  { filePath: 'src/addin/probe.ts', code: "import { Button } from '@fluentui/react-components';\nexport const b = Button;\n" },
  { filePath: 'src/addin/probe.ts', code: "import { Pane } from '../taskpane/Pane';\nexport const p = Pane;\n" },
];

const ALLOWED: Case[] = [
  { filePath: 'src/core/probe.ts', code: "import { cleanText } from './text';\nexport const c = cleanText;\n" },
  { filePath: 'src/actions/probe.ts', code: "import type { WorkbookPort } from '../workbook/port';\nexport type P = WorkbookPort;\n" },
  { filePath: 'src/taskpane/probe.ts', code: "import { runAction } from '../addin/runAction';\nexport const r = runAction;\nexport const e = () => import('./logic/sheetWatch');\n" },
  { filePath: 'src/commands/probe.ts', code: "import { runAction } from '../addin/runAction';\nexport const r = runAction;\n" },
  { filePath: 'src/addin/probe.ts', code: "import type { ExcelHost } from '../workbook/excel/excelPort';\nexport type H = ExcelHost;\n" },
  { filePath: 'src/workbook/excel/probe.ts', code: "import { WorkbookError } from '../port';\nexport const w = WorkbookError;\n" },
  { filePath: 'src/playground/probe.ts', code: "import { createSimHost } from '../sim';\nexport const s = createSimHost;\n" },
];

const LAYERING_RULES = new Set(['no-restricted-imports', 'no-restricted-syntax']);

describe('layering (eslint.config.mjs)', () => {
  const linted = lint([...FORBIDDEN, ...ALLOWED]);
  const layering = (i: number) => linted.results[i]!.filter((m) => m.ruleId !== null && LAYERING_RULES.has(m.ruleId));

  it.each(FORBIDDEN.map((c, i) => [c.filePath, c.code.split('\n')[0], i] as const))('%s: %s is an error', (_file, _line, i) => {
    const errors = layering(i);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message.length).toBeGreaterThan(20); // says why, not only "restricted"
  });

  it.each(ALLOWED.map((c, i) => [c.filePath, c.code.split('\n')[0], FORBIDDEN.length + i] as const))('%s: %s is allowed', (_file, _line, i) => {
    expect(layering(i)).toEqual([]);
  });

  it('every layer rule is tried with a forbidden import', () => {
    const tried = (glob: string) => FORBIDDEN.some((c) => c.filePath.startsWith(glob.replace(/\*\*$/, '')));
    expect(linted.layerGlobs.filter((g) => !tried(g))).toEqual([]);
  });
});

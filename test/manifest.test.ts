/**
 * What can be checked of manifest.xml without Microsoft's online validator (`npm run validate`):
 * references, icons, zh-CN overrides, Office's string limits, URLs against the dev server, and that the
 * ribbon's functions are the ones the commands register.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { RIBBON_FUNCTIONS } from '../src/commands/register';

const ROOT = path.resolve(__dirname, '..');
const xml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const devServer = require('../scripts/devServer.js') as { host: string; port: number; protocol: string };
const BASE = `${devServer.protocol}://${devServer.host}:${devServer.port}/`;

type Node = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: false, isArray: (_name, _path, _leaf, isAttribute) => !isAttribute });
const doc = parser.parse(xml) as Node;

/** Every element named `name` (any depth), with its attributes. */
function all(node: unknown, name: string, out: Node[] = []): Node[] {
  if (Array.isArray(node)) node.forEach((n) => all(n, name, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node as Node)) {
      if (k === name) (Array.isArray(v) ? v : [v]).forEach((x) => out.push(x as Node));
      if (!k.startsWith('@')) all(v, name, out);
    }
  }
  return out;
}
const attr = (n: Node, a: string) => n[`@${a}`] as string | undefined;
const text = (n: Node) => String((n['#text'] as unknown[] | undefined)?.[0] ?? (Array.isArray(n) ? n[0] : n));

function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  if (b.readUInt32BE(0) !== 0x89504e47 || b.toString('ascii', 12, 16) !== 'IHDR') throw new Error(`${file} is not a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function assetOf(url: string): string {
  expect(url.startsWith(`${BASE}assets/`)).toBe(true);
  return path.join(ROOT, 'assets', url.slice(`${BASE}assets/`.length));
}

const images = all(doc, 'bt:Image').filter((n) => attr(n, 'id'));
const urls = all(doc, 'bt:Url');
const shortStrings = all(all(doc, 'bt:ShortStrings'), 'bt:String');
const longStrings = all(all(doc, 'bt:LongStrings'), 'bt:String');
const resources = new Map<string, Node>([...images, ...urls, ...shortStrings, ...longStrings].map((n) => [attr(n, 'id')!, n]));

describe('manifest.xml', () => {
  it('is an Excel task pane add-in with read/write access that needs the shared runtime', () => {
    expect(all(doc, 'Host').map((h) => attr(h, 'Name')).filter(Boolean)).toEqual(['Workbook']);
    expect(all(doc, 'Permissions').map(text)).toEqual(['ReadWriteDocument']);
    expect(all(doc, 'Set').map((s) => attr(s, 'Name'))).toContain('SharedRuntime');
    // The shared runtime exists only on hosts with ExcelApi 1.10: Office offers the add-in to no older Excel.
    const excelApi = all(doc, 'Set').filter((s) => attr(s, 'Name') === 'ExcelApi');
    expect(excelApi.map((s) => attr(s, 'MinVersion'))).toEqual(['1.10']);
    expect(all(doc, 'Runtime').map((r) => attr(r, 'lifetime'))).toEqual(['long']);
  });

  it('resolves every resid, and has no resource of the same id twice', () => {
    const ids = [...images, ...urls, ...shortStrings, ...longStrings].map((n) => attr(n, 'id'));
    expect(new Set(ids).size).toBe(ids.length);
    const refs = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(20);
    expect(refs.filter((r) => !resources.has(r))).toEqual([]);
  });

  it('has every icon file at the size that references it', () => {
    const checked: string[] = [];
    for (const ref of all(doc, 'bt:Image').filter((n) => attr(n, 'resid'))) {
      const res = resources.get(attr(ref, 'resid')!)!;
      const file = assetOf(attr(res, 'DefaultValue')!);
      expect(fs.existsSync(file)).toBe(true);
      const size = Number(attr(ref, 'size'));
      expect(pngSize(file)).toEqual({ width: size, height: size });
      checked.push(path.basename(file));
    }
    for (const [element, size] of [['IconUrl', 32], ['HighResolutionIconUrl', 64]] as const) {
      const file = assetOf(attr(all(doc, element)[0]!, 'DefaultValue')!);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
    expect(new Set(checked).size).toBeGreaterThanOrEqual(15);
  });

  it('has a zh-CN override for every string, within Office\'s length limits', () => {
    const overrideOf = (n: Node) => all(n, 'bt:Override').concat(all(n, 'Override')).find((o) => attr(o, 'Locale') === 'zh-CN');
    for (const [list, max] of [[shortStrings, 125], [longStrings, 250]] as const) {
      expect(list.length).toBeGreaterThan(3);
      for (const s of list) {
        const zh = overrideOf(s);
        expect({ id: attr(s, 'id'), zh: Boolean(zh) }).toEqual({ id: attr(s, 'id'), zh: true });
        expect(attr(s, 'DefaultValue')!.length).toBeLessThanOrEqual(max);
        expect(attr(zh!, 'Value')!.length).toBeLessThanOrEqual(max);
      }
    }
    for (const element of ['DisplayName', 'Description']) {
      const n = all(doc, element)[0]!;
      expect(attr(overrideOf(n)!, 'Value')).toBeTruthy();
    }
    expect(attr(all(doc, 'DisplayName')[0]!, 'DefaultValue')!.length).toBeLessThanOrEqual(125);
    expect(attr(all(doc, 'Description')[0]!, 'DefaultValue')!.length).toBeLessThanOrEqual(250);
  });

  it('names the tab and the buttons as the pane does, in both languages', () => {
    const label = (id: string) => {
      const s = resources.get(id)!;
      return [attr(s, 'DefaultValue'), attr(all(s, 'bt:Override')[0]!, 'Value')];
    };
    expect(label('Tab.Label')).toEqual(['Customer Ledger', '客户台账']);
    const buttons = all(doc, 'Control').map((c) => label(attr(all(c, 'Label')[0]!, 'resid')!));
    expect(buttons).toEqual([
      ['Open pane', '打开窗格'], ['Create template', '创建模板'], ['Check phones & emails', '检查电话和邮箱'],
      ['Find duplicates', '查找重复客户'], ['Build summary', '生成汇总'],
      ['Fix all', '全部修正'], ['Fix selected cells', '修正所选单元格'], ['Merge duplicates', '合并重复客户'], ['Archive duplicates', '归档重复行'], ['Calls today', '今日联系'],
    ]);
  });

  it('runs the functions the commands register, from the page the pane is served on', () => {
    const functions = all(doc, 'FunctionName').map(text);
    expect(functions.sort()).toEqual(Object.keys(RIBBON_FUNCTIONS).sort());
    expect(all(doc, 'Action').map((a) => attr(a, 'xsi:type'))).toEqual(['ShowTaskpane', ...Array<string>(Object.keys(RIBBON_FUNCTIONS).length).fill('ExecuteFunction')]);
    const runtime = attr(all(doc, 'Runtime')[0]!, 'resid');
    expect(attr(all(doc, 'FunctionFile')[0]!, 'resid')).toBe(runtime);
  });

  it('points every URL at the dev server, at pages webpack builds', () => {
    const all_urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]!);
    expect(all_urls.length).toBeGreaterThan(15);
    expect(all_urls.filter((u) => !u.startsWith(BASE))).toEqual([]);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = (require('../webpack.config.js') as (env: unknown, argv: unknown) => { plugins: { userOptions?: { filename?: string } }[] })({}, { mode: 'production' });
    const pages = config.plugins.map((p) => p.userOptions?.filename).filter(Boolean);
    for (const u of all_urls.filter((x) => x.endsWith('.html'))) expect(pages).toContain(u.slice(BASE.length));
  });
});

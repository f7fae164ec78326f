/**
 * Matching keys for duplicate detection, one small strategy each (in the spirit of OpenRefine's
 * clustering keys): a person's name, a company name, an email. Keys are equal when a person would say
 * "that is the same thing, typed differently".
 */
import { Converter, Locale } from 'opencc-js/t2cn';
import { cleanText } from './text';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const toSimplified = Converter({ from: 'tw', to: 'cn' });
const simplifiedCache = new Map<string, string>();

type DictLike = string | readonly (readonly string[])[];
interface TwToCnConfig { normalizationChain?: readonly (readonly DictLike[])[]; conversionChain: readonly (readonly DictLike[])[] }

/**
 * The entries of the tw → cn converter whose replacement differs from their source. Converter picks
 * the `tw2s` config: a normalization chain, then the conversion chain; each step is a trie holding one
 * value per source (the first dictionary of a group wins, as in Trie.loadDictGroup) and replaces the
 * longest source matching at each position. A step can only change text in which the source of a
 * changing entry occurs, so text holding none of them comes out of every step unchanged: most names
 * and companies in a mainland ledger skip the converter.
 */
function changingEntries(): { single: ReadonlySet<number>; phrases: ReadonlyMap<number, readonly string[]> } {
  const config = (Locale.configs as unknown as Record<string, TwToCnConfig>).tw2s;
  if (!config) throw new Error('opencc-js: no tw2s config');
  const single = new Set<number>();
  const phrases = new Map<number, string[]>();
  for (const group of [...(config.normalizationChain ?? []), ...config.conversionChain]) {
    const entries = new Map<string, string>();
    for (const dict of [...group].reverse()) {
      const pairs = typeof dict === 'string' ? dict.split('|').map((line) => line.split(' ')) : dict;
      for (const [source, target] of pairs) if (source) entries.set(source, target ?? '');
    }
    for (const [source, target] of entries) {
      if (source === target) continue;
      const first = source.codePointAt(0) ?? 0;
      if (String.fromCodePoint(first) === source) single.add(first);
      else {
        const list = phrases.get(first);
        if (list) list.push(source); else phrases.set(first, [source]);
      }
    }
  }
  return { single, phrases };
}
const CHANGING = changingEntries();
/** The same for the Basic Multilingual Plane as one table read per character: 1 a changing character, 2 the start of a changing phrase. */
const BMP_CHANGING = new Uint8Array(0x10000);
for (const cp of CHANGING.single) if (cp <= 0xffff) BMP_CHANGING[cp]! |= 1;
for (const cp of CHANGING.phrases.keys()) if (cp <= 0xffff) BMP_CHANGING[cp]! |= 2;

/** True when a changing conversion entry occurs in `text` (許, or 乾燥 whose characters alone stay). */
export function mayHaveTraditional(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) { // a whole code point: the table answers
      const flags = BMP_CHANGING[unit]!;
      if (flags === 0) continue;
      if (flags & 1) return true;
      if (CHANGING.phrases.get(unit)!.some((p) => text.startsWith(p, i))) return true;
      continue;
    }
    const cp = text.codePointAt(i) ?? 0;
    if (CHANGING.single.has(cp)) return true;
    const phrases = CHANGING.phrases.get(cp);
    if (phrases && phrases.some((p) => text.startsWith(p, i))) return true;
    if (cp > 0xffff) i++;
  }
  return false;
}

/** Fold traditional characters to simplified (許 → 许); memoised because names repeat. */
export function simplified(text: string): string {
  if (!CJK.test(text) || !mayHaveTraditional(text)) return text;
  let out = simplifiedCache.get(text);
  if (out === undefined) {
    out = toSimplified(text);
    if (simplifiedCache.size > 100_000) simplifiedCache.clear();
    simplifiedCache.set(text, out);
  }
  return out;
}

/** The same fold without the shortcut; exported for the test that proves the shortcut changes nothing. */
export function simplifiedByConverter(text: string): string {
  return CJK.test(text) ? toSimplified(text) : text;
}

const LATIN_TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'madam', 'mx']);

/**
 * Person-name key. Chinese names are not space-separated ("许 娜斌" = "许娜斌"); Western names come as
 * "First Last", "LAST, First" or "last first": tokens are lower-cased and sorted.
 */
// A name of ideographs only (most Chinese names): lower-casing and the separator strip below change nothing.
const HAN_ONLY = /^[\u4e00-\u9fff]+$/;

export function nameKey(raw: string): string {
  const folded = simplified(cleanText(raw));
  if (HAN_ONLY.test(folded)) return folded;
  const text = folded.toLowerCase();
  if (!text) return '';
  if (CJK.test(text)) return text.replace(/[\s·•.,，、()（）]/g, '');
  const tokens = text
    .split(/[\s,.;/]+/)
    .map((t) => t.replace(/[^\p{L}\p{N}'-]/gu, ''))
    .filter((t) => t && !LATIN_TITLES.has(t));
  // A word typed twice ("John John Smith") is one; short ones stay, "Li Li" is a name.
  return tokens.filter((t, k) => t.length < 3 || tokens.indexOf(t) === k).sort().join(' ');
}

// Legal forms and organisational suffixes say nothing about which company it is.
const CN_LEGAL = [
  '股份有限公司', '有限责任公司', '有限公司', '集团股份', '集团公司', '集团', '总公司', '分公司', '公司', '工作室', '商行',
  '经营部', '门市部', '事务所', '办事处',
];
const LATIN_LEGAL = new Set([
  'co', 'company', 'corp', 'corporation', 'inc', 'incorporated', 'ltd', 'limited', 'llc', 'plc', 'gmbh', 'ag', 'sa',
  'bv', 'pte', 'pty', 'group', 'holdings', 'the', 'l.l.c', 'lp', 'llp',
]);
// Mainland provinces, municipalities and the larger cities: a place prefix or suffix is not part of the name.
const PLACES = [
  '北京', '上海', '天津', '重庆', '广州', '深圳', '杭州', '南京', '苏州', '武汉', '成都', '西安', '郑州', '长沙', '东莞', '佛山',
  '宁波', '青岛', '济南', '合肥', '福州', '厦门', '无锡', '常州', '温州', '金华', '绍兴', '嘉兴', '台州', '珠海', '中山', '惠州',
  '昆明', '贵阳', '南宁', '南昌', '太原', '石家庄', '沈阳', '大连', '长春', '哈尔滨', '兰州', '西宁', '银川', '乌鲁木齐', '拉萨',
  '呼和浩特', '海口', '三亚', '香港', '澳门', '台北', '广东', '浙江', '江苏', '山东', '河南', '河北', '湖北', '湖南', '四川',
  '福建', '安徽', '江西', '山西', '陕西', '辽宁', '吉林', '黑龙江', '云南', '贵州', '广西', '海南', '甘肃', '青海', '宁夏',
  '新疆', '西藏', '内蒙古', '中国', '徐州', '扬州', '南通', '泉州', '烟台', '潍坊', '临沂', '洛阳', '保定', '唐山',
].sort((a, b) => b.length - a.length);
const PLACE_SUFFIX = /^(省|市|区|县|特别行政区|自治区)/;
const MISSING_COMPANY = new Set(['个人', '无', '散客', '自由职业', '个体', 'individual', 'personal', 'self-employed', 'self', 'none', 'n/a']);

/** PLACES by their first character, each list in PLACES' order (longest first): a company is looked up in one short list. */
const PLACES_BY_FIRST = new Map<number, string[]>();
for (const p of PLACES) {
  const list = PLACES_BY_FIRST.get(p.charCodeAt(0));
  if (list) list.push(p); else PLACES_BY_FIRST.set(p.charCodeAt(0), [p]);
}

function stripPlaces(text: string): string {
  let s = text;
  for (let changed = true; changed;) {
    changed = false;
    for (const p of PLACES_BY_FIRST.get(s.charCodeAt(0)) ?? []) {
      if (s.startsWith(p) && s.length > p.length + 1) {
        s = s.slice(p.length).replace(PLACE_SUFFIX, '');
        changed = true;
        break;
      }
    }
  }
  return s;
}

/** A company key without any place name, wherever it stands (瑞丰北京制造 → 瑞丰制造): for comparing two keys, not for blocking. */
export function withoutPlaces(key: string): string {
  if (!CJK.test(key)) return key;
  let s = placelessMemo.get(key);
  if (s === undefined) {
    s = key;
    for (const p of PLACES) if (s.length > p.length + 1 && s.includes(p)) s = s.replace(p, '');
    if (placelessMemo.size >= MEMO_LIMIT) placelessMemo.clear();
    placelessMemo.set(key, s);
  }
  return s;
}
const placelessMemo = new Map<string, string>();

/** The last characters of CN_LEGAL's words: a name ending in none of them has no legal form to strip. */
const LEGAL_LAST = new Set(CN_LEGAL.map((l) => l.charCodeAt(l.length - 1)));

// A ledger names the same few hundred companies over and over: remember each key (bounded, cleared when full).
const MEMO_LIMIT = 50_000;
const companyMemo = new Map<string, string>();

/**
 * Company key: legal forms (有限公司, Co., Ltd.), bracketed places (（北京）) and leading place names
 * (北京市…) removed, so "广州卓越制造有限公司", "卓越制造有限公司" and "卓越制造（广州）有限公司" agree.
 */
export function companyKey(raw: string): string {
  let key = companyMemo.get(raw);
  if (key === undefined) {
    if (companyMemo.size >= MEMO_LIMIT) companyMemo.clear();
    key = computeCompanyKey(raw);
    companyMemo.set(raw, key);
  }
  return key;
}

function computeCompanyKey(raw: string): string {
  const text = simplified(cleanText(raw)).toLowerCase();
  if (!text || MISSING_COMPANY.has(text)) return '';
  if (CJK.test(text)) {
    let s = text.replace(/\s+/g, '').replace(/[(（][^)）]*[)）]/g, '');
    for (let changed = true; changed && s !== '' && LEGAL_LAST.has(s.charCodeAt(s.length - 1));) {
      changed = false;
      for (const legal of CN_LEGAL) {
        if (s.endsWith(legal) && s.length > legal.length) { s = s.slice(0, -legal.length); changed = true; }
      }
    }
    s = stripPlaces(s);
    return s.replace(/[^\p{L}\p{N}]/gu, '');
  }
  const tokens = text
    .replace(/\([^)]*\)/g, ' ')
    .split(/[\s,.;&/]+/)
    .map((t) => t.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter((t) => t && !LATIN_LEGAL.has(t) && t !== 'and'); // "&" is dropped above: "and" too
  return tokens.join(' ');
}

/** Character bigrams, the unit of similarity for Chinese names (no word breaks). */
function bigrams(text: string): string[] {
  const chars = [...text.replace(/\s+/g, '')];
  if (chars.length < 2) return chars;
  const out: string[] = [];
  for (let i = 0; i < chars.length - 1; i++) out.push((chars[i] ?? '') + (chars[i + 1] ?? ''));
  return out;
}

/** Dice coefficient over character bigrams, 0..1. */
export function bigramSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length === 0 || y.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const g of x) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of y) {
    const c = counts.get(g) ?? 0;
    if (c > 0) { shared++; counts.set(g, c - 1); }
  }
  return (2 * shared) / (x.length + y.length);
}

/** 1 − Levenshtein distance / longer length, over code points; catches one-character typos in short names. */
export function editSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = [...a];
  const y = [...b];
  if (x.length === 0 || y.length === 0) return 0;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return 1 - (prev[y.length] ?? 0) / Math.max(x.length, y.length);
}

/** How alike two name keys are, 0..1: the better of bigram overlap and edit similarity. */
export function nameSimilarity(a: string, b: string): number {
  return Math.max(bigramSimilarity(a, b), editSimilarity(a, b));
}

/**
 * What a column's values look like: the share of its filled cells that are email addresses, valid
 * phone numbers, dates, money amounts, small counts, person names, company names, street addresses,
 * ID numbers, and whether they are a few repeated categories. Read with the engine's own parsers.
 */
import { checkPhone } from '../phone';
import { parseDate } from '../dates';
import { parseAmount } from '../amounts';
import { parseCount } from '../counts';
import { cellText, cleanText, isBlankCell, isExcelError, isMissingText } from '../text';
import { safeCellValue } from '../parseInput';
import { excelSerialToIso } from '../calendar';

export interface ValueProfile {
  /** Filled cells looked at (blanks, missing markers and Excel errors left out). */
  filled: number;
  email: number;
  /** Valid phone numbers (as CN or US numbers, or with a country code). */
  phone: number;
  /** Shaped like a phone number, valid or not (never a date). */
  phoneShaped: number;
  /** Dates: Date cells, date text, yyyymmdd; serial-range numbers only count in `serialLike`. */
  date: number;
  /** Whole numbers in the range of Excel serials of 1950–2100 (dates as Office.js hands them out, or money). */
  serialLike: number;
  /**
   * Numbers that read best as Excel date serials: nearly all of them within a few decades of each other and
   * of today's serials (Office.js hands a date cell over as its serial). Not a veto: the header decides first.
   */
  serialDates: boolean;
  /** Numbers or amount text that are not dates. */
  money: number;
  /** Amount text with a currency sign or word, or numbers with cents. */
  moneyMarked: number;
  /** Whole numbers 0..10000 (counts of orders, ages, sequence numbers). */
  count: number;
  personName: number;
  company: number;
  address: number;
  /** Long digit strings that are not valid phones, or letter-and-digit codes (soc_sec_id, 身份证, rec-12). */
  idLike: number;
  gender: number;
  /** Few distinct short values, each repeated. */
  categories: boolean;
  distinct: number;
  /** Mean length of the values' text. */
  meanLength: number;
  /** Median, least and greatest of the counts, when most values are counts. */
  countMedian: number | null;
  countMin: number | null;
  countMax: number | null;
  /** Median year of the dates, when most values are dates. */
  medianYear: number | null;
  /** Years between the 10th and the 90th percentile of the dates (birth dates spread over decades). */
  yearSpread: number;
  /** ISO dates per looked-at cell index (null when not a date), for order votes between date columns. */
  dates: (string | null)[];
}

/** Common Chinese surnames (simplified and traditional), about nine in ten people; compound ones below. */
const SURNAMES = new Set([...'王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林罗羅高郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖萧蕭田董潘袁蔡蒋蔣余于於杜叶葉程魏苏蘇吕呂丁任卢盧姚沈钟鍾姜崔谭譚陆陸范汪廖石金韦韋贾賈夏付傅方邹鄒熊白孟秦邱侯江尹薛闫閆段雷龙龍黎史陶贺賀毛郝顾顧龚龔邵万萬覃武钱錢戴严嚴莫孔向常汤湯康易乔喬赖賴文施洪辛柯庄莊牛关關聂聶颜顏骆駱岳齐齊欧歐殷季祝葛安伍裴邢左']);
const COMPOUND_SURNAMES = ['欧阳', '歐陽', '司马', '司馬', '诸葛', '諸葛', '上官', '东方', '東方', '皇甫', '慕容', '司徒', '夏侯', '令狐', '尉迟', '长孙'];
/** A person's name: 2–4 Han characters starting with a common surname (王经理 too), or Latin given + family. */
export function isPersonName(s: string): boolean {
  if (/^[\u3400-\u9fff]{2,4}$/.test(s)) {
    const compound = COMPOUND_SURNAMES.some((c) => s.startsWith(c));
    if (!compound && !SURNAMES.has(s[0]!)) return false;
    // 苏州, 武汉市: a place, not a person
    return !COMPANY_CJK.test(s) && !ADDRESS_CJK.test(s) && !/^[\u3400-\u9fff]{1,2}[州市省区區县縣镇]$|^武汉/.test(s);
  }
  const comma = /^\p{Lu}[\p{L}'’-]+,\s*(\p{Lu}[\p{L}'’.-]*)(?:\s+\p{Lu}[\p{L}'’.-]*)?$/u.exec(s); // Wood, John
  if (comma) return isGiven(comma[1]!) && !COMPANY_LATIN.test(s);
  const plain = /^(\p{Lu}[\p{Ll}'’-]+)(?:\s+\p{Lu}\.?)?(?:\s+\p{Lu}[\p{Ll}'’-]+){1,2}$/u.exec(s);
  return plain !== null && isGiven(plain[1]!) && !COMPANY_LATIN.test(s) && !ADDRESS_LATIN.test(s);
}

/** Common given names (English and a few others): what tells a person's "Karen Brown" from a title's "Sales Director". */
const GIVEN_NAMES = new Set(`james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark donald steven paul andrew joshua
kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon
benjamin ben samuel sam gregory alexander alex frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas
zachary peter kyle ethan walter noah jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse
jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby
mason philip louis harry oliver leo luke max tom tony nick mike dan dave chris steve jim bob bill ted
ian neil colin martin simon dev raj amit rahul ali omar ahmed hassan carlos luis miguel pedro ivan igor dmitri
hans klaus pierre jean marc luca marco giovanni paolo kenji hiroshi wei ming mary patricia jennifer linda elizabeth barbara susan
jessica sarah karen lisa nancy betty margaret sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca
sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet
catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith megan andrea cheryl hannah
jacqueline martha gloria teresa ann sara madison frances kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn
danielle beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori carla lucy chloe zoe ella mia ava amelia
lily ruby jane kate claire fiona sophie anne eva nina tina rosa elena irina olga priya anita sunita yuki mei
ling`.split(/\s+/));
const isGiven = (token: string) => GIVEN_NAMES.has(token.toLowerCase().replace(/[.'’]/g, ''));

/** A given name alone ("Carla", "Dev"): what owner columns often hold. */
function isSingleGivenName(s: string): boolean {
  return /^\p{Lu}\p{Ll}{1,11}$/u.test(s) && isGiven(s);
}

const COMPANY_CJK = /公司|有限|集团|集團|股份|企业|企業|工作室|商行|商贸|商貿|厂$|廠$|店$|中心$|事务所|事務所|合作社|研究院|研究所|医院|醫院|学校|學校|银行|銀行|酒店|协会|協會|科技|贸易|貿易/;
const COMPANY_LATIN = /\b(?:ltd|limited|inc|llc|llp|gmbh|co|corp|corporation|company|plc|ag|s\.?a|pty|bv|nv|oy|ab|group|holdings?|trading|industries|enterprises?|partners|associates|studio|solutions|technologies|systems)\b\.?/i;
/** Company-shaped text: a legal form or 公司, 有限, Ltd., Inc., GmbH, Co. */
export function isCompanyName(s: string): boolean {
  return COMPANY_CJK.test(s) || COMPANY_LATIN.test(s);
}

const ADDRESS_CJK = /[路街道巷弄村镇鎮栋棟楼樓室]|号|號|大厦|大廈|小区|小區|园区|園區/;
const ADDRESS_LATIN = /^\d+[a-z]?\s+\S+|\b(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|court|ct|place|pl|way|boulevard|blvd|suite|unit|floor|highway|hwy|crescent|circuit|parade|terrace|close)\b\.?/i;
/** Street-address-shaped text (路, 号, 大厦; 12 Main Street). */
export function isAddress(s: string): boolean {
  if (/[\u3400-\u9fff]/.test(s)) return s.length >= 5 && ADDRESS_CJK.test(s) && !/@/.test(s);
  return s.length >= 6 && ADDRESS_LATIN.test(s) && /[a-z]/i.test(s);
}

const CJK_NUMERIC = /^[约大〇○零一二两兩三四五六七八九十百千万萬亿億共]+[次单單笔筆件回个個元块万萬]?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const EMAIL_LOOSE = /@|＠/;
const PHONE_SHAPE = /^[+(（]?[\d\s\-()（）.+]{7,20}(?:\s*(?:转|ext\.?|x|#)\s*\d{1,6})?$/i;
const GENDER = /^(?:男|女|男性|女性|m|f|male|female|先生|女士|小姐)$/i;
const ID_CODE = /^(?=.*\d)(?=.*[a-z-])[a-z0-9][a-z0-9-]{3,24}$/i;

function textOf(v: unknown): string {
  return cleanText(cellText(v));
}

/** A cell that parses as a date (a number only when it cannot be money: yyyymmdd or a Date). */
function dateOf(v: unknown, text: string): string | null {
  const plain = typeof v === 'object' && v !== null && !(v instanceof Date) ? safeCellValue(v) : v;
  if (plain instanceof Date) return parseDate(plain);
  if (typeof plain === 'number') return plain >= 19000101 && plain <= 21001231 && Number.isInteger(plain) ? parseDate(plain) : null;
  if (/^\d{1,6}$/.test(text)) return null; // a bare small number is a count or an amount
  if (/^\d{8}$/.test(text)) return parseDate(text);
  if (!/\d/.test(text)) return null;
  return parseDate(text) ?? parseDate(text, 'dmy');
}

function isValidPhone(text: string): boolean {
  if (checkPhone(text, 'CN').status === 'valid') return true;
  return !/^\s*[+＋]/.test(text) && checkPhone(text, 'US').status === 'valid';
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** The value profile of one column's cells (pass a sample: a few hundred cells are plenty). */
export function profileValues(cells: readonly unknown[]): ValueProfile {
  let filled = 0;
  let email = 0, phone = 0, phoneShaped = 0, date = 0, serialLike = 0, money = 0, moneyMarked = 0, count = 0;
  let personName = 0, singleName = 0, company = 0, address = 0, idLike = 0, gender = 0, length = 0;
  const counts: number[] = [];
  const years: number[] = [];
  const dates: (string | null)[] = [];
  const serials: (number | null)[] = [];
  const distinct = new Map<string, number>();
  for (const v of cells) {
    if (isBlankCell(v) || isExcelError(v)) { dates.push(null); continue; }
    const text = textOf(v);
    if (!text || isMissingText(text)) { dates.push(null); continue; }
    filled++;
    length += text.length;
    distinct.set(text.toLowerCase(), (distinct.get(text.toLowerCase()) ?? 0) + 1);
    const d = dateOf(v, text);
    dates.push(d);
    if (d) {
      date++;
      years.push(Number(d.slice(0, 4)));
      continue; // a date is nothing else: never a phone, never an amount
    }
    if (EMAIL.test(text.replace(/＠/g, '@').replace(/．/g, '.').replace(/[。,，;；]$/, '')) || (EMAIL_LOOSE.test(text) && !/\s/.test(text))) { email++; continue; }
    const num = typeof v === 'number' ? v : null;
    if (num !== null && Number.isInteger(num) && num >= 18264 && num <= 73051) serialLike++;
    serials[dates.length - 1] = num !== null && num >= 32874 && num <= 51136 ? num : null; // 1990–2040
    const digits = text.replace(/\D/g, '');
    if (PHONE_SHAPE.test(text) && digits.length >= 7 && !/^\d+\.\d{1,2}$/.test(text)) {
      phoneShaped++;
      if (isValidPhone(text)) { phone++; continue; }
      if (/^\d{9,}$/.test(digits) || /^\d{17}[\dx]$/i.test(text) || /^\d{7}$/.test(text)) { idLike++; continue; }
    }
    if (/^\d{17}[\dx]$/i.test(text) || /^\d{9,}$/.test(text) || ID_CODE.test(text) && /\d{2,}/.test(text) && !/\s/.test(text)) { idLike++; continue; }
    // Counts and amounts hold a digit, or are Chinese numerals (三次, 一万二): other text skips both parsers.
    const numeric = typeof v === 'number' || /\d/.test(text) || CJK_NUMERIC.test(text);
    const c = numeric ? parseCount(v) : null;
    const a = numeric ? parseAmount(v) : null;
    if (c !== null && c <= 10000) { count++; counts.push(c); }
    if (a !== null) {
      money++;
      if (typeof v === 'number' ? !Number.isInteger(v) : /[¥$€£元]|rmb|cny|usd|万|,\d{3}/i.test(text)) moneyMarked++;
      continue;
    }
    if (c !== null) continue;
    if (GENDER.test(text)) gender++;
    if (isPersonName(text)) personName++;
    else if (isSingleGivenName(text)) singleName++;
    if (isCompanyName(text)) company++;
    if (isAddress(text)) address++;
  }
  const share = (k: number) => (filled === 0 ? 0 : k / filled);
  const repeated = [...distinct.values()].filter((n) => n >= 2).length;
  const categories = filled >= 6 && distinct.size <= Math.max(3, Math.min(30, filled * 0.35)) && repeated >= Math.min(2, distinct.size) &&
    length / Math.max(1, filled) <= 16 && share(date + money + email + phone) < 0.5;
  const personShare = share(personName) + (categories ? share(singleName) : 0);
  const mostlyCounts = share(count) >= 0.6;
  const countMedian = mostlyCounts ? median(counts) : null;
  const inBand = serials.filter((x): x is number => typeof x === 'number').sort((a, b) => a - b);
  const serialDates = filled >= 5 && share(date) < 0.2 && inBand.length >= 0.8 * filled &&
    inBand[Math.floor(inBand.length * 0.9)]! - inBand[Math.floor(inBand.length * 0.1)]! <= 7305;
  if (serialDates) {
    serials.forEach((x, i) => {
      const iso = typeof x === 'number' ? excelSerialToIso(Math.floor(x)) : null;
      dates[i] = iso;
      if (iso) years.push(Number(iso.slice(0, 4)));
    });
  }
  const medianYear = share(date) >= 0.5 || serialDates ? median(years) : null;
  const sortedYears = [...years].sort((a, b) => a - b);
  const yearSpread = sortedYears.length < 5 ? 0
    : sortedYears[Math.floor(sortedYears.length * 0.9)]! - sortedYears[Math.floor(sortedYears.length * 0.1)]!;
  return {
    filled, email: share(email), phone: share(phone), phoneShaped: share(phoneShaped), date: share(date), serialLike: share(serialLike),
    money: share(money), moneyMarked: share(moneyMarked), count: share(count), personName: Math.min(1, personShare),
    company: share(company), address: share(address), idLike: share(idLike), gender: share(gender), categories,
    serialDates, distinct: distinct.size, meanLength: filled === 0 ? 0 : length / filled, countMedian,
    countMin: mostlyCounts ? Math.min(...counts) : null, countMax: mostlyCounts ? Math.max(...counts) : null, medianYear, yearSpread, dates,
  };
}

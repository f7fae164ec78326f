/**
 * Chinese names by their sound: 姜玮 and 姜伟 are both "jiang wei", typed from the same spoken name.
 * pinyin-pro is pure JavaScript (no DOM, no Node at import); it is called only for pairs of Chinese
 * names that differ, and remembered, because it costs microseconds a name.
 */
import { pinyin } from 'pinyin-pro';

const HAN = /^[\u3400-\u9fff]+$/;
const memo = new Map<string, string>();

/** Toneless pinyin of a name of Chinese characters only (surname readings: 单 = shan), else ''. */
export function pinyinOf(name: string): string {
  if (!HAN.test(name)) return '';
  let out = memo.get(name);
  if (out === undefined) {
    out = pinyin(name, { toneType: 'none', surname: 'head', separator: ' ' });
    if (memo.size > 50_000) memo.clear();
    memo.set(name, out);
  }
  return out;
}

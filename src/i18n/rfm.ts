/** RFM segment names in zh-CN and en-US, as written in the segment column and the summary. */
import type { RfmSegment } from '../core/rfm';
import type { Locale } from './strings';

export const RFM_SEGMENT_WORDS: Record<Locale, Record<RfmSegment, string>> = {
  'en-US': {
    champions: 'Champions', loyal: 'Loyal', potentialLoyalists: 'Potential loyalists', newCustomers: 'New customers',
    promising: 'Promising', needAttention: 'Need attention', aboutToSleep: 'About to sleep', atRisk: 'At risk',
    cannotLose: 'Cannot lose them', hibernating: 'Hibernating',
  },
  'zh-CN': {
    champions: '重要价值客户', loyal: '忠诚客户', potentialLoyalists: '潜力客户', newCustomers: '新客户',
    promising: '有望发展', needAttention: '需要关注', aboutToSleep: '即将沉睡', atRisk: '流失风险',
    cannotLose: '重要挽留客户', hibernating: '沉睡客户',
  },
};

/** "R5 F4 M3": the three scores behind a segment. */
export function rfmScoreText(s: { r: number; f: number; m: number }): string {
  return `R${s.r} F${s.f} M${s.m}`;
}

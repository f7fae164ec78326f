/**
 * Every fill the add-in paints, in one place so no two meanings share a colour. Light fills with dark
 * text of the same hue, each pair at least 4.5:1 (WCAG AA); hues told apart without red–green (red,
 * orange, green, purple, grey, teal, sand). The words in the check and tier columns stay the primary
 * signal: a colour only repeats what the text says.
 */
export interface Swatch { fill: string; fontColor: string }

export const PALETTE = {
  /** Header cells of the add-in's columns and sheets: a neutral grey, apart from every meaning below. */
  header: { fill: '#D9D9D9', fontColor: '#000000' },
  /** An invalid phone or email: light red, dark red text. */
  invalid: { fill: '#FFC7CE', fontColor: '#9C0006' },
  /** A suspect one (a likely typo, a doubtful country code): light orange, dark brown text. */
  suspect: { fill: '#FCD5B4', fontColor: '#833C0C' },
  /** High value tier. */
  high: { fill: '#C6EFCE', fontColor: '#006100' },
  /** Dormant customers: lavender, dark purple text (no longer the suspect amber). */
  dormant: { fill: '#E4DFEC', fontColor: '#5B2C83' },
  /** Lost customers: pale grey, dark grey text. */
  lost: { fill: '#F2F2F2', fontColor: '#595959' },
  /** Duplicate groups, alternating: grey-teal and sand (the user's own font stays; black is assumed). */
  groupOdd: { fill: '#DCEBEA', fontColor: '#000000' },
  groupEven: { fill: '#F3EBD7', fontColor: '#000000' },
} as const satisfies Record<string, Swatch>;

export type PaletteKey = keyof typeof PALETTE;

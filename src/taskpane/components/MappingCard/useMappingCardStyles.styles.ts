import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * One block per field (name and confidence, then the column's list, then the evidence) rather than a
 * three-column table: at 320 px a table squeezed the confidence badge to one letter per line.
 */
export const useMappingCardStyles = makeStyles({
  fields: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalXS },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  badge: { whiteSpace: 'nowrap', flexShrink: 0 },
  evidence: { overflowWrap: 'anywhere' },
  summary: { overflowWrap: 'anywhere' },
});

export type MappingCardStyles = ReturnType<typeof useMappingCardStyles>;

/** "Export for a CRM": the customers as a Zoho or HubSpot CSV, or vCards for a phone, downloaded as a file. */
import { errorMessage } from '../../../addin/errorWording';
import type { ExportCardProps } from './ExportCard.types';
import { renderExportCard } from './renderExportCard';
import { useExportCard } from './useExportCard';
import { useExportCardStyles } from './useExportCardStyles.styles';

export function ExportCard(props: ExportCardProps) {
  const { pane } = props;
  const state = useExportCard({
    host: pane.host, locale: pane.locale, sheet: pane.chosenSheet,
    describeError: (err) => errorMessage(err, pane.locale),
  });
  const styles = useExportCardStyles();
  return renderExportCard(props, state, styles);
}

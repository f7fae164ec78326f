/** "Bring in a list": a picked CSV or .xlsx compared with the ledger, each row's fate chosen, then imported after a backup. */
import { errorMessage } from '../../../addin/errorWording';
import type { ImportCardProps } from './ImportCard.types';
import { renderImportCard } from './renderImportCard';
import { useImportCard } from './useImportCard';
import { useImportCardStyles } from './useImportCardStyles.styles';

export function ImportCard(props: ImportCardProps) {
  const { pane } = props;
  const state = useImportCard({
    host: pane.host, locale: pane.locale, sheet: pane.chosenSheet,
    describeError: (err) => errorMessage(err, pane.locale),
    refresh: () => pane.refresh(),
  });
  const styles = useImportCardStyles();
  return renderImportCard(props, state, styles);
}

/** The task pane: state hook + pure render + styles, inside Fluent's provider with the Office theme (followed while open). */
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { AddinHost } from '../addin/host';
import { renderPane } from './renderPane';
import { usePane } from './usePane';
import { usePaneStyles } from './usePaneStyles';
import { useOfficeTheme } from './useOfficeTheme';

function PaneBody({ host }: { host: AddinHost }) {
  const pane = usePane(host);
  const styles = usePaneStyles();
  return renderPane(pane, styles);
}

export function Pane({ host }: { host: AddinHost }) {
  const name = useOfficeTheme(host);
  return (
    <FluentProvider theme={name === 'dark' ? webDarkTheme : webLightTheme} data-theme={name} style={{ minHeight: '100%' }}>
      <PaneBody host={host} />
    </FluentProvider>
  );
}

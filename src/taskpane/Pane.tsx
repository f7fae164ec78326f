/** The task pane: state hook + pure render + styles, inside Fluent's provider with the Office theme. */
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { PaneHost } from './logic/host';
import { themeOf } from './logic/host';
import { renderPane } from './renderPane';
import { usePane } from './usePane';
import { usePaneStyles } from './usePaneStyles';

function PaneBody({ host }: { host: PaneHost }) {
  const pane = usePane(host);
  const styles = usePaneStyles();
  return renderPane(pane, styles);
}

export function Pane({ host }: { host: PaneHost }) {
  const theme = useMemo(() => (themeOf(host) === 'dark' ? webDarkTheme : webLightTheme), [host]);
  return (
    <FluentProvider theme={theme} style={{ minHeight: '100%' }}>
      <PaneBody host={host} />
    </FluentProvider>
  );
}

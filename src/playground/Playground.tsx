/** The real task pane beside the simulated workbook. */
import { Button, FluentProvider, MessageBar, MessageBarBody, Text, Title3, webLightTheme } from '@fluentui/react-components';
import { FolderOpen20Regular } from '@fluentui/react-icons/svg/folder-open';
import { useRef } from 'react';
import { Pane } from '../taskpane/Pane';
import { Grid } from './Grid';
import { usePlayground } from './usePlayground';
import { usePlaygroundStyles } from './usePlaygroundStyles';

/** ?paneWidth=N: a whole number of pixels from 200 to 2000, else null (the pane's own width). */
export function paneWidthOf(param: string | null): number | null {
  const n = Number(param);
  return param && Number.isInteger(n) && n >= 200 && n <= 2000 ? n : null;
}

export function Playground({ language, paneWidth = null }: { language: string; paneWidth?: number | null }) {
  const pg = usePlayground(language);
  const styles = usePlaygroundStyles();
  const input = useRef<HTMLInputElement | null>(null);
  const { s } = pg;
  return (
    <FluentProvider theme={webLightTheme}>
      <div className={styles.root}>
        <header className={styles.bar}>
          <Title3 as="h1">{s.playgroundTitle}</Title3>
          <Text size={200} className={styles.grow}>{s.playgroundNote}{pg.fileName ? ` · ${pg.fileName}` : ''}</Text>
          <input ref={input} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className={styles.hidden}
            aria-label={s.openFile} data-testid="file-input" onChange={(e) => { const f = e.currentTarget.files?.[0]; if (f) void pg.openFile(f); e.currentTarget.value = ''; }} />
          <Button icon={<FolderOpen20Regular />} onClick={() => input.current?.click()}>{s.openFile}</Button>
          <Button appearance="subtle" onClick={pg.loadSample}>{s.loadSample}</Button>
        </header>
        {pg.error ? <MessageBar intent="error"><MessageBarBody>{pg.error}</MessageBarBody></MessageBar> : null}
        <div className={styles.main}>
          <Grid pg={pg.pg} version={pg.version} s={s} />
          <aside className={styles.pane} aria-label={s.appTitle} data-testid="pane-container"
            style={paneWidth ? { width: `${paneWidth}px` } : undefined}>
            <Pane key={pg.generation} host={pg.pg.host} />
          </aside>
        </div>
      </div>
    </FluentProvider>
  );
}

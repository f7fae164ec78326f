import { Button, Card, Text } from '@fluentui/react-components';
import { ChevronDown20Regular } from '@fluentui/react-icons/svg/chevron-down';
import { ChevronRight20Regular } from '@fluentui/react-icons/svg/chevron-right';
import type { CollapsibleCardState } from './CollapsibleCard.types';
import type { CollapsibleCardStyles } from './useCollapsibleCardStyles.styles';

export function renderCollapsibleCard(state: CollapsibleCardState, styles: CollapsibleCardStyles) {
  const { open, bodyId } = state;
  return (
    <Card className={styles.card} role="region" aria-labelledby={state.titleId} aria-busy={state.busy ? 'true' : 'false'} {...state.data}>
      <div className={styles.header}>
        <Button className={styles.toggle} appearance="transparent" size="small" icon={open ? <ChevronDown20Regular /> : <ChevronRight20Regular />}
          aria-expanded={open} aria-controls={bodyId} aria-label={state.toggleLabel} onClick={state.toggle} />
        {/* Clicking the title toggles too (mouse only: the button before it is the keyboard's way). */}
        <Text as="h2" weight="semibold" id={state.titleId} className={styles.title} onClick={state.toggle}>{state.title}</Text>
      </div>
      {state.summary}
      {/* The hidden attribute sits on a wrapper with no display of its own, so no style can override it. */}
      <div id={bodyId} hidden={!open}>
        <div className={styles.body}>{state.children}</div>
      </div>
    </Card>
  );
}

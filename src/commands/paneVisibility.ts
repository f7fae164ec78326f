/**
 * Is the pane showing? Asked after a ribbon click, to decide whether to open it for the result.
 *
 * Only Office's own word counts: Office.addin.onVisibilityModeChanged (SharedRuntime 1.1) saying
 * 'Taskpane', and not contradicted by the page being hidden now. The page's own visibility alone proves
 * nothing: a runtime a ribbon click started without the pane can report itself 'visible'. Before the
 * first event the answer is "not known to be showing", so the pane is opened — which does nothing
 * when it is already open.
 */
import type { AddinPaneControl } from '../addin/host';

export class PaneVisibility {
  /** The last mode Office reported; null before any event. */
  private mode: string | null = null;

  constructor(private readonly pageHidden: () => boolean = documentHidden) {}

  /** Office's event. */
  reported(mode: string): void {
    this.mode = mode;
  }

  /** Showing for certain: Office said so and the page is not hidden. */
  showing(): boolean {
    return this.mode === 'Taskpane' && !this.pageHidden();
  }
}

function documentHidden(): boolean {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}

const byOffice = new WeakMap<object, PaneVisibility>();

/** Starts following Office's visibility events for this Office object (once); returns the tracker. */
export function trackPaneVisibility(office: object & { addin?: AddinPaneControl }, pageHidden?: () => boolean): PaneVisibility {
  let tracker = byOffice.get(office);
  if (tracker) return tracker;
  tracker = new PaneVisibility(pageHidden);
  byOffice.set(office, tracker);
  const follow = tracker;
  try {
    office.addin?.onVisibilityModeChanged?.((e) => follow.reported(e.visibilityMode))?.catch(() => undefined);
  } catch {
    // No SharedRuntime 1.1 here: never known to be showing.
  }
  return tracker;
}

/** The tracker for this Office object; one that knows nothing when none was started. */
export function paneVisibilityOf(office: object): PaneVisibility {
  return byOffice.get(office) ?? new PaneVisibility();
}

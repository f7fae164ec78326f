/// <reference types="office-js" />
/**
 * One Excel.run with our own watchdog (on the web a sync can hang without ever settling) and sync
 * counting for progress.
 */
import { WorkbookError } from '../port';
import { toWorkbookError } from './errors';

export interface ExcelRunner {
  run: typeof Excel.run;
}

/** The request context of one batch and what it has done so far. */
export class Session {
  syncs = 0;
  /** What the adapter is doing, for error messages (op kinds and sheet names only, never cell data). */
  doing: string;

  constructor(
    readonly context: Excel.RequestContext,
    doing: string,
    private readonly activity: () => void,
    private readonly onSync: (syncs: number) => void,
  ) {
    this.doing = doing;
  }

  /** Sends everything queued. Every sync of the adapter goes through here. */
  async sync(): Promise<void> {
    this.activity();
    await this.context.sync();
    this.syncs++;
    this.activity();
    this.onSync(this.syncs);
  }
}

/**
 * Runs `batch` inside Excel.run. Fails with WorkbookError('host') when Excel stays silent for
 * `timeoutMs` (no sync settles): the timer restarts at every sync, so a long batch of many syncs is
 * fine while one sync that hangs is not. Office errors are mapped to WorkbookError codes.
 */
export async function runBatch<T>(
  excel: ExcelRunner,
  timeoutMs: number,
  doing: string,
  batch: (s: Session) => Promise<T>,
  onSync: (syncs: number) => void = () => undefined,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let session: Session | undefined;
  let fail: (e: unknown) => void = () => undefined;
  const silence = new Promise<never>((_, reject) => {
    fail = reject;
  });
  const arm = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      const what = session?.doing ?? doing;
      fail(new WorkbookError('host', `${what}: Excel did not answer within ${Math.round(timeoutMs / 1000)} s.`));
    }, timeoutMs);
  };
  arm();
  const work = excel.run(async (context: Excel.RequestContext) => {
    session = new Session(context, doing, arm, onSync);
    return batch(session);
  });
  // After a timeout nobody awaits `work` any more; keep its late failure from going unhandled.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, silence]);
  } catch (e) {
    throw toWorkbookError(e, session?.doing ?? doing);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

import type { GatewayApi } from './api.js';

/** What a route shows; `dispose` stops its timers and streams when the user leaves it. */
export interface View {
  readonly element: HTMLElement;
  dispose(): void;
}

export interface ViewContext {
  readonly api: GatewayApi;
  /** Shows a failed call: the sign-in form for a missing or wrong key, else a message. */
  report(error: unknown): void;
}

/**
 * Calls `refresh` now and then every `intervalMs` until stopped, one call at a time, reporting
 * failures and carrying on (a gateway restart should not need a page reload).
 */
export function poll(refresh: () => Promise<void>, intervalMs: number, report: (error: unknown) => void): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const tick = async () => {
    try {
      await refresh();
    } catch (error) {
      if (!stopped) report(error);
    }
    if (!stopped) timer = setTimeout(() => void tick(), intervalMs);
  };
  void tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** What to show of a failure: its message. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

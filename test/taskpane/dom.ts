/** What the pane's component tests share about jsdom: a ResizeObserver stand-in, and finding a card. */
import { screen } from '@testing-library/react';

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResizeObserver;

/** An action card (a region named by its title). */
export const card = (name: string) => screen.getByRole('region', { name });

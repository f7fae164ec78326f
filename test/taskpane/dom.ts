/** What the pane's component tests share about jsdom: a ResizeObserver stand-in, finding a card, opening a collapsed one. */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResizeObserver;

/** An action card (a region named by its title). */
export const card = (name: string) => screen.getByRole('region', { name });

/** A card's disclosure button ("Settings: details", "「设置」详情"). */
export const toggleOf = (region: HTMLElement) => within(region).getByRole('button', { name: /: details$|」详情$/ });

/** Opens a collapsed card (cards other than the columns and the next step start collapsed) and returns it. */
export async function expand(region: HTMLElement): Promise<HTMLElement> {
  const toggle = toggleOf(region);
  if (toggle.getAttribute('aria-expanded') !== 'true') await userEvent.click(toggle);
  return region;
}

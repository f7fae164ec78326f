/** @jest-environment jsdom */
/** The pane follows the Office theme while it is open: the host's event, focus/visibility, and the poll. */
import { act, renderHook } from '@testing-library/react';
import type { AddinHost } from '../../src/addin/host';
import { THEME_POLL_MS, useOfficeTheme } from '../../src/taskpane/useOfficeTheme';

function fakeHost(color: string) {
  const handlers: (() => void)[] = [];
  const removed: (() => void)[] = [];
  const context = {
    officeTheme: { bodyBackgroundColor: color },
    document: {
      addHandlerAsync: (type: string, h: () => void) => { if (type === 'officeThemeChanged') handlers.push(h); },
      removeHandlerAsync: (_type: string, o: { handler: () => void }) => { removed.push(o.handler); },
    },
  };
  const host = { Excel: {}, Office: { EventType: { OfficeThemeChanged: 'officeThemeChanged' }, context } } as unknown as AddinHost;
  return { host, context, handlers, removed };
}

describe('useOfficeTheme', () => {
  afterEach(() => jest.useRealTimers());

  it('starts from the theme Office reports (dark body background → dark)', () => {
    expect(renderHook(() => useOfficeTheme(fakeHost('#262626').host)).result.current).toBe('dark');
    expect(renderHook(() => useOfficeTheme(fakeHost('#FFFFFF').host)).result.current).toBe('light');
  });

  it("follows the host's theme-changed event, and removes its handler when the pane goes", () => {
    const f = fakeHost('#FFFFFF');
    const { result, unmount } = renderHook(() => useOfficeTheme(f.host));
    expect(f.handlers).toHaveLength(1);
    f.context.officeTheme.bodyBackgroundColor = '#1f1f1f';
    act(() => f.handlers[0]!());
    expect(result.current).toBe('dark');
    unmount();
    expect(f.removed).toEqual([f.handlers[0]]);
  });

  it('re-reads the theme when the pane gets focus (hosts without the event)', () => {
    const f = fakeHost('#FFFFFF');
    const { result } = renderHook(() => useOfficeTheme(f.host));
    f.context.officeTheme.bodyBackgroundColor = '#000000';
    expect(result.current).toBe('light');
    act(() => { window.dispatchEvent(new Event('focus')); });
    expect(result.current).toBe('dark');
  });

  it('and every few seconds, without any Excel request', () => {
    jest.useFakeTimers();
    const f = fakeHost('#000000');
    const { result } = renderHook(() => useOfficeTheme(f.host));
    f.context.officeTheme.bodyBackgroundColor = '#F3F3F3';
    act(() => { jest.advanceTimersByTime(THEME_POLL_MS - 1); });
    expect(result.current).toBe('dark');
    act(() => { jest.advanceTimersByTime(1); });
    expect(result.current).toBe('light');
  });
});

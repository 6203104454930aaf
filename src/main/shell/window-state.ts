import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, type BrowserWindow, type Rectangle } from 'electron';

interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

const DEFAULT_STATE: WindowState = { bounds: { x: 0, y: 0, width: 1280, height: 860 }, maximized: false };

/** Last window size and position from `dir`, if it is still on a connected screen. */
export function loadWindowState(dir: string): WindowState & { restored: boolean } {
  try {
    const state = JSON.parse(readFileSync(join(dir, 'window-state.json'), 'utf8')) as WindowState;
    const { bounds } = state;
    const visible = screen.getAllDisplays().some((d) => {
      const a = d.workArea;
      return bounds.x < a.x + a.width && bounds.x + bounds.width > a.x && bounds.y < a.y + a.height && bounds.y + bounds.height > a.y;
    });
    if (visible && bounds.width >= 400 && bounds.height >= 300) return { ...state, restored: true };
  } catch {
    // first run or an unreadable file: use the default
  }
  return { ...DEFAULT_STATE, restored: false };
}

/** Remember the window's size and position when it closes. */
export function trackWindowState(win: BrowserWindow, dir: string): void {
  win.on('close', () => {
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    try {
      writeFileSync(join(dir, 'window-state.json'), JSON.stringify(state));
    } catch {
      // not being able to remember the window is not worth interrupting a quit
    }
  });
}

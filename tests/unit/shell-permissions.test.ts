import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { installPermissionPolicy, type PermissionSession } from '../../src/main/shell/permissions';

/** Every permission name the installed Electron can ask its request handler about, read from its own type declarations. */
function electronPermissionNames(): string[] {
  const types = readFileSync(join(import.meta.dirname, '..', '..', 'node_modules', 'electron', 'electron.d.ts'), 'utf8');
  const at = types.indexOf('setPermissionRequestHandler(handler');
  expect(at, 'setPermissionRequestHandler is declared').toBeGreaterThan(0);
  const union = /permission: ((?:'[^']+'(?: \| )?)+)/.exec(types.slice(at))?.[1] ?? '';
  return [...union.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
}

/** A stand-in session recording what the policy installs. */
function standInSession() {
  const handlers: Record<string, (...args: never[]) => unknown> = {};
  const session = {
    setPermissionRequestHandler: (fn: never) => (handlers.request = fn),
    setPermissionCheckHandler: (fn: never) => (handlers.check = fn),
    setDevicePermissionHandler: (fn: never) => (handlers.device = fn),
    setDisplayMediaRequestHandler: (fn: never) => (handlers.displayMedia = fn),
    on: (event: string, fn: never) => (handlers[event] = fn),
  };
  return { session: session as unknown as PermissionSession, handlers: handlers as Record<string, (...args: unknown[]) => unknown> };
}

describe('the shell’s permission policy', () => {
  const names = electronPermissionNames();

  it('knows the permissions this Electron can ask about', () => {
    expect(names.length).toBeGreaterThan(30);
    expect(names).toEqual(expect.arrayContaining(['media', 'geolocation', 'notifications', 'midi', 'midiSysex', 'hid', 'serial', 'usb', 'clipboard-read', 'display-capture', 'openExternal', 'fullscreen', 'pointerLock']));
  });

  it('denies every permission request and check', () => {
    const { session, handlers } = standInSession();
    installPermissionPolicy(session);
    for (const permission of names) {
      const answers: boolean[] = [];
      handlers.request!({}, permission, (granted: boolean) => answers.push(granted), {});
      expect(answers, permission).toEqual([false]);
      expect(handlers.check!({}, permission, 'newsroom://app', {}), permission).toBe(false);
    }
  });

  it('gives no device, no screen capture, and picks nothing in device choosers', () => {
    const { session, handlers } = standInSession();
    installPermissionPolicy(session);
    expect(handlers.device!({ deviceType: 'usb', origin: 'newsroom://app' })).toBe(false);
    const streams: unknown[] = [];
    handlers.displayMedia!({}, (s: unknown) => streams.push(s));
    expect(streams).toEqual([null]);
    for (const [event, args] of [
      ['select-hid-device', [{ deviceList: [{ deviceId: 'k' }] }]],
      ['select-serial-port', [[{ portId: 'p' }], {}]],
      ['select-usb-device', [{ deviceList: [{ deviceId: 'u' }] }]],
    ] as const) {
      let prevented = false;
      const chosen: unknown[] = [];
      handlers[event]!({ preventDefault: () => (prevented = true) }, ...args, (id?: unknown) => chosen.push(id));
      expect(prevented, event).toBe(true);
      expect(chosen, event).toHaveLength(1);
      expect([undefined, null, ''], event).toContain(chosen[0]);
    }
  });
});

import type { Session } from 'electron';

/**
 * Web permissions the app uses: none. Paste reads the paste event's own
 * clipboard data (no `clipboard-read`), copying goes through the editor's copy
 * event (no `clipboard-sanitized-write`), links open in the system browser
 * through the window's open handler (no `openExternal` by permission), spell
 * checking and the window's full-screen menu item are not web permissions.
 * A permission is added here only when a feature needs it, with the reason.
 */
export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set<string>();

/** Whether the page may have `permission`. */
export function isPermissionGranted(permission: string): boolean {
  return GRANTED_PERMISSIONS.has(permission);
}

/** The parts of a session the policy sets: Electron's `Session`, or a stand-in in tests. */
export type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'setDisplayMediaRequestHandler' | 'on'>;

/**
 * Deny the page every permission it does not use (camera, microphone,
 * geolocation, notifications, MIDI, clipboard reading, screen capture, HID,
 * serial and USB devices, opening other applications…). Electron grants most
 * of them by default; a page that was tricked into running code (a hostile
 * package, a pasted document) must find them closed. Both the request handler
 * (asking) and the check handler (`navigator.permissions.query`, device
 * access) answer from {@link isPermissionGranted}; device pickers choose nothing.
 */
export function installPermissionPolicy(session: PermissionSession): void {
  session.setPermissionRequestHandler((_webContents, permission, callback) => callback(isPermissionGranted(permission)));
  session.setPermissionCheckHandler((_webContents, permission) => isPermissionGranted(permission));
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback(null);
  });
  session.on('select-serial-port', (event, _ports, _webContents, callback) => {
    event.preventDefault();
    callback('');
  });
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
}

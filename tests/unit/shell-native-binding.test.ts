import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { electronSqliteBinding } from '../../src/main/shell/native-binding';
import { tempDir } from '../support/temp';

const ADDON = ['better-sqlite3', 'build', 'Release', 'better_sqlite3.node'];
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** A temporary folder holding an addon file at `relative`; returns the folder. */
function folderWith(...relative: string[]): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const file = join(t.dir, ...relative);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, 'addon');
  return t.dir;
}

describe('finding better-sqlite3’s Electron build', () => {
  it('in a packaged app: unpacked beside the app archive in its resources', () => {
    const resources = folderWith('app.asar.unpacked', 'node_modules', ...ADDON);
    const found = electronSqliteBinding({ packaged: true, resourcesPath: resources, appPath: join(resources, 'app.asar'), electronVersion: '45.5.0' });
    expect(found).toBe(join(resources, 'app.asar.unpacked', 'node_modules', ...ADDON));
  });

  it('in development: the copy npm start builds for this Electron version', () => {
    const project = folderWith('node_modules', '.cache', 'newsroom-electron', '45.5.0', 'node_modules', ...ADDON);
    // The Node build in node_modules must not be taken: it has the wrong ABI.
    mkdirSync(join(project, 'node_modules', 'better-sqlite3', 'build', 'Release'), { recursive: true });
    writeFileSync(join(project, 'node_modules', ...ADDON), 'node build');
    const found = electronSqliteBinding({ packaged: false, resourcesPath: '/nowhere', appPath: project, electronVersion: '45.5.0' });
    expect(found).toBe(join(project, 'node_modules', '.cache', 'newsroom-electron', '45.5.0', 'node_modules', ...ADDON));
  });

  it('says where it looked when the build is missing', () => {
    const project = folderWith('node_modules', '.cache', 'newsroom-electron', '44.0.0', 'node_modules', ...ADDON);
    expect(() => electronSqliteBinding({ packaged: false, resourcesPath: '/nowhere', appPath: project, electronVersion: '45.5.0' })).toThrow(
      /not been built .*newsroom-electron[/\\]45\.5\.0.*npm start/,
    );
    expect(() => electronSqliteBinding({ packaged: true, resourcesPath: project, appPath: project, electronVersion: '45.5.0' })).toThrow(/missing from this installation .*app\.asar\.unpacked/);
  });
});

describe('the Electron entry point', () => {
  it('loads the database driver it found and closes permissions before opening the database', async () => {
    const project = folderWith('node_modules', '.cache', 'newsroom-electron', '45.5.0', 'node_modules', ...ADDON);
    const calls: string[] = [];
    const permissionHandlers: string[] = [];
    let ready!: () => void;
    const whenReady = new Promise<void>((resolve) => (ready = resolve));
    vi.resetModules();
    vi.doMock('electron', () => ({
      app: {
        isPackaged: false,
        getAppPath: () => project,
        requestSingleInstanceLock: () => true,
        whenReady: () => whenReady,
        on: () => undefined,
        getPath: () => project,
        getLocale: () => 'vi',
        exit: (code: number) => calls.push(`exit ${code}`),
        quit: () => calls.push('quit'),
      },
      dialog: { showErrorBox: (_title: string, message: string) => calls.push(`error: ${message}`) },
      session: {
        defaultSession: {
          setPermissionRequestHandler: () => permissionHandlers.push('request'),
          setPermissionCheckHandler: () => permissionHandlers.push('check'),
          setDevicePermissionHandler: () => permissionHandlers.push('device'),
          setDisplayMediaRequestHandler: () => permissionHandlers.push('display'),
          on: (event: string) => permissionHandlers.push(event),
        },
      },
      protocol: { registerSchemesAsPrivileged: () => undefined },
    }));
    const useNativeBinding = vi.fn();
    vi.doMock('../../src/main/core/db/driver', () => ({ useNativeBinding }));
    vi.doMock('../../src/main/shell/open-database', () => ({
      openCoreWithRecovery: () => {
        calls.push(`open database after permissions: ${permissionHandlers.join(',')}`);
        return Promise.resolve(null);
      },
    }));
    // The process as Electron's main process sees it.
    const electronProcess = { versions: { ...process.versions, electron: '45.5.0' }, argv: ['electron', '.'], resourcesPath: '/nowhere' };
    vi.stubGlobal(
      'process',
      new Proxy(process, { get: (target, key) => (key in electronProcess ? electronProcess[key as keyof typeof electronProcess] : Reflect.get(target, key)) }),
    );
    try {
      await import('../../src/main/index');
      expect(useNativeBinding).toHaveBeenCalledWith(join(project, 'node_modules', '.cache', 'newsroom-electron', '45.5.0', 'node_modules', ...ADDON));
      ready();
      await vi.waitFor(() => expect(calls).toContain('exit 1'));
      expect(calls[0]).toBe('open database after permissions: request,check,device,display,select-hid-device,select-serial-port,select-usb-device');
    } finally {
      vi.unstubAllGlobals();
      vi.doUnmock('electron');
      vi.doUnmock('../../src/main/core/db/driver');
      vi.doUnmock('../../src/main/shell/open-database');
      vi.resetModules();
    }
  });
});

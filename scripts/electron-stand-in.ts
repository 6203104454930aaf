// A stand-in for Electron's unpacked distribution, for laying out the package on a
// machine that cannot download Electron: electron-builder copies the folder given
// as `electronDist`, renames its `electron` executable and flips its fuses. The
// fuses step looks for the sentinel the real binary carries, followed by the fuse
// wire (version 1, its length, one state byte per fuse); the states here are the
// real binary's defaults, so every fuse the release configures must be flipped.
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FuseState, SENTINEL } from '@electron/fuses/dist/constants.js';

/** Electron's default fuse states, in wire order (RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect, EmbeddedAsarIntegrity, OnlyLoadAppFromAsar, BrowserV8Snapshot, FileProtocolPrivileges). */
export const DEFAULT_WIRE = [FuseState.ENABLE, FuseState.DISABLE, FuseState.ENABLE, FuseState.ENABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.ENABLE];

/** Write the stand-in into `dir` (emptied first); returns `dir`. */
export function writeElectronStandIn(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const executable = join(dir, 'electron');
  const script = Buffer.from('#!/bin/sh\necho "Electron stand-in: this folder only proves the package layout." >&2\nexit 1\n# ');
  writeFileSync(executable, Buffer.concat([script, Buffer.from(SENTINEL, 'latin1'), Buffer.from([1, DEFAULT_WIRE.length, ...DEFAULT_WIRE]), Buffer.from('\n')]));
  chmodSync(executable, 0o755);
  return dir;
}

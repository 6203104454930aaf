#!/usr/bin/env node
// `node scripts/icons.mjs`: renders build/icon.svg (the one drawn source) into the
// PNGs electron-builder takes: build/icon.png (1024 px; it derives the Windows
// .ico and the macOS .icns from it) and build/icons/<N>x<N>.png (the Linux set).
// Run it after changing the SVG and commit the PNGs.
import { mkdirSync, readFileSync } from 'node:fs';
import sharp from 'sharp';

const svg = readFileSync('build/icon.svg');
const render = (size, file) => sharp(svg, { density: (72 * size) / 1024 }).resize(size, size).png({ compressionLevel: 9 }).toFile(file);

mkdirSync('build/icons', { recursive: true });
await render(1024, 'build/icon.png');
for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) await render(size, `build/icons/${size}x${size}.png`);
console.log('build/icon.png and build/icons/*.png written');

import { readSetting, writeSetting } from './stored';

/** 'system' follows the operating system's light/dark setting (`prefers-color-scheme`). */
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

const THEME_KEY = 'newsroom.theme';

/** The remembered theme choice ('system' when none or unreadable). */
export function storedTheme(): ThemeChoice {
  const stored = readSetting(THEME_KEY);
  return (THEME_CHOICES as readonly string[]).includes(stored ?? '') ? (stored as ThemeChoice) : 'system';
}

/**
 * Apply a theme choice to the page. The palette in `styles/app.css` is written
 * once with `light-dark()`, so the only switch is the root's `color-scheme`:
 * `data-theme` pins it to light or dark, and without it the system decides.
 */
export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
}

/** Apply and remember. */
export function chooseTheme(choice: ThemeChoice): void {
  applyTheme(choice);
  writeSetting(THEME_KEY, choice);
}

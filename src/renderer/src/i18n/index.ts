import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { vi } from './vi';
import { en } from './en';

export type UiLanguage = 'vi' | 'en';
const STORAGE_KEY = 'newsroom.uiLanguage';

/** Vietnamese when the user chose it, or when the system/browser locale is Vietnamese; English otherwise. */
export function preferredLanguage(): UiLanguage {
  const chosen = safeStorageGet(STORAGE_KEY);
  if (chosen === 'vi' || chosen === 'en') return chosen;
  const locales = navigator.languages?.length ? navigator.languages : [navigator.language];
  return locales[0]?.toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

/** Switch the UI language and remember the choice on this machine. */
export async function setUiLanguage(language: UiLanguage): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage can be unavailable (private mode); the switch still applies to this session.
  }
  await i18next.changeLanguage(language);
}

function safeStorageGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Initialise i18next once, before the first render. */
export function initI18n(): typeof i18next {
  const lng = preferredLanguage();
  void i18next.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes already.
    returnNull: false,
    initAsync: false,
  });
  document.documentElement.lang = lng;
  i18next.on('languageChanged', (l) => {
    document.documentElement.lang = l;
  });
  return i18next;
}

// The UI language: Chinese by default, English on request, kept per workstation (localStorage, the
// renderer's own storage; nothing leaves the machine). Switching also switches antd's built-in texts
// (pagination, date pickers, empty states) and dayjs's month and weekday names.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ConfigProvider, type ThemeConfig } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { translate, type Lang, type Params } from './format';
import { DOMAIN_LABELS } from './domain';
import type { MessageKey } from './zh';

const STORAGE_KEY = 'da.language';

/**
 * English puts a Latin font before the Chinese ones: the Chinese fonts draw quotes and apostrophes
 * (“Good”, year’s) full width, which reads as a gap in English text. Chinese text still falls
 * through to the Chinese fonts. Windows has Segoe UI; elsewhere the stack is unchanged.
 */
const LATIN_FIRST = '"Segoe UI", ';

function themeFor(lang: Lang, theme: ThemeConfig): ThemeConfig {
  const base = theme.token?.fontFamily;
  if (lang !== 'en' || !base) return theme;
  return { ...theme, token: { ...theme.token, fontFamily: LATIN_FIRST + base } };
}

function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

interface LanguageApi {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, params?: Params): string;
}

const LanguageContext = createContext<LanguageApi>({
  lang: 'zh',
  setLang: () => undefined,
  t: (key, params) => translate('zh', key, params),
});

export function LanguageProvider({ theme, children }: { theme: ThemeConfig; children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  const setLang = useCallback((next: Lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // storage refused (a locked-down profile): the choice lasts for this window only
    }
    setLangState(next);
  }, []);
  // Set during render as well as in the effect, so the first paint's dates use the right locale.
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const api = useMemo<LanguageApi>(
    () => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }),
    [lang, setLang],
  );
  return (
    <LanguageContext.Provider value={api}>
      <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={themeFor(lang, theme)}>
        {children}
      </ConfigProvider>
    </LanguageContext.Provider>
  );
}

export const useLanguage = () => useContext(LanguageContext);
/** The label function of the current language. */
export const useT = () => useContext(LanguageContext).t;
/** The stored codes' names (ratings, stages, roles) in the current language. */
export const useDomainLabels = () => DOMAIN_LABELS[useContext(LanguageContext).lang];

// 中文 / English, in the side bar and on the sign-in screen.
import { Segmented } from 'antd';
import { useLanguage } from './language';
import type { Lang } from './format';

export function LanguageSwitch() {
  const { lang, setLang, t } = useLanguage();
  return (
    <Segmented<Lang>
      size="small"
      aria-label={t('lang.label')}
      data-testid="language-switch"
      value={lang}
      onChange={setLang}
      options={[
        { value: 'zh', label: t('lang.zh') },
        { value: 'en', label: t('lang.en') },
      ]}
    />
  );
}

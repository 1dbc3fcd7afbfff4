// The year's reading of the 事业单位 sanction rows: one of two presets, each shown with the text of
// its rows, so the office sees what it chooses. Choosing swaps the rows in the table below at once
// (the same swap core makes on save).
import { Radio, Typography } from 'antd';
import {
  INSTITUTION_PRESET_INFO,
  INSTITUTION_SANCTION_PRESETS,
  withInstitutionPreset,
  type InstitutionSanctionPreset,
} from '@shared/settings/institution-presets';
import type { YearSettings } from '@shared/settings/year-settings';
import { Row } from './fields';
import { useT } from '../../i18n/language';
import type { MessageKey } from '../../i18n/zh';

export function InstitutionPresetRow({
  settings,
  disabled,
  onChange,
}: {
  settings: YearSettings;
  disabled: boolean;
  onChange(next: Pick<YearSettings, 'institutionSanctionPreset' | 'eligibilityRules'>): void;
}) {
  const t = useT();
  const effectText = (e: string) => t(`elig.effect.${e}` as MessageKey);
  const choose = (preset: InstitutionSanctionPreset) =>
    onChange({
      institutionSanctionPreset: preset,
      eligibilityRules: withInstitutionPreset(settings.eligibilityRules, preset),
    });
  return (
    <Row label={t('preset.label')}>
      <Radio.Group
        aria-label={t('preset.label')}
        disabled={disabled}
        value={settings.institutionSanctionPreset}
        onChange={(e) => choose(e.target.value as InstitutionSanctionPreset)}
        style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
      >
        {INSTITUTION_SANCTION_PRESETS.map((p) => {
          const info = INSTITUTION_PRESET_INFO[p];
          return (
            <Radio key={p} value={p}>
              <Typography.Text strong>{info.title}</Typography.Text>
              {p === '2023' ? <Typography.Text type="secondary">{t('preset.default')}</Typography.Text> : null}
              <ul style={{ margin: '2px 0 0', paddingLeft: 18 }} data-testid={`preset-rows-${p}`}>
                {info.rows.map((r) => (
                  <li key={r.id}>
                    {r.label} — {effectText(r.effect)}
                  </li>
                ))}
                {info.shared.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </Radio>
          );
        })}
      </Radio.Group>
    </Row>
  );
}

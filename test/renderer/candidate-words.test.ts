// The candidates view reads the engine's Chinese words back to codes: each period rating, grade (civil
// servant and institution wording) and outcome is named in English, Chinese keeps the engine's word,
// and a word not known is shown as written.
import { describe, expect, it } from 'vitest';
import { DOMAIN_LABELS } from '../../renderer/src/i18n/domain';
import { translate } from '../../renderer/src/i18n/format';
import { ratingColor, ratingText, resultText } from '../../renderer/src/pages/yearend/candidate-ratings';
import type { MessageKey } from '../../renderer/src/i18n/zh';

const tEn = (key: MessageKey, params?: Record<string, string | number>) => translate('en', key, params);
const tZh = (key: MessageKey, params?: Record<string, string | number>) => translate('zh', key, params);

describe('candidate words', () => {
  it('names period ratings in the UI language and colours them by code', () => {
    expect(ratingText(tEn, DOMAIN_LABELS.en, '较好')).toBe('Fairly good');
    expect(ratingText(tEn, DOMAIN_LABELS.en, '较好', true)).toBe('Fair');
    expect(ratingText(tEn, DOMAIN_LABELS.en, '未评')).toBe('Not rated');
    expect(ratingText(tZh, DOMAIN_LABELS.zh, '一般')).toBe('一般');
    expect(ratingColor('好')).toBe('red');
    expect(ratingColor('未评')).toBe('default');
  });

  it('names grades and outcomes in English, keeps Chinese and unknown words as written', () => {
    expect(resultText(DOMAIN_LABELS.en, '优秀')).toBe('Excellent');
    expect(resultText(DOMAIN_LABELS.en, '基本合格')).toBe('Basically competent');
    expect(resultText(DOMAIN_LABELS.en, '暂缓确定等次')).toBe('Deferred');
    expect(resultText(DOMAIN_LABELS.zh, '称职')).toBe('称职');
    expect(resultText(DOMAIN_LABELS.en, '某种新结果')).toBe('某种新结果');
  });
});

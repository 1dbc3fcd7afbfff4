// The viewer's labels in the chosen language: the action, object and permission names come from
// shared/audit/labels.ts (zh and en side by side there, the core prints the Chinese ones in the
// export); the outcome colours and the field names of the before/after copies are the viewer's.
import { auditActionLabel, auditActionLabelEn, auditEntityLabel, auditEntityLabelEn } from '@shared/audit/labels';
import { useMemo } from 'react';
import { useLanguage } from '../../i18n/language';
import type { MessageKey } from '../../i18n/zh';
import { auditZh } from '../../i18n/pages/audit';

export const OUTCOMES = ['ok', 'denied', 'failed'] as const;
export const OUTCOME_COLORS: Record<string, string> = { ok: 'green', denied: 'red', failed: 'orange' };

const isKey = (key: string): key is MessageKey & keyof typeof auditZh => Object.hasOwn(auditZh, key);

export function useAuditLabels() {
  const { lang, t } = useLanguage();
  return useMemo(() => {
    const en = lang === 'en';
    return {
      action: (code: string) => (en ? auditActionLabelEn(code) : auditActionLabel(code)),
      entity: (code: string) => (en ? auditEntityLabelEn(code) : auditEntityLabel(code)),
      outcome: (code: string) => {
        const key = `audit.outcome.${code}`;
        return isKey(key) ? t(key) : code;
      },
      /** A field of the before/after copies under its name; any other shows under its own code. */
      field: (name: string) => {
        const key = `audit.field.${name}`;
        return isKey(key) ? t(key) : name;
      },
    };
  }, [lang, t]);
}

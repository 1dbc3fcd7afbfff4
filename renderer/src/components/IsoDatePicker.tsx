// A calendar date field for forms whose value is an ISO date string ('2026-03-31'), as the contract
// carries dates: antd's DatePicker in the app's locale (Chinese months and weekdays, weeks from
// Monday) instead of the browser's native mm/dd/yyyy input. Typing works too, in the spellings a
// clerk uses: 2026-03-31, 2026/3/31, 2026年3月31日, 20260331, 2026.3.31.
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import { useT } from '../i18n/language';

dayjs.extend(customParseFormat);

/** Shown first, then the other spellings read when typed (the third is YYYY年M月D日, written with
 * escapes: a spelling the clerk types in either language, not a label to translate). */
export const DATE_FORMATS = ['YYYY-MM-DD', 'YYYY/M/D', 'YYYY\u5e74M\u6708D\u65e5', 'YYYYMMDD', 'YYYY.M.D'];

interface Props {
  value?: string | null;
  onChange?(value: string | null): void;
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  'data-testid'?: string;
  'aria-label'?: string;
  /** dates after this ISO day cannot be picked (e.g. today, for a thing that has happened) */
  maxDate?: string;
  minDate?: string;
  /** the field's width; a form's full width when not given */
  width?: number;
}

export function IsoDatePicker({ value, onChange, maxDate, minDate, placeholder, width, ...rest }: Props) {
  const t = useT();
  const day = value ? dayjs(value, 'YYYY-MM-DD', true) : null;
  return (
    <DatePicker
      {...rest}
      style={{ width: width ?? '100%' }}
      format={DATE_FORMATS}
      placeholder={placeholder ?? t('date.placeholder')}
      value={day?.isValid() ? day : null}
      maxDate={maxDate ? dayjs(maxDate) : undefined}
      minDate={minDate ? dayjs(minDate) : undefined}
      onChange={(d: Dayjs | null) => onChange?.(d ? d.format('YYYY-MM-DD') : null)}
    />
  );
}

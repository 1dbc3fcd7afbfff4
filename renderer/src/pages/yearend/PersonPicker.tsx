// Picks a person of the year by name or 人员编号, searching on the server (a year can hold
// thousands of people; the workbench page holds only the rows on screen).
import { useCallback, useEffect, useRef, useState } from 'react';
import { Select } from 'antd';
import { call } from '../../api/client';
import { useT } from '../../i18n/language';

interface Props {
  yearId: string;
  value?: string;
  onChange?: (v: string | undefined) => void;
  allowClear?: boolean;
}

export function PersonPicker({ yearId, value, onChange, allowClear }: Props) {
  const t = useT();
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  const seq = useRef(0);
  const search = useCallback(
    (q: string) => {
      const mine = ++seq.current;
      void call('yearend.workbench', { yearId, search: q.trim().slice(0, 40), limit: 20 }).then(
        (r) =>
          mine === seq.current &&
          setOptions(
            r.rows.map((x) => ({
              value: x.person.id,
              label: t('picker.option', {
                name: x.person.name,
                no: x.person.personNo,
                dept: x.person.departmentName,
                decision: x.decision ? t('picker.decision', { label: x.decision.label }) : '',
              }),
            })),
          ),
        () => undefined,
      );
    },
    [yearId, t],
  );
  // the first options, and again when the year changes
  useEffect(() => search(''), [search]);
  return (
    <Select
      showSearch
      allowClear={allowClear}
      filterOption={false}
      onSearch={search}
      value={value}
      onChange={onChange}
      options={options}
      placeholder={t('picker.placeholder')}
    />
  );
}

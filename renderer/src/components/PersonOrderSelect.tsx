// 排序：人员编号 / 姓氏笔画 — the order of people in a list, kept per list on this workstation
// (localStorage), so each list opens in the order its user last chose. The sorting itself is the
// store's (shared/names/stroke-order.ts), so every page and an export read the same order.
import { useCallback, useState } from 'react';
import { Select } from 'antd';
import type { PersonOrder } from '@shared/names/person-order';
import { useT } from '../i18n/language';

const key = (list: string) => `da.personOrder.${list}`;

export function usePersonOrder(list: string): [PersonOrder, (o: PersonOrder) => void] {
  const [order, setOrder] = useState<PersonOrder>(() => {
    try {
      return localStorage.getItem(key(list)) === 'strokes' ? 'strokes' : 'personNo';
    } catch {
      return 'personNo';
    }
  });
  const set = useCallback(
    (o: PersonOrder) => {
      try {
        localStorage.setItem(key(list), o);
      } catch {
        // storage refused: the choice lasts while the page is open
      }
      setOrder(o);
    },
    [list],
  );
  return [order, set];
}

export function PersonOrderSelect(props: {
  value: PersonOrder;
  onChange: (o: PersonOrder) => void;
  disabled?: boolean;
}) {
  const t = useT();
  return (
    <Select<PersonOrder>
      value={props.value}
      onChange={props.onChange}
      disabled={props.disabled}
      style={{ width: 150 }}
      aria-label={t('order.label')}
      options={[
        { value: 'personNo', label: t('order.personNo') },
        { value: 'strokes', label: t('order.strokes') },
      ]}
      data-testid="person-order"
    />
  );
}

// The button that starts a spreadsheet import (roster, ratings, evidence, history) with its
// preview, error list and apply step. Owned by the imports capability.
import { Button } from 'antd';

export type ImportKind = 'roster' | 'ratings' | 'evidence' | 'history';

export interface ImportButtonProps {
  kind: ImportKind;
  /** the year and period a ratings or evidence template belongs to */
  yearId?: string;
  periodId?: string;
  onApplied?: () => void;
}

export function ImportButton(_props: ImportButtonProps) {
  return <Button disabled>从表格导入</Button>;
}

// One colour per year-end result, shared by the grade charts so a grade reads the same everywhere.
import type { Grade } from '@shared/domain/types';

export const GRADE_COLOR: Record<Grade, string> = {
  excellent: '#b71c1c',
  competent: '#1565c0',
  basic: '#f9a825',
  incompetent: '#4a148c',
};
export const OTHER_COLOR = '#bdbdbd';
export const GRADES: Grade[] = ['excellent', 'competent', 'basic', 'incompetent'];

// The CSS font stack that draws each of the sheets' fonts on screen (the preview): the Windows font
// first, then the macOS and Linux (Noto CJK) equivalents; all installed fonts, never a web font.
import type { CellStyle } from './model';

export const SCREEN_FONT_STACK: Record<CellStyle['font'], string> = {
  宋体: "SimSun, 'Songti SC', 'Noto Serif CJK SC', serif",
  仿宋: "FangSong, 'FangSong_GB2312', 'Noto Serif CJK SC', serif",
  黑体: "SimHei, 'Heiti SC', 'Noto Sans CJK SC', sans-serif",
};

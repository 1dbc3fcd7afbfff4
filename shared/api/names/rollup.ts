// Method names of 全区汇总 (district roll-up). Plain strings, no imports: the preload uses them.
export const ROLLUP_METHODS = ['rollup.district', 'rollup.exportDistrict'] as const;

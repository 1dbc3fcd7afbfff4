// Contract of the Excel evaluation pack: sheet models, preview, export.
export const packMethods = {};

// Contract of spreadsheets in and out: templates, imports with preview, error reports.
export const importsMethods = {};

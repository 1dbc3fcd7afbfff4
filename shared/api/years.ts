// Contract of assessment years, periods, quarterly ratings and the office review.
export const yearsMethods = {};

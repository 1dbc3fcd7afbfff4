// Year end as services: the workbench, decisions, stages, objections, redress, results for the pack.
export { workbench, stateOf, rowOf, decisionToDto } from './workbench';
export { decide, bulkAccept } from './decisions';
export { transition, checkTransitions } from './stages';
export { addObjection, resolveObjection, listObjections } from './objections';
export { fileRedress, decideRedress, listRedress } from './redress';
export { snapshotDiff } from './diff';
export { settingsImpact } from './impact';
export { loadYearResults, type YearResults, type YearResultPerson } from './results';
export { loadYearView } from './view';
export { gradeHistory } from './grade-history';
export { evaluateStoredYear } from './evaluate';

// The roster's services in one place for other capabilities (ratings, year end, imports, pack):
// import them from this folder (core/roster/index.ts) and keep to these names.
export { listPeople, type PeopleList } from './list';
export {
  getPerson,
  getPersonRow,
  requirePersonRow,
  findPersonByNo,
  createPerson,
  updatePerson,
  markPersonLeft,
  reinstatePerson,
  deletePerson,
  personRecordCounts,
} from './people';
export { movePerson, movesOf, membershipOn } from './moves';
export {
  unitTree,
  listUnitNodes,
  listAgencies,
  departmentsOf,
  agencyOf,
  subUnitIds,
  getUnit,
  requireUnit,
  findUnitByName,
  createUnit,
  renameUnit,
  reorderUnits,
  deleteUnit,
  type UnitTreeNode,
} from './units';
export { toPersonDto, type PersonRow } from './person-row';

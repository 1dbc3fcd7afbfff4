// Roster fixtures for tests: a small agency with departments, and valid person inputs.
import type { Ctx } from '../../electron/core/context';
import { createPerson, createUnit } from '../../electron/core/roster';
import type { PersonFieldsInput } from '../../shared/api/roster';
import type { PersonDto, UnitDto } from '../../shared/domain/records';
import { idCardCheckChar } from '../../shared/domain/idcard';

export interface SmallRoster {
  agency: UnitDto;
  office: UnitDto; // 办公室
  planning: UnitDto; // 规划科
  finance: UnitDto; // 财务科
}

export function seedUnits(ctx: Ctx): SmallRoster {
  const agency = createUnit(ctx, { parentId: null, name: '某市某区测试局' });
  return {
    agency,
    office: createUnit(ctx, { parentId: agency.id, name: '办公室' }),
    planning: createUnit(ctx, { parentId: agency.id, name: '规划科' }),
    finance: createUnit(ctx, { parentId: agency.id, name: '财务科' }),
  };
}

/** A valid 18-digit 身份证号 for a birth date (region 110101, sequence 123). */
export function validIdCard(birth = '19850312', seq = '123'): string {
  const first17 = `110101${birth}${seq}`;
  return first17 + idCardCheckChar(first17);
}

export function personInput(unitId: string, overrides: Partial<PersonFieldsInput> = {}): PersonFieldsInput {
  return {
    personNo: 'T001',
    name: '张伟',
    gender: '男',
    birthMonth: '1985-03',
    politicalStatus: '中共党员',
    education: '大学本科',
    unitId,
    position: '一级科员',
    positionSince: '2020-06',
    category: 'civil_servant',
    duties: '综合文字',
    hireDate: '2010-07-01',
    superiorAssessed: false,
    ...overrides,
  };
}

export function seedPeople(ctx: Ctx, r: SmallRoster): PersonDto[] {
  return [
    createPerson(
      ctx,
      personInput(r.office.id, { personNo: 'A001', name: '王芳', gender: '女', position: '四级主任科员' }),
    ),
    createPerson(ctx, personInput(r.office.id, { personNo: 'A002', name: '李强', position: '科长' })),
    createPerson(
      ctx,
      personInput(r.planning.id, {
        personNo: 'B001',
        name: '刘洋',
        category: 'civil_servant_managed',
        position: '一级科员',
      }),
    ),
    createPerson(
      ctx,
      personInput(r.finance.id, {
        personNo: 'C001',
        name: '陈静',
        gender: '女',
        category: 'institution',
        position: '专业技术十级',
      }),
    ),
  ];
}

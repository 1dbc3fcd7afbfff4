// PackData fixtures for the pack's tests and bench: a deterministic unit with departments, both
// populations, four quarters of work records, evidence and every kind of year-end outcome.
import { defaultYearSettings } from '../../shared/settings/year-settings';
import type { PackData, PackPerson, PackRating } from '../../shared/sheets/pack-data';
import type { Grade, PeriodRatingValue } from '../../shared/domain/types';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
];
const DEPTS = ['办公室', '综合规划科', '政策法规科', '财务审计科', '组织人事科'];
const WORK = [
  '牵头完成年度重点项目储备库更新，入库项目42个，总投资约36亿元。',
  '参与起草全区营商环境优化方案，组织召开企业座谈会5次，收集意见建议31条并逐条答复。',
  '按时完成季度统计报表报送，数据差错率为零；配合完成审计整改事项8项。',
  '承担机关值班值守和应急保障工作，处置突发事件2起，未发生责任事故。',
  '完成政务信息编报26篇，其中被市级采用4篇；更新政府信息公开栏目内容58条。',
  '深入企业开展调研走访，形成调研报告2篇，提出的3条建议被采纳。',
];
const RATINGS: PeriodRatingValue[] = ['good', 'fair', 'good', 'good'];

export interface FixtureOptions {
  persons?: number;
  year?: number;
  /** text put into the first person's duties, first work record and a remark (formula-injection tests) */
  inject?: string;
  stage?: PackData['year']['stage'];
}

export function packFixture(options: FixtureOptions = {}): PackData {
  const year = options.year ?? 2026;
  const n = options.persons ?? 12;
  const departments = DEPTS.map((name, i) => ({ id: `dept-${i + 1}`, name, sortOrder: i + 1 }));
  const periods = [1, 2, 3, 4].map((q) => ({
    id: `p-${q}`,
    code: `${year}Q${q}`,
    label: ['第一季度', '第二季度', '第三季度', '第四季度'][q - 1]!,
    seq: q,
  }));
  const persons: PackPerson[] = [];
  for (let i = 0; i < n; i++) {
    const dept = departments[i % departments.length]!;
    const institution = i % 4 === 3;
    const ratings: PackRating[] = periods.map((p, q) => ({
      id: `r-${i}-${q}`,
      periodId: p.id,
      rating: i % 7 === 5 && q === 2 ? 'average' : i % 11 === 9 ? 'poor' : RATINGS[(i + q) % 4]!,
      workRecord: `${WORK[(i + q) % WORK.length]}${WORK[(i + q + 2) % WORK.length]}`,
      comment: '工作积极主动，完成任务较好。',
      rater: '张科长',
    }));
    if (i === 0 && options.inject !== undefined) ratings[0]!.workRecord = options.inject;
    const outcome =
      i % 13 === 6 ? 'comments_only' : i % 17 === 8 ? 'deferred' : i % 19 === 10 ? 'not_assessed' : 'graded';
    const grade: Grade = i % 5 === 0 ? 'excellent' : i % 11 === 9 ? 'basic' : i === 14 ? 'incompetent' : 'competent';
    const graded = outcome === 'graded';
    persons.push({
      id: `person-${i + 1}`,
      personNo: `P${String(i + 1).padStart(5, '0')}`,
      name: SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]!,
      gender: i % 2 ? '女' : '男',
      birthMonth: `${1970 + (i % 25)}-${String((i % 12) + 1).padStart(2, '0')}`,
      politicalStatus: i % 3 ? '中共党员' : '群众',
      education: i % 4 ? '大学本科' : '研究生',
      departmentId: dept.id,
      departmentName: dept.name,
      agencyLevel: false,
      position: institution ? '专业技术十级' : i % 6 === 0 ? '科长（一级主任科员）' : '四级主任科员',
      positionSince: `${2015 + (i % 10)}-0${(i % 9) + 1}`,
      category: institution ? 'institution' : i % 9 === 4 ? 'civil_servant_managed' : 'civil_servant',
      duties:
        i === 0 && options.inject !== undefined
          ? options.inject
          : i % 6 === 0
            ? `主持${dept.name}全面工作，分管规划编制、项目管理和综合协调。`
            : `负责${dept.name}文稿起草、信息报送和综合协调工作。`,
      ratings,
      evidence: [
        ...(i % 5 === 0
          ? [
              {
                id: `e-${i}-c`,
                kind: 'commendation' as const,
                subKind: '嘉奖',
                date: `${year}-06-18`,
                description: '在防汛抢险工作中表现突出',
                docNo: `区委〔${year}〕12号`,
                days: null,
              },
            ]
          : []),
        ...(i % 3 === 0
          ? [
              {
                id: `e-${i}-w`,
                kind: 'work' as const,
                subKind: '重点任务',
                date: `${year}-09-30`,
                description: '按期完成全区重大项目谋划三年行动任务',
                docNo: '',
                days: null,
              },
            ]
          : []),
        ...(i % 4 === 1
          ? [
              {
                id: `e-${i}-l`,
                kind: 'leave' as const,
                subKind: '病假',
                date: `${year}-03-02`,
                description: '病假',
                docNo: '',
                days: 5,
              },
            ]
          : []),
      ],
      result: {
        outcome,
        suggestedGrade: graded ? grade : null,
        finalGrade: graded ? grade : null,
        reasons:
          outcome === 'comments_only'
            ? ['新录用人员年底仍在试用期，只写评语不定等次']
            : outcome === 'deferred'
              ? ['年底立案审查调查尚未结案，不写评语、不确定等次']
              : outcome === 'not_assessed'
                ? ['年内离开本单位，不参加本单位考核']
                : [],
        trace: graded ? 'Q1 好, Q2 较好, Q3 好, Q4 好 → 3×好 → 优秀候选' : '',
        decisionReason: i === 0 && options.inject !== undefined ? options.inject : '',
      },
      consequences: {
        commendation: graded && grade === 'excellent',
        meritCandidate: graded && grade === 'excellent' && i % 10 === 0,
        incompetent: graded && grade === 'incompetent',
        dismissalCandidate: false,
      },
      summary: null,
    });
  }
  return {
    unit: { id: 'unit-1', name: '某区发展和改革委员会' },
    year: {
      id: 'year-1',
      year,
      stage: options.stage ?? 'final',
      noticeStart: `${year}-12-07`,
      noticeEnd: null,
      noticePlace: '',
      settings: defaultYearSettings(),
    },
    departments,
    periods,
    persons,
    auditHead: { seq: 1234, hash: 'ab'.repeat(32) },
    today: `${year}-12-20`,
  };
}

/** The entries of an xlsx (a zip) as text, for asserting what the XML holds. */
export async function xlsxEntries(file: string): Promise<Map<string, string>> {
  const yauzl = await import('yauzl');
  return new Promise((resolve, reject) => {
    const out = new Map<string, string>();
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('zip'));
      zip.on('entry', (entry: import('yauzl').Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('entry'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });
}

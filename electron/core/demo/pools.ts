// Word pools of the demo: fictional names, positions and departments of a district agency.
// Every name here is generated fiction; any likeness to a real person is accidental.

export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
export const GIVEN_MALE =
  '伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林阳晨哲昊博文志建国立新海峰亮东晓天瑞泽'.split('');
export const GIVEN_FEMALE = '芳娜敏静丽艳娟霞秀玲桂英婷雪慧红梅琳颖洁琴云莉倩蕾璐萍燕丹瑶怡欣悦佳雯晶晴薇琪彤妍'.split(
  '',
);

export const POLITICAL = [
  ['中共党员', 66],
  ['中共预备党员', 3],
  ['共青团员', 6],
  ['群众', 18],
  ['民盟盟员', 2],
  ['九三学社社员', 2],
  ['无党派人士', 3],
] as const;

export const EDUCATION_CIVIL = [
  ['研究生（硕士）', 30],
  ['大学本科', 62],
  ['大学专科', 6],
  ['研究生（博士）', 2],
] as const;
export const EDUCATION_INSTITUTION = [
  ['研究生（硕士）', 18],
  ['大学本科', 60],
  ['大学专科', 20],
  ['中专', 2],
] as const;

/** 职务职级 of civil servants below the department head, junior to senior. */
export const CIVIL_RANKS = [
  '二级科员',
  '一级科员',
  '四级主任科员',
  '三级主任科员',
  '二级主任科员',
  '一级主任科员',
  '四级调研员',
] as const;
export const INSTITUTION_RANKS = [
  '管理九级职员',
  '管理八级职员',
  '专业技术十二级',
  '专业技术十级',
  '专业技术九级',
  '专业技术八级',
  '工勤技能二级',
] as const;

export interface DepartmentSpec {
  name: string;
  /** share of 事业 staff in this department (service centres are mostly 事业) */
  institutionShare: number;
  /** share of 参公 staff */
  managedShare: number;
  duties: readonly string[];
  /** objects of work for the 工作纪实 sentences */
  work: readonly string[];
}

export const FIRST_AGENCY_NAME = '某市某区发展和改革委员会';

export const FIRST_AGENCY_DEPARTMENTS: readonly DepartmentSpec[] = [
  {
    name: '办公室',
    institutionShare: 0.1,
    managedShare: 0,
    duties: ['公文运转和督查督办', '综合文字材料起草', '机关财务和资产管理', '保密和档案管理', '政务信息和宣传'],
    work: [
      '委主任办公会议纪要',
      '年度工作要点和总结',
      '政务信息报送',
      '机关经费预算编制',
      '档案数字化整理',
      '人大建议和政协提案办理',
      '保密自查自评',
      '政务公开专栏更新',
    ],
  },
  {
    name: '人事科',
    institutionShare: 0,
    managedShare: 0,
    duties: ['干部人事管理', '平时考核和年度考核', '教育培训', '工资福利和社保'],
    work: [
      '季度平时考核汇总',
      '干部人事档案专项审核',
      '年度教育培训计划',
      '职务职级晋升材料',
      '工资调整测算',
      '公务员登记备案',
    ],
  },
  {
    name: '综合规划科',
    institutionShare: 0,
    managedShare: 0.1,
    duties: ['国民经济和社会发展规划', '经济运行监测分析', '重大课题研究'],
    work: [
      '“十五五”规划纲要前期研究',
      '季度经济运行分析报告',
      '重点指标监测台账',
      '区政府工作报告经济部分',
      '规划中期评估报告',
      '营商环境专题调研',
    ],
  },
  {
    name: '固定资产投资科',
    institutionShare: 0,
    managedShare: 0.15,
    duties: ['政府投资项目审批', '重大项目储备和调度', '专项债券项目申报'],
    work: [
      '政府投资项目可研批复',
      '重大项目月度调度',
      '专项债券项目申报材料',
      '中央预算内投资项目申报',
      '项目储备库更新',
      '投资项目在线审批平台办件',
    ],
  },
  {
    name: '产业发展科',
    institutionShare: 0,
    managedShare: 0.1,
    duties: ['产业政策研究', '服务业和现代产业发展', '招商引资项目服务'],
    work: [
      '产业链图谱梳理',
      '服务业发展引导资金申报',
      '重点企业走访',
      '新兴产业培育方案',
      '招商项目落地协调',
      '产业园区发展评价',
    ],
  },
  {
    name: '价格管理科',
    institutionShare: 0.2,
    managedShare: 0.3,
    duties: ['价格监测和成本监审', '政府定价管理', '价格认定'],
    work: [
      '重要民生商品价格监测',
      '供水成本监审报告',
      '停车收费标准调整听证',
      '价格认定案件',
      '涉企收费清单更新',
      '节日市场价格巡查',
    ],
  },
  {
    name: '能源和环资科',
    institutionShare: 0.1,
    managedShare: 0.1,
    duties: ['能源保障和节能管理', '资源节约和环境保护', '能耗双控'],
    work: [
      '迎峰度夏电力保障方案',
      '重点用能单位节能监察',
      '能耗双控季度分析',
      '充电基础设施建设推进',
      '固定资产投资项目节能审查',
      '天然气保供协调',
    ],
  },
  {
    name: '重点项目服务中心',
    institutionShare: 0.85,
    managedShare: 0,
    duties: ['重点项目代建服务', '项目前期手续帮办', '项目统计和信息系统维护'],
    work: [
      '重点项目前期手续帮办',
      '项目进度现场核查',
      '重点项目统计月报',
      '项目管理信息系统维护',
      '项目观摩活动筹备',
      '代建项目结算资料审核',
    ],
  },
];

export const OTHER_AGENCY_NAMES = [
  '财政局',
  '教育局',
  '民政局',
  '司法局',
  '人力资源和社会保障局',
  '住房和城乡建设局',
  '交通运输局',
  '农业农村局',
  '商务局',
  '文化和旅游局',
  '卫生健康委员会',
  '应急管理局',
  '市场监督管理局',
  '统计局',
  '医疗保障局',
  '城市管理局',
  '审计局',
  '水务局',
  '科学技术局',
  '退役军人事务局',
  '信访局',
  '体育局',
  '政务服务管理局',
  '国有资产管理局',
] as const;

export const GENERIC_DEPARTMENTS: readonly DepartmentSpec[] = [
  {
    name: '办公室',
    institutionShare: 0.1,
    managedShare: 0,
    duties: ['综合协调', '文字材料'],
    work: ['年度工作总结', '政务信息报送', '会议组织保障', '督查督办台账'],
  },
  {
    name: '人事科',
    institutionShare: 0,
    managedShare: 0,
    duties: ['干部人事', '考核培训'],
    work: ['平时考核汇总', '干部教育培训', '人事档案审核', '工资福利核定'],
  },
  {
    name: '法规科',
    institutionShare: 0,
    managedShare: 0.2,
    duties: ['法制审核', '行政复议应诉'],
    work: ['规范性文件合法性审查', '行政复议案件办理', '普法宣传活动', '权责清单调整'],
  },
  {
    name: '财务科',
    institutionShare: 0.1,
    managedShare: 0,
    duties: ['预决算', '资产管理'],
    work: ['部门预算编制', '决算报表', '国有资产清查', '内控制度修订'],
  },
  {
    name: '业务一科',
    institutionShare: 0,
    managedShare: 0.2,
    duties: ['业务管理'],
    work: ['年度重点业务推进', '行业监管检查', '专项整治行动', '政策宣传解读'],
  },
  {
    name: '业务二科',
    institutionShare: 0,
    managedShare: 0.2,
    duties: ['业务指导'],
    work: ['基层业务指导', '数据统计分析', '专项资金绩效评价', '业务培训'],
  },
  {
    name: '综合执法科',
    institutionShare: 0.1,
    managedShare: 0.5,
    duties: ['行政执法'],
    work: ['日常执法检查', '投诉举报核查', '执法案卷评查', '联合执法行动'],
  },
  {
    name: '服务中心',
    institutionShare: 0.85,
    managedShare: 0,
    duties: ['窗口服务', '信息系统'],
    work: ['窗口受理办件', '业务系统维护', '档案整理', '群众来电答复'],
  },
];

// The values a clerk picks or is offered when entering a person: stored (and printed) as written
// here, in Chinese in every UI language, so they live beside the domain rather than in the UI
// catalogue. The lists are suggestions (AutoComplete): any other wording may be typed.
export const GENDERS = ['男', '女'] as const;
export type Gender = (typeof GENDERS)[number];

export const POLITICAL_STATUS_CHOICES = [
  '中共党员',
  '中共预备党员',
  '共青团员',
  '群众',
  '民革党员',
  '民盟盟员',
  '民建会员',
  '民进会员',
  '农工党党员',
  '致公党党员',
  '九三学社社员',
  '台盟盟员',
  '无党派人士',
] as const;

export const EDUCATION_CHOICES = ['研究生（博士）', '研究生（硕士）', '大学本科', '大学专科', '中专', '高中'] as const;

export const POSITION_CHOICES = [
  '二级科员',
  '一级科员',
  '四级主任科员',
  '三级主任科员',
  '二级主任科员',
  '一级主任科员',
  '四级调研员',
  '三级调研员',
  '副科长',
  '科长',
  '副主任',
  '主任',
  '管理九级职员',
  '管理八级职员',
  '专业技术十级',
  '专业技术九级',
  '专业技术八级',
] as const;

// The Chinese name of every audit action, of every kind of object an entry is about, and of every
// permission. `recordAudit` accepts only an AuditAction, so a new action without a label here is a
// compile error, and test/unit/audit-labels.test.ts fails on a stored code the viewer cannot name.
// Auditors read these: they say what happened in the office's words, not the program's.
import type { Permission } from '../auth/permissions';
import type { YearStage } from '../domain/types';

export const AUDIT_ACTION_LABELS = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.lock': '锁定窗口',
  'auth.unlock': '解锁窗口',
  'auth.lockout': '账号锁定（连续输错密码）',
  'auth.changePassword': '修改密码',
  'access.denied': '越权操作被拒绝',
  'operator.setup': '首次使用：建立管理员账号',
  'operator.create': '新建操作员',
  'operator.update': '修改操作员',
  'operator.disable': '停用操作员',
  'operator.enable': '启用操作员',
  'operator.resetPassword': '重置操作员密码',
  'settings.auth': '修改登录与锁屏设置',
  'settings.backup': '修改备份设置',
  'backup.create': '备份数据',
  'backup.toFolder': '备份到文件夹',
  'backup.restore': '从备份恢复',
  'audit.acknowledgeBreak': '确认审计链断裂',
  'data.baseline': '建立数据基线（审计封记）',
  'audit.checkpoint': '审计日志校验检查点',
  'demo.generate': '生成演示数据',
  'unit.create': '新增单位或部门',
  'unit.rename': '单位或部门改名',
  'unit.reorder': '调整部门顺序',
  'unit.delete': '删除单位或部门',
  'person.create': '新增人员',
  'person.update': '修改人员信息',
  'person.move': '人员调动',
  'person.markLeft': '人员离开',
  'person.reinstate': '人员恢复在职',
  'person.delete': '删除人员（误录）',
  'person.merge': '合并重复人员记录',
  'person.markDistinct': '确认疑似重复人员不是同一人',
  'import.apply': '从表格导入',
  'history.import': '导入以往年度等次',
  'tally.import': '导入民主测评票数',
  'year.create': '建立考核年度',
  'year.settings.update': '修改年度设置',
  'rating.create': '录入平时考核等次',
  'rating.update': '修改平时考核',
  'rating.cap_override': '超出“好”等次比例（填写理由）',
  'review.accept': '复核通过部门',
  'review.return': '复核退回部门',
  'review.confirm_excess': '复核确认超出“好”等次比例（填写理由）',
  'period.review': '期间复核完成',
  'period.reopen': '期间重新开放',
  'evidence.create': '记录事件',
  'evidence.create_batch': '批量记录事件',
  'evidence.update': '修改事件',
  'evidence.void': '作废事件',
  'yearend.stage.collecting': '年终考核退回平时采集',
  'yearend.stage.review': '年终考核进入审核（冻结建议）',
  'yearend.stage.notice': '年终考核进入公示',
  'yearend.stage.final': '年终考核定档',
  'yearend.stage.archived': '年终考核归档',
  'yearend.pack.freeze': '定档时保存考核材料',
  'yearend.signoff.record': '登记考核结果送达与本人签署',
  'yearend.signoff.bulk': '批量登记送达签收',
  'yearend.decide': '确定年终考核结果',
  'yearend.bulkAccept': '批量采纳建议等次',
  'yearend.objection.add': '登记公示异议',
  'yearend.objection.resolve': '处理公示异议',
  'yearend.redress.file': '登记复核申诉',
  'yearend.redress.decide': '作出复核申诉决定',
  'yearend.redress.apply': '按申诉决定更改等次',
  'calendar.save': '修改节假日安排',
  'calendar.import': '导入节假日安排',
  'calendar.reset': '恢复内置节假日安排',
  'pack.form.save': '修改登记表设置',
  'pack.summary.save': '修改个人总结草稿',
  'pack.summary.regenerate': '重新生成个人总结草稿',
  'pack.comment.save': '修改主管领导评语草稿',
  'pack.comment.regenerate': '重新生成主管领导评语草稿',
  'evidence.attachment.add': '添加证明材料',
  'evidence.attachment.remove': '移除证明材料',
  'exchange.workstation': '建立或修改本工作站标识',
  'exchange.export': '导出数据交换包',
  'rollup.export': '导出全区考核结果汇总统计表',
  'exchange.import': '导入数据交换包',
  'exchange.conflict_choice': '处理交换包冲突（经办人选择）',
  'exchange.review': '按交换包记录考核办复核结果',
  'rounds.deadlines.save': '设定报送期限',
} as const satisfies Record<string, string> & Record<`yearend.stage.${YearStage}`, string>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

export function isAuditAction(code: string): code is AuditAction {
  return Object.hasOwn(AUDIT_ACTION_LABELS, code);
}

/** An entry from a newer version of the program may carry a code this one does not know. */
export function auditActionLabel(code: string): string {
  return isAuditAction(code) ? AUDIT_ACTION_LABELS[code] : `其他操作（${code}）`;
}

export const AUDIT_ENTITY_LABELS = {
  operator: '操作员',
  person: '人员',
  unit: '单位/部门',
  period_rating: '平时考核',
  cap_override: '超比例理由',
  department_review: '部门复核',
  evidence: '事件',
  assessment_year: '考核年度',
  period: '考核期间',
  yearend_decision: '年终考核结果',
  yearend_objection: '公示异议',
  yearend_redress: '复核申诉',
  history_grade: '以往年度等次',
  pack_summary_draft: '个人总结草稿',
  pack_comment_draft: '主管领导评语草稿',
  backup: '备份',
  app_meta: '程序设置',
  audit_log: '审计日志',
  method: '功能',
  import_batch: '导入批次',
  store: '数据库',
  calendar_year: '节假日安排',
  yearend_signoff: '结果送达签收',
  audit_seal: '数据封记',
  exchange_bundle: '数据交换包',
} as const satisfies Record<string, string>;

export type AuditEntity = keyof typeof AUDIT_ENTITY_LABELS;

export function auditEntityLabel(entity: string): string {
  return Object.hasOwn(AUDIT_ENTITY_LABELS, entity) ? AUDIT_ENTITY_LABELS[entity as AuditEntity] : '其他';
}

export const PERMISSION_LABELS: Record<Permission, string> = {
  public: '无需登录',
  session: '已登录',
  'roster.read': '查看人员名册',
  'roster.write': '维护人员名册',
  'year.read': '查看考核年度',
  'year.write': '维护考核年度与设置',
  'ratings.read': '查看平时考核',
  'ratings.write': '录入平时考核',
  'evidence.read': '查看事件记录',
  'evidence.write': '记录事件',
  'yearend.read': '查看年终考核',
  'yearend.decide': '确定年终考核结果',
  'pack.export': '生成考核材料',
  'audit.read': '查看审计日志',
  'operators.manage': '管理操作员',
  'backup.manage': '备份与恢复',
  'exchange.manage': '数据交换',
};

/** Entries written before the reason was in Chinese said "缺少权限 yearend.read": name the permission. */
export function auditReasonText(reason: string): string {
  return reason.replace(/缺少权限 ([a-z]+(?:\.[a-z]+)?)/g, (whole, code: string) =>
    Object.hasOwn(PERMISSION_LABELS, code) ? `缺少权限：${PERMISSION_LABELS[code as Permission]}` : whole,
  );
}

// Chinese names of audit actions and outcomes for the viewer; unknown actions show as they are.
export const ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.lock': '锁定窗口',
  'auth.unlock': '解锁窗口',
  'auth.lockout': '账号锁定',
  'auth.changePassword': '修改密码',
  'access.denied': '越权访问被拒绝',
  'operator.setup': '初始化管理员',
  'operator.create': '新建操作员',
  'operator.update': '修改操作员',
  'operator.disable': '停用操作员',
  'operator.enable': '启用操作员',
  'operator.resetPassword': '重置密码',
  'settings.auth': '修改登录设置',
  'settings.backup': '修改备份设置',
  'backup.create': '备份',
  'backup.toFolder': '备份到文件夹',
  'backup.restore': '从备份恢复',
  'audit.acknowledgeBreak': '确认审计链断裂',
  'person.create': '新增人员',
  'person.update': '修改人员',
  'person.move': '人员调动',
  'person.delete': '删除人员',
  'rating.save': '保存平时考核',
  'evidence.create': '登记事件',
  'evidence.update': '修改事件',
  'evidence.void': '作废事件',
  'yearend.decide': '年终考核决定',
};

export const OUTCOME_LABELS: Record<string, { text: string; color: string }> = {
  ok: { text: '成功', color: 'green' },
  denied: { text: '拒绝', color: 'red' },
  failed: { text: '失败', color: 'orange' },
};

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

export const ENTITY_LABELS: Record<string, string> = {
  operator: '操作员',
  person: '人员',
  unit: '单位/部门',
  period_rating: '平时考核',
  evidence: '事件',
  assessment_year: '考核年度',
  period: '考核期间',
  yearend_decision: '年终决定',
  backup: '备份',
  app_meta: '设置',
  audit_log: '审计日志',
  method: '接口',
  import_batch: '导入批次',
};

export function entityLabel(entity: string): string {
  return ENTITY_LABELS[entity] ?? entity;
}

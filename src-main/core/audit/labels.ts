// The audit trail stores codes (stable for programs and old rows); people read these Chinese labels.
// One mapping for every host: the app's 操作记录 and the CLI's `audit` command both take them from here.

export const AUDIT_ACTIONS = {
  create: '新增',
  update: '修改',
  delete: '删除',
  restore: '恢复',
  copy: '复制',
  import: '导入',
  'undo-import': '撤销导入',
  reveal: '查看完整号码',
  purge: '彻底删除',
  issue: '出具',
  void: '作废',
  export: '导出',
  print: '打印',
  'export-full-numbers': '导出（含完整号码）',
  'print-full-numbers': '打印（含完整号码）',
  password: '登录密码',
} as const satisfies Record<string, string>

export const AUDIT_ENTITIES = {
  volunteer: '志愿者',
  activity: '活动',
  plan_item: '清单项目',
  plan: '活动清单',
  import_batch: '导入批次',
  team: '服务队',
  unit: '单位',
  department: '科室',
  settings: '设置',
  certificate: '志愿服务证明',
  output: '导出与打印',
  backup: '备份',
  training: '培训',
  award: '表彰',
} as const satisfies Record<string, string>

/** 志愿者 moved out is 移入回收站, not a plain 删除: the roster keeps it for restoring. */
const SPECIAL: Record<string, string> = { 'delete:volunteer': '移入回收站' }

function known<T extends Record<string, string>>(table: T, code: string): string | undefined {
  return Object.hasOwn(table, code) ? table[code as keyof T] : undefined
}

/** A code without a label is shown as such, never as an empty cell. */
export function actionLabel(action: string, entity: string): string {
  return SPECIAL[`${action}:${entity}`] ?? known(AUDIT_ACTIONS, action) ?? `其他（${action}）`
}

export function entityLabel(entity: string): string {
  return known(AUDIT_ENTITIES, entity) ?? `其他（${entity}）`
}

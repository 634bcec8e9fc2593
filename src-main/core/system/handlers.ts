import { z } from 'zod'
import { hostPath } from '../hostPath'
import { handler } from '../handler'
import { auditFilterOptions, listAudit } from '../audit/audit'
import { createBackup, listBackups, purgeOldBackups, restoreBackup } from '../db/backup'
import { checkIntegrity } from '../db/check'
import { countLive } from '../roster/repository'
import { remembered } from '../reports/remembered'
import { yearDashboard } from '../dashboard/year'
import { localDay } from '../plan/plannedTime'
import { readSettings, writeSettings } from '../settings/settings'
import { moveDataFolder } from '../settings/location'
import { yearInput } from '../yearInput'

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应写成 YYYY-MM-DD，如 2026-11-29')

export const systemHandlers = {
  'system.init': handler({
    input: z.object({}).default({}),
    run: (ctx) => ({ dbPath: ctx.dbPath, version: ctx.db.pragma('user_version', { simple: true }) as number }),
    cli: { command: 'init', summary: '创建或升级数据库（--db 指定路径）', createsLedger: true },
  }),
  // The renderer asks the core for today, so the app and its tests share one clock (ctx.now).
  'system.clock': handler({
    input: z.object({}).default({}),
    run: (ctx) => {
      const today = localDay(ctx.now())
      return { today, year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) }
    },
  }),
  'system.stats': handler({
    input: z.object({ year: yearInput().optional() }),
    run: (ctx, input) => {
      const volunteers = countLive(ctx.db)
      if (input.year === undefined) return { volunteers }
      const today = localDay(ctx.now())
      const year = input.year
      const dashboard = remembered(ctx.db, 'dashboard.year', [year, today], () => yearDashboard(ctx.db, year, today))
      return {
        volunteers,
        year: input.year,
        activities: dashboard.programme.activities,
        months: dashboard.programme.months.map(({ state: _state, ...figures }) => figures),
        monthsMet: dashboard.programme.monthsMet,
        departments: dashboard.departments.map(({ name, planned, done, overdue }) => ({
          name,
          planned,
          done,
          overdue,
        })),
      }
    },
    cli: {
      command: 'stats',
      flags: { year: 'year' },
      summary: '统计数字：志愿者人数；加 --year 给出该年度逐月活动和各科室清单完成情况',
    },
  }),
  'settings.get': handler({
    input: z.object({}).default({}),
    run: (ctx) => ({ ...readSettings(ctx.db), dataDir: ctx.dataDir, dbPath: ctx.dbPath }),
    cli: { command: 'settings', summary: '显示设置：单位名称、操作员、数据位置' },
  }),
  'settings.save': handler({
    input: z
      .object({
        unitName: z.string().trim().min(1, '单位名称不能为空').max(100).optional(),
        operatorName: z.string().trim().max(50).optional(),
        undoDays: z.coerce
          .number()
          .int({ error: '撤销期限应为整数天数' })
          .min(1, { error: '撤销期限至少 1 天' })
          .max(3650, { error: '撤销期限最多 3650 天' })
          .optional(),
      })
      .refine(
        (changes) => Object.values(changes).some((value) => value !== undefined),
        '请给出要修改的设置：--unit-name 单位名称、--operator 操作员 或 --undo-days 撤销期限（天）',
      ),
    run: (ctx, input) => writeSettings(ctx.db, input),
    cli: {
      command: 'settings set',
      createsLedger: true,
      flags: { 'unit-name': 'unitName', operator: 'operatorName', 'undo-days': 'undoDays' },
      summary:
        '修改设置：--unit-name 单位名称（填报单位、退回学校的批注署名）--operator 操作员（记入导入和修改历史）--undo-days 撤销期限（导入后多少天内可撤销，默认 30；过期后变更记录删除）',
    },
  }),
  'settings.moveData': handler({
    input: z.object({ folder: hostPath(z.string().trim().min(1, '请填写文件夹路径').max(500)) }),
    run: (ctx, input) => moveDataFolder(ctx, input.folder),
  }),
  'backup.list': handler({
    input: z.object({}).default({}),
    run: (ctx) => listBackups(ctx),
    cli: { command: 'backups', summary: '列出备份' },
  }),
  'backup.create': handler({
    input: z.object({}).default({}),
    run: (ctx) => createBackup(ctx, 'manual'),
    cli: { command: 'backup', summary: '立即备份数据库' },
  }),
  'backup.purgeOld': handler({
    input: z.object({}).default({}),
    run: (ctx) => purgeOldBackups(ctx),
    cli: {
      command: 'backups purge',
      summary: '清除旧备份：先做一份新备份，再删除其余全部备份（彻底删除志愿者后，使旧备份中也不再有其信息）',
    },
  }),
  'backup.restore': handler({
    input: z.object({ file: z.string().min(1).max(200) }),
    run: (ctx, input) => restoreBackup(ctx, input.file),
    cli: {
      command: 'restore',
      createsLedger: true,
      positional: { field: 'file', many: false },
      summary: '从备份恢复（恢复前自动备份当前数据）',
    },
  }),
  'system.check': handler({
    input: z.object({}).default({}),
    run: (ctx) => checkIntegrity(ctx.db),
    cli: { command: 'check', summary: '检查数据库完整性' },
  }),
  'audit.list': handler({
    input: z
      .object({
        entity: z.string().max(50).optional(),
        entityId: z.number().int().optional(),
        action: z.string().max(50).optional(),
        operator: z.string().max(100).optional(),
        from: localDate.optional(),
        to: localDate.optional(),
        offset: z.coerce.number().int().min(0).default(0),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      })
      .refine((input) => !input.from || !input.to || input.from <= input.to, { message: '开始日期不能晚于结束日期' }),
    run: (ctx, input) => listAudit(ctx.db, input),
    cli: {
      command: 'audit',
      flags: { from: 'from', to: 'to', operator: 'operator', entity: 'entity', action: 'action', limit: 'limit' },
      columns: ['at', 'operator', 'actionLabel', 'entityLabel', 'summary'],
      summary:
        '操作记录，新的在前（--from/--to YYYY-MM-DD，--operator 操作员，--entity volunteer|activity|plan_item|import_batch，--action）',
    },
  }),
  'audit.filterOptions': handler({
    input: z.object({}).default({}),
    run: (ctx) => auditFilterOptions(ctx.db),
  }),
}

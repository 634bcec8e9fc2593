// The annual checklist (表2): items by year, their departments, and their derived status.
import type { Database } from 'better-sqlite3'
import { CoreError } from '../errors'
import { derivePlanStatus, describePeriod, type PlanState } from './plannedTime'

export interface PlanItemRecord {
  year: number
  seq: number
  taskCode: number
  name: string
  content: string | null
  targetGroup: string | null
  plannedText: string
  plannedStart: string | null
  plannedEnd: string | null
  place: string | null
  departments: string[]
  contact: string | null
  phone: string | null
  note: string | null
}

export interface PlanItemView extends PlanItemRecord {
  id: number
  taskName: string
  /** 计划时间 as a clerk reads it: the bureau's own text, or the period it means. */
  plannedLabel: string
  state: PlanState
  heldOn: string | null
  activities: number
}

interface PlanRow extends Omit<PlanItemRecord, 'departments'> {
  id: number
  taskName: string
  departments: string | null
  heldOn: string | null
  activities: number
}

const SELECT_ITEMS = `
  SELECT p.id, p.year, p.seq, p.task_code AS taskCode, t.name AS taskName, p.name, p.content,
         p.target_group AS targetGroup, p.planned_text AS plannedText, p.planned_start AS plannedStart,
         p.planned_end AS plannedEnd, p.place, p.contact, p.phone, p.note,
         (SELECT group_concat(d.name, '、') FROM plan_item_departments pd JOIN departments d ON d.id = pd.department_id
           WHERE pd.item_id = p.id ORDER BY d.sort_order) AS departments,
         (SELECT min(a.held_on) FROM activities a WHERE a.plan_item_id = p.id) AS heldOn,
         (SELECT count(*) FROM activities a WHERE a.plan_item_id = p.id) AS activities
  FROM plan_items p JOIN tasks t ON t.code = p.task_code`

function toView(row: PlanRow, today: string): PlanItemView {
  const period = row.plannedStart && row.plannedEnd ? { start: row.plannedStart, end: row.plannedEnd } : null
  const status = derivePlanStatus(period, row.heldOn, today)
  return {
    ...row,
    departments: row.departments ? row.departments.split('、') : [],
    plannedLabel: row.plannedText || (period ? describePeriod(period) : '未定时间'),
    state: status.state,
    heldOn: status.heldOn,
  }
}

export function listPlanItems(
  db: Database,
  filter: { year: number; taskCode?: number; department?: string; state?: PlanState },
  today: string,
): PlanItemView[] {
  const where = ['p.year = @year']
  if (filter.taskCode !== undefined) where.push('p.task_code = @taskCode')
  if (filter.department) {
    where.push(`EXISTS (SELECT 1 FROM plan_item_departments pd JOIN departments d ON d.id = pd.department_id
                WHERE pd.item_id = p.id AND d.name = @department)`)
  }
  const rows = db
    .prepare(`${SELECT_ITEMS} WHERE ${where.join(' AND ')} ORDER BY p.seq`)
    .all({ year: filter.year, taskCode: filter.taskCode, department: filter.department }) as PlanRow[]
  const views = rows.map((row) => toView(row, today))
  return filter.state ? views.filter((view) => view.state === filter.state) : views
}

export function getPlanItem(db: Database, id: number, today: string): PlanItemView {
  const row = db.prepare(`${SELECT_ITEMS} WHERE p.id = ?`).get(id) as PlanRow | undefined
  if (!row) throw new CoreError('NOT_FOUND', `找不到编号为 ${id} 的清单项目。`)
  return toView(row, today)
}

export function nextSeq(db: Database, year: number): number {
  return (db.prepare('SELECT coalesce(max(seq), 0) + 1 AS n FROM plan_items WHERE year = ?').get(year) as { n: number })
    .n
}

function departmentIds(db: Database, names: readonly string[]): number[] {
  const find = db.prepare('SELECT id FROM departments WHERE name = ?')
  return names.map((name) => {
    const row = find.get(name) as { id: number } | undefined
    if (!row) throw new CoreError('VALIDATION', `责任科室“${name}”不在科室名单中。`)
    return row.id
  })
}

export function writeDepartments(
  db: Database,
  table: 'plan_item_departments' | 'activity_departments',
  ownerId: number,
  names: readonly string[],
): void {
  const owner = table === 'plan_item_departments' ? 'item_id' : 'activity_id'
  db.prepare(`DELETE FROM ${table} WHERE ${owner} = ?`).run(ownerId)
  const insert = db.prepare(`INSERT OR IGNORE INTO ${table} (${owner}, department_id) VALUES (?, ?)`)
  for (const id of departmentIds(db, names)) insert.run(ownerId, id)
}

export function insertPlanItem(db: Database, item: PlanItemRecord, at: string, batchId: number | null = null): number {
  const result = db
    .prepare(
      `INSERT INTO plan_items (year, seq, task_code, name, content, target_group, planned_text, planned_start,
         planned_end, place, contact, phone, note, batch_id, created_at, updated_at)
       VALUES (@year, @seq, @taskCode, @name, @content, @targetGroup, @plannedText, @plannedStart, @plannedEnd,
         @place, @contact, @phone, @note, @batchId, @at, @at)`,
    )
    .run({ ...item, batchId, at })
  const id = Number(result.lastInsertRowid)
  writeDepartments(db, 'plan_item_departments', id, item.departments)
  return id
}

export function updatePlanItem(db: Database, id: number, item: PlanItemRecord, at: string): void {
  const result = db
    .prepare(
      `UPDATE plan_items SET year = @year, seq = @seq, task_code = @taskCode, name = @name, content = @content,
         target_group = @targetGroup, planned_text = @plannedText, planned_start = @plannedStart,
         planned_end = @plannedEnd, place = @place, contact = @contact, phone = @phone, note = @note, updated_at = @at
       WHERE id = @id`,
    )
    .run({ ...item, at, id })
  if (result.changes === 0) throw new CoreError('NOT_FOUND', `找不到编号为 ${id} 的清单项目。`)
  writeDepartments(db, 'plan_item_departments', id, item.departments)
}

export function deletePlanItem(db: Database, id: number): void {
  db.prepare('DELETE FROM plan_items WHERE id = ?').run(id)
}

export function findPlanItemBySeq(db: Database, year: number, seq: number): { id: number; name: string } | undefined {
  return db.prepare('SELECT id, name FROM plan_items WHERE year = ? AND seq = ?').get(year, seq) as
    { id: number; name: string } | undefined
}

export function planYears(db: Database): number[] {
  const rows = db
    .prepare(
      `SELECT year FROM plan_items UNION SELECT CAST(substr(held_on, 1, 4) AS INTEGER) FROM activities ORDER BY 1 DESC`,
    )
    .all() as { year: number }[]
  return rows.map((row) => row.year)
}

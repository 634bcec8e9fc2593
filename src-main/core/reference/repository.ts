// Reference lists the clerk maintains: departments, teams, the leading group, units (schools).
import type { Database } from 'better-sqlite3'
import { CoreError } from '../errors'
import { reindexVolunteers, renameInVolunteers } from '../roster/repository'

export interface Department {
  id: number
  name: string
  aliases: string
  head: string | null
  phone: string | null
  sortOrder: number
}

export interface Task {
  code: number
  name: string
  description: string
  departments: string[]
}

export interface County {
  code: string
  name: string
  shortNames: string
}

export interface Team {
  id: number
  name: string
  parentId: number | null
  parentName: string | null
  kind: string
  note: string | null
  members: number
}

export interface LeadingGroupMember {
  id: number
  role: '组长' | '副组长' | '成员'
  name: string
  post: string | null
  phone: string | null
  sortOrder: number
}

export interface Unit {
  id: number | null
  name: string
  countyCode: string | null
  countyName: string | null
  kind: string | null
  note: string | null
  volunteers: number
}

export function listDepartments(db: Database): Department[] {
  return db
    .prepare('SELECT id, name, aliases, head, phone, sort_order AS sortOrder FROM departments ORDER BY sort_order, id')
    .all() as Department[]
}

export function updateDepartment(
  db: Database,
  id: number,
  changes: { head: string | null; phone: string | null },
): void {
  const result = db
    .prepare('UPDATE departments SET head = ?, phone = ? WHERE id = ?')
    .run(changes.head, changes.phone, id)
  if (result.changes === 0) throw new CoreError('NOT_FOUND', `找不到编号为 ${id} 的科室。`)
}

export function listTasks(db: Database): Task[] {
  const tasks = db.prepare('SELECT code, name, description FROM tasks ORDER BY code').all() as Omit<
    Task,
    'departments'
  >[]
  const links = db
    .prepare(
      `SELECT td.task_code AS code, d.name FROM task_departments td
       JOIN departments d ON d.id = td.department_id ORDER BY d.sort_order`,
    )
    .all() as { code: number; name: string }[]
  return tasks.map((task) => ({
    ...task,
    departments: links.filter((link) => link.code === task.code).map((link) => link.name),
  }))
}

export function listCounties(db: Database): County[] {
  return db.prepare('SELECT code, name, short_names AS shortNames FROM counties ORDER BY sort_order').all() as County[]
}

export function listTeams(db: Database): Team[] {
  return db
    .prepare(
      `SELECT t.id, t.name, t.parent_id AS parentId, p.name AS parentName, t.kind, t.note,
              (SELECT count(*) FROM volunteers v WHERE v.team = t.name AND v.deleted_at IS NULL) AS members
       FROM teams t LEFT JOIN teams p ON p.id = t.parent_id ORDER BY t.sort_order, t.id`,
    )
    .all() as Team[]
}

export function saveTeam(
  db: Database,
  team: { id?: number; name: string; parentId: number | null; kind: string; note: string | null },
): number {
  const clash = db.prepare('SELECT id FROM teams WHERE name = ?').get(team.name) as { id: number } | undefined
  if (clash && clash.id !== team.id) throw new CoreError('CONFLICT', `服务队“${team.name}”已存在。`)
  if (team.id !== undefined && team.parentId === team.id) throw new CoreError('VALIDATION', '服务队不能以自己为上级。')
  if (team.id === undefined) {
    const result = db
      .prepare(
        `INSERT INTO teams (name, parent_id, kind, note, sort_order)
         VALUES (?, ?, ?, ?, (SELECT coalesce(max(sort_order), 0) + 1 FROM teams))`,
      )
      .run(team.name, team.parentId, team.kind, team.note)
    return Number(result.lastInsertRowid)
  }
  const old = db.prepare('SELECT name FROM teams WHERE id = ?').get(team.id) as { name: string } | undefined
  if (!old) throw new CoreError('NOT_FOUND', `找不到编号为 ${team.id} 的服务队。`)
  db.prepare('UPDATE teams SET name = ?, parent_id = ?, kind = ?, note = ? WHERE id = ?').run(
    team.name,
    team.parentId,
    team.kind,
    team.note,
    team.id,
  )
  // Volunteers refer to their team by name, so a rename carries over to them.
  if (old.name !== team.name) renameInVolunteers(db, 'team', old.name, team.name)
  return team.id
}

export function deleteTeam(db: Database, id: number): void {
  const team = db.prepare('SELECT name FROM teams WHERE id = ?').get(id) as { name: string } | undefined
  if (!team) throw new CoreError('NOT_FOUND', `找不到编号为 ${id} 的服务队。`)
  const members = (
    db.prepare('SELECT count(*) AS n FROM volunteers WHERE team = ? AND deleted_at IS NULL').get(team.name) as {
      n: number
    }
  ).n
  if (members > 0)
    throw new CoreError('CONFLICT', `服务队“${team.name}”还有 ${members} 名志愿者，请先调整他们的所属服务队。`)
  db.prepare('DELETE FROM teams WHERE id = ?').run(id)
}

export function listLeadingGroup(db: Database): LeadingGroupMember[] {
  return db
    .prepare(
      `SELECT id, role, name, post, phone, sort_order AS sortOrder FROM leading_group
       ORDER BY CASE role WHEN '组长' THEN 1 WHEN '副组长' THEN 2 ELSE 3 END, sort_order, id`,
    )
    .all() as LeadingGroupMember[]
}

export function saveLeadingGroupMember(db: Database, member: Omit<LeadingGroupMember, 'id'> & { id?: number }): number {
  if (member.id === undefined) {
    const result = db
      .prepare('INSERT INTO leading_group (role, name, post, phone, sort_order) VALUES (?, ?, ?, ?, ?)')
      .run(member.role, member.name, member.post, member.phone, member.sortOrder)
    return Number(result.lastInsertRowid)
  }
  const result = db
    .prepare('UPDATE leading_group SET role = ?, name = ?, post = ?, phone = ?, sort_order = ? WHERE id = ?')
    .run(member.role, member.name, member.post, member.phone, member.sortOrder, member.id)
  if (result.changes === 0) throw new CoreError('NOT_FOUND', `找不到编号为 ${member.id} 的领导小组成员。`)
  return member.id
}

export function deleteLeadingGroupMember(db: Database, id: number): void {
  db.prepare('DELETE FROM leading_group WHERE id = ?').run(id)
}

/**
 * The directory joins units the clerk registered with units named in the roster, so a school that
 * only appears in returns is listed too (with id null until it is registered).
 */
export function listUnits(db: Database, filter: { q?: string; countyCode?: string }): Unit[] {
  const rows = db
    .prepare(
      `WITH names AS (
         SELECT name FROM units
         UNION SELECT unit FROM volunteers WHERE unit IS NOT NULL AND deleted_at IS NULL
       ),
       counts AS (
         SELECT unit, count(*) AS n, max(county_code) AS county FROM volunteers
         WHERE deleted_at IS NULL AND unit IS NOT NULL GROUP BY unit
       )
       SELECT u.id, names.name, coalesce(u.county_code, counts.county) AS countyCode, c.name AS countyName,
              u.kind, u.note, coalesce(counts.n, 0) AS volunteers
       FROM names
       LEFT JOIN units u ON u.name = names.name
       LEFT JOIN counts ON counts.unit = names.name
       LEFT JOIN counties c ON c.code = coalesce(u.county_code, counts.county)
       WHERE (@q = '' OR names.name LIKE '%' || @q || '%')
         AND (@county = '' OR coalesce(u.county_code, counts.county) = @county)
       ORDER BY countyCode, names.name`,
    )
    .all({ q: filter.q ?? '', county: filter.countyCode ?? '' }) as Unit[]
  return rows
}

export function saveUnit(
  db: Database,
  unit: { id?: number | null; name: string; countyCode: string | null; kind: string | null; note: string | null },
): number {
  const clash = db.prepare('SELECT id FROM units WHERE name = ?').get(unit.name) as { id: number } | undefined
  if (clash && clash.id !== unit.id) throw new CoreError('CONFLICT', `单位“${unit.name}”已在名录中。`)
  if (unit.id === undefined || unit.id === null) {
    const result = db
      .prepare('INSERT INTO units (name, county_code, kind, note) VALUES (?, ?, ?, ?)')
      .run(unit.name, unit.countyCode, unit.kind, unit.note)
    return Number(result.lastInsertRowid)
  }
  const old = db.prepare('SELECT name FROM units WHERE id = ?').get(unit.id) as { name: string } | undefined
  if (!old) throw new CoreError('NOT_FOUND', `找不到编号为 ${unit.id} 的单位。`)
  db.prepare('UPDATE units SET name = ?, county_code = ?, kind = ?, note = ? WHERE id = ?').run(
    unit.name,
    unit.countyCode,
    unit.kind,
    unit.note,
    unit.id,
  )
  if (old.name !== unit.name) {
    renameInVolunteers(db, 'unit', old.name, unit.name)
    reindexVolunteers(db, { unit: unit.name })
  }
  return unit.id
}

export function deleteUnit(db: Database, id: number): void {
  db.prepare('DELETE FROM units WHERE id = ?').run(id)
}

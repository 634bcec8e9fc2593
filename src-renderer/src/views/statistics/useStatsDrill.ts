// A figure of 表5 opens 活动登记 on the activities it counts: the row's month, department, task or
// county, within the screen's period, with the screen's task, department, county, team and unit
// (组织单位) filters kept; the list shows every filter it applies and holds as many as the figure.
import { monthBounds, NO_COUNTY, useDrill, type DrillTarget } from '../../composables/useDrill'
import { useReferenceStore } from '../../stores/reference'
import { useStatisticsStore, type YearlyTable } from '../../stores/statistics'

export function useStatsDrill() {
  const store = useStatisticsStore()
  const reference = useReferenceStore()
  const { openActivities } = useDrill()

  function base(year: number): DrillTarget {
    const { task, department, countyCode, team, unit } = store.scope.filters
    return {
      year,
      ...store.periodBounds(),
      taskCode: reference.tasks.find((candidate) => candidate.name === task)?.code,
      department,
      countyCode,
      team,
      organizer: unit,
    }
  }

  /** 表5 月度: the month `YYYY-MM` of a row, within the period (a range may begin or end inside it). */
  function month(key: string): void {
    const year = Number(key.slice(0, 4))
    const period = store.periodBounds()
    const bounds = monthBounds(year, Number(key.slice(5, 7)))
    const from = period.from > bounds.from ? period.from : bounds.from
    const to = period.to < bounds.to ? period.to : bounds.to
    void openActivities({ ...base(year), month: Number(key.slice(5, 7)), from, to })
  }

  /** 表5 年度: a row of one table (by department, task or county), or its 合计 (no row filter). */
  function yearlyRow(table: YearlyTable, name: string | null): void {
    const target = base(store.yearly?.period.year ?? store.scope.year)
    if (name !== null && table.dimension === 'department') target.department = name
    if (name !== null && table.dimension === 'task')
      target.taskCode = reference.tasks.find((candidate) => candidate.name === name)?.code
    if (name !== null && table.dimension === 'county')
      target.countyCode =
        name === NO_COUNTY ? 'none' : reference.counties.find((candidate) => candidate.name === name)?.code
    void openActivities(target)
  }

  return { month, yearlyRow }
}

// A figure of 表5 opens 活动登记 on the activities it counts: the row's month, department, task or
// county, with the screen's own task, department and county filters kept (the list has no unit or
// team filter, so those two stay behind; the list shows every filter it applies).
import { NO_COUNTY, useDrill, type DrillTarget } from '../../composables/useDrill'
import { useReferenceStore } from '../../stores/reference'
import { useStatisticsStore, type YearlyTable } from '../../stores/statistics'

export function useStatsDrill() {
  const store = useStatisticsStore()
  const reference = useReferenceStore()
  const { openActivities } = useDrill()

  function base(year: number): DrillTarget {
    const { task, department, countyCode } = store.scope.filters
    return {
      year,
      taskCode: reference.tasks.find((candidate) => candidate.name === task)?.code,
      department,
      countyCode,
    }
  }

  /** 表5 月度: the month `YYYY-MM` of a row. */
  function month(key: string): void {
    void openActivities({ ...base(Number(key.slice(0, 4))), month: Number(key.slice(5, 7)) })
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

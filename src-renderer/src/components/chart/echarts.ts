// ECharts with only the parts the statistics use (echarts/core keeps the bundle small), drawn as SVG
// so that print and screenshots are sharp and every bar is a DOM element.
import { use } from 'echarts/core'
import { BarChart, LineChart } from 'echarts/charts'
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
} from 'echarts/components'
import { LabelLayout } from 'echarts/features'
import { SVGRenderer } from 'echarts/renderers'

use([
  BarChart,
  LineChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  // hideOverlap of the bar numbers (StatChart.vue).
  LabelLayout,
  SVGRenderer,
])

export { init, type EChartsType } from 'echarts/core'

export { ALARM_BAND, LINE_COLOUR, PALETTE } from './palette'

export interface ChartSeries {
  name: string
  values: number[]
  /** A line instead of bars (e.g. a cumulative count). */
  line?: boolean
}

export interface ChartSpec {
  categories: string[]
  series: ChartSeries[]
  /** A horizontal rule, e.g. one 集中服务 a month. */
  rule?: { value: number; label: string }
  /** Bars to draw in the alarm colour (e.g. a month without 集中服务), by category index. */
  alarms?: number[]
  horizontal?: boolean
}

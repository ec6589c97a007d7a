// An ECharts chart in the page's element ref="chart": created once the element is mounted, drawn by the page's option,
// drawn again when its sources change, resized with the window and disposed with the page. Pages import
// only the ECharts parts they use (echarts.use) to keep the bundle small.
import { onBeforeUnmount, onMounted, useTemplateRef, watch, type WatchSource } from 'vue'
import * as echarts from 'echarts/core'

export function useChart(option: () => echarts.EChartsCoreOption, sources: WatchSource | WatchSource[], opts: { fit?: boolean } = {}) {
  const el = useTemplateRef<HTMLDivElement>('chart')
  let chart: echarts.ECharts | null = null
  function render() {
    if (!chart) return
    chart.setOption(option(), true)
    if (opts.fit) chart.resize() // the element's height follows the data
  }
  const resize = () => chart?.resize()
  onMounted(() => {
    if (!el.value) return
    chart = echarts.init(el.value)
    render()
    window.addEventListener('resize', resize)
  })
  onBeforeUnmount(() => {
    window.removeEventListener('resize', resize)
    chart?.dispose()
    chart = null
  })
  watch(sources, render, { deep: true, flush: 'post' })
  /** The chart as a PNG data URL on a white background, for saving. */
  const toPNG = () => chart?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }) ?? ''
  return { toPNG }
}

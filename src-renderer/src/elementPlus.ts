// Only the Element Plus components the screens use (a test keeps this list in step with the
// templates): registering the whole library made the first bundle a third larger and slower to
// start. Its stylesheet stays whole (styles only, nothing run).
import type { App, Plugin } from 'vue'
import {
  ElAlert,
  ElAutocomplete,
  ElButton,
  ElCheckbox,
  ElCol,
  ElDatePicker,
  ElDescriptions,
  ElDescriptionsItem,
  ElDialog,
  ElDrawer,
  ElEmpty,
  ElForm,
  ElFormItem,
  ElIcon,
  ElImageViewer,
  ElInput,
  ElInputNumber,
  ElLoading,
  ElMenu,
  ElMenuItem,
  ElMessage,
  ElMessageBox,
  ElOption,
  ElPagination,
  ElProgress,
  ElRadio,
  ElRadioButton,
  ElRadioGroup,
  ElRow,
  ElSelect,
  ElSelectV2,
  ElStep,
  ElSteps,
  ElSwitch,
  ElTable,
  ElTableColumn,
  ElTabPane,
  ElTabs,
  ElTag,
  provideGlobalConfig,
} from 'element-plus'
import zhCn from 'element-plus/es/locale/lang/zh-cn'

/** By tag: `<el-table-column>` is ElTableColumn. */
export const ELEMENT_COMPONENTS: Record<string, Plugin> = {
  ElAlert,
  ElAutocomplete,
  ElButton,
  ElCheckbox,
  ElCol,
  ElDatePicker,
  ElDescriptions,
  ElDescriptionsItem,
  ElDialog,
  ElDrawer,
  ElEmpty,
  ElForm,
  ElFormItem,
  ElIcon,
  ElImageViewer,
  ElInput,
  ElInputNumber,
  ElMenu,
  ElMenuItem,
  ElOption,
  ElPagination,
  ElProgress,
  ElRadio,
  ElRadioButton,
  ElRadioGroup,
  ElRow,
  ElSelect,
  ElSelectV2,
  ElStep,
  ElSteps,
  ElSwitch,
  ElTable,
  ElTableColumn,
  ElTabPane,
  ElTabs,
  ElTag,
}

/** What app.use(ElementPlus, { locale: zhCn }) did, for these components: Chinese, default size, v-loading. */
export function installElementPlus(app: App): void {
  for (const component of Object.values(ELEMENT_COMPONENTS)) app.use(component)
  app.use(ElLoading)
  app.use(ElMessage)
  app.use(ElMessageBox)
  provideGlobalConfig({ locale: zhCn, size: 'default' }, app, true)
}

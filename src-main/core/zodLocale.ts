// Zod's own messages reach the clerk (输入有误：…), so they are set to Chinese once, for every host,
// before any schema is used. Imported for its effect by api.ts.
import { z } from 'zod'

z.config(z.locales.zhCN())

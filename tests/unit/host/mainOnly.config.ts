// The app's electron-vite config, main section only, built into MAIN_BUILD_OUT (build.test.ts).
import config from '../../../electron.vite.config'

const main = config.main as { build: Record<string, unknown> }
export default { main: { ...main, build: { ...main.build, outDir: process.env.MAIN_BUILD_OUT } } }

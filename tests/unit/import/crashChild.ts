// Child process of the crash test: imports the files given into the database given and announces on
// stdout when the commit transaction has begun writing, then lingers there so the parent's SIGKILL
// lands mid-transaction. Run: npx tsx tests/unit/import/crashChild.ts DB FILE...
import { createContext } from '../../../src-main/core/index'
import { commitPreview, previewImport } from '../../../src-main/core/import/service'

const [dbPath, ...files] = process.argv.slice(2)
const ctx = createContext(dbPath as string)
const preview = await previewImport(ctx, { form: 'roster', files: files.map((file) => ({ name: file, path: file })) })
await commitPreview(ctx, preview.previewId, {
  onWriting: () => {
    process.stdout.write('COMMIT_STARTED\n')
    // A slow disk, in effect: the transaction stays open long enough for the kill to arrive.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5000)
  },
})
process.stdout.write('COMMIT_FINISHED\n')

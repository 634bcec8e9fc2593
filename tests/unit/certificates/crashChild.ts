// Child process of the certificate crash test: issues certificates for the volunteers given and,
// through temporary triggers, announces the moment the year's counter has moved inside the issuing
// transaction, then lingers there so the parent's SIGKILL lands between numbering and writing.
// Run: node --import tsx tests/unit/certificates/crashChild.ts DB VOLUNTEER_ID...
import { writeSync } from 'node:fs'
import { invoke } from '../../../src-main/core/api'
import { createContext } from '../../../src-main/core/index'

const [dbPath, ...ids] = process.argv.slice(2)
const ctx = createContext(dbPath as string, { now: () => new Date('2027-01-05T10:00:00+08:00') })
ctx.db.function('announce_numbered', () => {
  writeSync(1, 'NUMBERED\n')
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5000)
  return null
})
ctx.db.exec(`
  CREATE TEMP TRIGGER numbered_insert AFTER INSERT ON main.certificate_counters BEGIN SELECT announce_numbered(); END;
  CREATE TEMP TRIGGER numbered_update AFTER UPDATE ON main.certificate_counters BEGIN SELECT announce_numbered(); END;
`)
await invoke(ctx, 'certificates.issue', { volunteers: ids.map(Number), year: 2026 })
writeSync(1, 'ISSUED\n')

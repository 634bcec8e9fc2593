// The programme's rules in plain TypeScript, free of Electron, the database and Excel.
export * from './normalize'
export * from './idNumber'
export * from './phone'
export * from './mask'
export * from './vocabularies'
export * from './birth'
export * from './person'

// 志愿服务证明: the register of a year, issuing (numbers and snapshots are the core's) and voiding.
import { defineStore } from 'pinia'
import { call, type OperationInput, type OperationOutput } from '../api'

export type Certificate = OperationOutput<'certificates.list'>['rows'][number]

export const useCertificatesStore = defineStore('certificates', () => {
  async function list(year: number): Promise<Certificate[]> {
    return (await call('certificates.list', { year })).rows
  }

  function issue(input: OperationInput<'certificates.issue'>) {
    return call('certificates.issue', input)
  }

  async function voidOne(number: string, reason: string): Promise<void> {
    await call('certificates.void', { number, reason })
  }

  return { list, issue, voidOne }
})

// Printing on paper. In the app the shell prints the core's document through the system dialog
// (window.ledger.print, electron/print.ts); in a plain browser (the tests) the preview frame
// prints itself.
import type { OperationInput } from '../api'

export async function printOnPaper(
  input: OperationInput<'print.document'>,
  frame: HTMLIFrameElement | null,
): Promise<void> {
  const bridge = window.ledger as typeof window.ledger & { print?: (input: unknown) => Promise<unknown> }
  if (bridge.print) {
    await bridge.print(JSON.parse(JSON.stringify(input)))
    return
  }
  frame?.contentWindow?.print()
}

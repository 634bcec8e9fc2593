// Asks for the 登录密码 on a terminal without echoing it. Not on a terminal: no prompt (undefined),
// so opening the encrypted database fails with its Chinese message instead of waiting for input.
export async function promptPassword(): Promise<string | undefined> {
  const input = process.stdin
  if (!input.isTTY) return undefined
  process.stderr.write('登录密码：')
  input.setRawMode(true)
  input.resume()
  return new Promise((resolve) => {
    let typed = ''
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n' || char === '\u0004') {
          input.setRawMode(false)
          input.pause()
          input.off('data', onData)
          process.stderr.write('\n')
          resolve(typed)
          return
        }
        if (char === '\u0003') process.exit(130)
        typed = char === '\u007f' ? typed.slice(0, -1) : typed + char
      }
    }
    input.on('data', onData)
  })
}

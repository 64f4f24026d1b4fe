/**
 * The reviewers' command line: the same service layer as the HTTP review routes, on the same
 * database, so a small office can review without a web console.
 */
import { userInfo } from 'node:os'
import { isIsoDay } from '../clock'
import type { AppContext } from '../context'
import { AppError } from '../errors'

export const USAGE = `用法: npm run review -w @zhihui/server -- <命令> [参数]
  list [状态]                          列出申请（默认：已提交、审核中）
  show <申请编号>                      查看一份申请（身份证号、卡号已脱敏）
  approve <申请编号>                   审核通过（进入公示）
  reject <申请编号> --reason <对象>:<代码>:<说明> [--reason ...]
                                       审核不通过；对象为证件（如 id-card）或填写项（如 facts.graduationDate）
  notice <申请编号>...                 将已通过的申请列入公示（今天起 7 个工作日）
  pay <申请编号>...                    公示结束后开始按月发放（核定补贴并发放至本月）
  pay-run <YYYY-MM>                    按月发放：为所有发放中的申请发放该月（首次含补发月份）
  stop <申请编号> --reason <原因>       终止发放
  resume <申请编号> --reason <原因>     恢复发放
  ledger <申请编号>                    查看按月发放明细
  object <申请编号> <异议内容>          公示期间登记异议，重新审核
  outbox [条数]                        查看短信发件箱
选项: --today YYYY-MM-DD             （仅开发环境）按指定日期执行`

type Out = (line: string) => void

/** The text after `--reason` (stop, resume). */
const reasonText = (args: string[]): string | undefined => {
  const at = args.indexOf('--reason')
  return at >= 0 ? args[at + 1] : undefined
}

function reasonsFrom(args: string[]): { target: string; code: string; message: string }[] {
  const reasons = []
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== '--reason') continue
    const [target = '', code = '', ...message] = (args[i + 1] ?? '').split(':')
    reasons.push({ target, code, message: message.join(':') })
  }
  return reasons
}

const positional = (args: string[]): string[] => args.filter((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--'))

export async function runReviewCommand(argv: string[], ctx: AppContext, out: Out): Promise<number> {
  const todayAt = argv.indexOf('--today')
  if (todayAt >= 0) {
    const today = argv[todayAt + 1]
    if (ctx.config.production) return fail(out, '--today 只能在开发环境使用。')
    if (!isIsoDay(today)) return fail(out, '--today 的日期格式应为 YYYY-MM-DD。')
    ctx.clock.setToday(today)
  }
  const [command, ...rest] = positional(argv)
  const actor = `reviewer-cli:${userInfo().username}`
  const { review, noticesAndPayments, outbox, payments, audit } = ctx.services
  // The CLI acts as a named actor, as the console and the Bearer API do: what it changes is in the
  // audit log (no name, bureau or address: the HR bureau's supervisor reads these rows).
  const audited = (action: 'notice-create' | 'payment-run' | 'payment-stop' | 'payment-resume', target: string, detail: Record<string, unknown>) =>
    audit.record({ actor, actorName: null, actorBureau: null, ip: null, action, target, detail })
  const print = (value: unknown) => out(JSON.stringify(value, null, 2))
  try {
    switch (command) {
      case 'list': {
        const { applications } = await review.queue(rest[0])
        for (const a of applications) out(`${a.applicationNo}  ${a.status}  ${a.submittedAt ?? ''}`)
        out(`共 ${applications.length} 份`)
        return 0
      }
      case 'show':
        print(await review.detail(rest[0] ?? ''))
        return 0
      case 'approve':
        print(await review.decide(rest[0] ?? '', { decision: 'approve' }, actor))
        return 0
      case 'reject':
        print(await review.decide(rest[0] ?? '', { decision: 'reject', reasons: reasonsFrom(argv) }, actor))
        return 0
      case 'notice': {
        const published = await noticesAndPayments.publishNotice({ applicationNos: rest }, actor)
        await audited('notice-create', published.batch.id, { applicationNos: published.batch.applicationNos })
        print(published)
        return 0
      }
      case 'pay':
        print(await noticesAndPayments.pay({ applicationNos: rest }, actor))
        return 0
      case 'pay-run': {
        const { run } = await payments.run(rest[0], actor)
        await audited('payment-run', run.month, { ...run })
        print({ run })
        out(`${run.month}：发放 ${run.paid} 个月次，共 ${run.totalYuan} 元；停发 ${run.suspended} 个月次。`)
        return 0
      }
      case 'stop':
      case 'resume': {
        const reason = reasonText(argv)
        const moved = await payments[command](rest[0] ?? '', reason, actor)
        await audited(command === 'stop' ? 'payment-stop' : 'payment-resume', moved.applicationNo, { reason })
        print(moved)
        return 0
      }
      case 'ledger':
        print(await payments.ledger(rest[0] ?? ''))
        return 0
      case 'object':
        print(await review.object(rest[0] ?? '', { note: rest.slice(1).join(' ') }, actor))
        return 0
      case 'outbox': {
        const messages = await outbox.list(Number(rest[0] ?? 20) || 20)
        for (const m of messages) out(`${m.created_at}  ${m.mobile}  ${m.text}`)
        out(`共 ${messages.length} 条`)
        return 0
      }
      default:
        out(USAGE)
        return command === undefined || command === 'help' ? 0 : 2
    }
  } catch (error) {
    if (error instanceof AppError) {
      const extra = Array.isArray(error.extra?.errors) ? `\n${JSON.stringify(error.extra.errors, null, 2)}` : ''
      return fail(out, `${error.message}${extra}`, error.statusCode === 404 ? 4 : 1)
    }
    throw error
  }
}

function fail(out: Out, message: string, code = 1): number {
  out(`错误：${message}`)
  return code
}

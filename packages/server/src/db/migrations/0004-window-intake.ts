/**
 * Window intake (design.md, "Window intake"): the 业务办理回执 the applicant signs at the counter
 * (seed 四(一) 服务窗口申报 2: "申请人签字确认后信息采集完毕"). Who filed an application and at which
 * district's window are already columns (0002-staff: filed_by, window_district); this adds when
 * the signed receipt was recorded and by whom, and an index for a window's own applications.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('applications').addColumn('receipt_signed_at', 'text').execute()
  await db.schema.alterTable('applications').addColumn('receipt_signed_by', 'text').execute()
  await db.schema.createIndex('applications_window').on('applications').columns(['window_district', 'status']).execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('applications_window').execute()
  for (const column of ['receipt_signed_by', 'receipt_signed_at']) {
    await db.schema.alterTable('applications').dropColumn(column).execute()
  }
}

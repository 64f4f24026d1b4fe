/**
 * 公示管理: /notices lists the notice batches (and, for payments officers, the approved
 * applications waiting for a batch, to put on a new one); /notices/:id is one batch with its
 * 公示名单 and the .xlsx download. Payments officers create and export; reviewers and the HR
 * bureau read. The server checks the same roles.
 */
import { useParams } from 'react-router-dom'
import { NoticeBatchPage } from './NoticeBatchPage'
import { NoticeListPage } from './NoticeListPage'
import './notices.css'

export default function NoticesPage() {
  const { id } = useParams()
  return id ? <NoticeBatchPage key={id} id={id} /> : <NoticeListPage />
}

/** The signed-in staff member, provided by the layout to every page under it. */
import type { StaffIdentity } from '@zhihui/core'
import { createContext, useContext } from 'react'

export const StaffContext = createContext<StaffIdentity | null>(null)

/** The signed-in account; only pages inside the console layout may ask. */
export function useStaff(): StaffIdentity {
  const staff = useContext(StaffContext)
  if (staff === null) throw new Error('useStaff outside the console layout')
  return staff
}

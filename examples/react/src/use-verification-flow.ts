import { createVerificationFlow, type PhoneNumber, type VerificationFlow } from 'dialkit'
import { useEffect, useState } from 'react'

/**
 * One verification flow per phone number id, destroyed on unmount (which aborts its requests, WebOTP and
 * timer). Created in an effect, not during render, so StrictMode's mount-unmount-mount in development
 * destroys the first flow and keeps a live second one.
 */
export function useVerificationFlow(phone: PhoneNumber): VerificationFlow<PhoneNumber> | null {
  const [flow, setFlow] = useState<VerificationFlow<PhoneNumber> | null>(null)
  const id = phone.id
  useEffect(() => {
    const created = createVerificationFlow(phone)
    setFlow(created)
    return () => created.destroy()
    // The flow follows the number's later instances itself; only another number needs another flow.
  }, [id])
  return flow
}

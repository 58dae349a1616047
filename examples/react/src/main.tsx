/// <reference types="vite/client" />
import { createClient } from 'dialkit'
import { DialkitProvider } from 'dialkit/react'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app.js'
import './styles.css'

// Same origin by default (the dev server proxies /v1 to the emulator); VITE_FRONTEND_API points elsewhere,
// and then the token travels in a header because a cross-site cookie would not.
const frontendApi: string | undefined = import.meta.env.VITE_FRONTEND_API
const client = createClient(frontendApi ? { frontendApi, authMode: 'header' } : { frontendApi: window.location.origin })

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DialkitProvider client={client}>
      <App />
    </DialkitProvider>
  </StrictMode>,
)

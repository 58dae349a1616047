export {
  createPhoneFormatter,
  formatPhone,
  listCountries,
  parsePhone,
  preloadPhone,
  type Country,
  type PhoneFormat,
  type PhoneFormatter,
} from './helpers.js'
export { phoneHelpersReady } from './ready.js'

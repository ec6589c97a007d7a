// Copying text for the user: through the Wails runtime inside the app, the browser's clipboard elsewhere.
import { ClipboardSetText } from '../../wailsjs/runtime/runtime'

/** Puts text on the clipboard; resolves false when neither the app nor the browser allowed it. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (window.runtime && (await ClipboardSetText(text))) return true
  } catch {
    // the runtime's clipboard is unavailable (a browser on the dev server): try the browser's own
  }
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    return false
  }
}

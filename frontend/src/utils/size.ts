// File sizes for people, in the binary units file managers use, one decimal.
const KB = 1024
const MB = KB * 1024
const GB = MB * 1024

/** 512 → "512 B", 20480 → "20.0 KB", 3407872 → "3.3 MB". */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—'
  if (bytes < KB) return `${Math.round(bytes)} B`
  if (bytes < MB) return `${(bytes / KB).toFixed(1)} KB`
  if (bytes < GB) return `${(bytes / MB).toFixed(1)} MB`
  return `${(bytes / GB).toFixed(2)} GB`
}

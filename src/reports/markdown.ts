// Markdown escaping for text that comes from tools or the repository (job summary, issues):
// it can neither open HTML nor bend the table or the emphasis around it.

/** One line of inert Markdown text, at most `max` characters. */
export function mdText(s: unknown, max = 300): string {
  let t = String(s ?? '')
    .replace(/\s+/g, ' ')
    .trim()
  if (t.length > max) t = `${t.slice(0, max - 1)}…`
  return t
    .replace(/[\\`*_[\]|~<>&]/g, c =>
      c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`
    )
}

/** A Markdown link when the URL is http(s), the escaped text otherwise. */
export function mdLink(text: string, url: string | undefined): string {
  if (!url || !/^https?:\/\/[^\s]+$/i.test(url)) return mdText(text)
  return `[${mdText(text)}](${url.replace(/[()<>\s]/g, c => encodeURIComponent(c))})`
}

// The contracts' descriptions are a little markdown: paragraphs, `code`, **bold**, and "- " lists. This
// renders that much, escaped first, and nothing else (no raw HTML from a contract reaches the page).

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function inline(text: string): string {
  return escapeHtml(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
}

/** Paragraphs and lists; `bare` renders one paragraph's content without the <p> (for table cells). */
export function prose(text: string, bare = false): string {
  const blocks = text
    .trim()
    .split(/\n\s*\n/)
    .filter(Boolean);
  if (bare && blocks.length <= 1) return inline(text.trim().replace(/\s*\n\s*/g, ' '));
  return blocks
    .map((block) => {
      const lines = block.split('\n').map((l) => l.trim());
      if (lines.every((l) => l.startsWith('- '))) return `<ul>${lines.map((l) => `<li>${inline(l.slice(2))}</li>`).join('')}</ul>`;
      return `<p>${inline(lines.join(' '))}</p>`;
    })
    .join('\n');
}

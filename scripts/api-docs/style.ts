// The reference's one stylesheet: readable on a phone (no horizontal scroll at 390 px: long paths, codes
// and examples wrap), a sticky contents column from 1000 px, and colours that keep AA contrast.
export const REFERENCE_CSS = `
:root { color-scheme: light; --ink: #1b1f24; --muted: #4a5361; --line: #d5dae1; --soft: #f4f6f8; --accent: #0b4f8a; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
a { color: var(--accent); }
a:focus-visible, summary:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.875em; }
code { overflow-wrap: anywhere; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: 0.5rem 1rem; }
.skip:focus { left: 0.5rem; z-index: 2; }
.top { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.5rem; padding: 0.75rem 1rem; border-bottom: 1px solid var(--line); background: var(--soft); }
.brand { margin: 0; font-weight: 700; }
.switch { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
.switch a[aria-current="page"] { color: var(--ink); font-weight: 700; text-decoration: none; border-bottom: 3px solid var(--accent); }
.layout, .intro { max-width: 1200px; margin: 0 auto; padding: 0 1rem; }
.intro { padding-bottom: 0.5rem; }
.intro p:not(.meta) { max-width: 50rem; }
.toc { padding: 1rem 0; border-bottom: 1px solid var(--line); font-size: 0.9375rem; }
.toc-title { font-size: 1rem; margin: 0 0 0.5rem; padding: 0; border: 0; }
.toc a { text-decoration: none; }
.toc a:hover, .toc a:focus-visible { text-decoration: underline; }
.toc ul { list-style: none; margin: 0; padding: 0; }
.toc ul ul { padding-left: 0.75rem; margin: 0.25rem 0 0.75rem; }
.toc li { margin: 0.2rem 0; }
.content { min-width: 0; padding-bottom: 3rem; }
.toc { border-top: 1px solid var(--line); }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 1.5rem 0 0.25rem; }
h2 { font-size: 1.375rem; margin: 2.5rem 0 0.5rem; padding-top: 0.5rem; border-top: 2px solid var(--ink); }
h3 { font-size: 1.125rem; margin: 0; overflow-wrap: anywhere; }
h4 { font-size: 1rem; margin: 1.25rem 0 0.5rem; }
h5 { font-size: 0.9375rem; font-weight: 600; margin: 0.75rem 0 0.25rem; }
.meta { color: var(--muted); margin: 0; }
.lead { font-size: 1.125rem; }
.op { margin: 1.5rem 0; padding: 1rem; border: 1px solid var(--line); border-radius: 6px; }
.summary { margin: 0.25rem 0 0.5rem; font-weight: 600; }
.anchor { font-weight: 400; font-size: 0.875rem; }
.auth { background: var(--soft); padding: 0.5rem 0.75rem; border-radius: 4px; }
.method { display: inline-block; padding: 0 0.4rem; border-radius: 4px; font-size: 0.8125rem; font-weight: 700; letter-spacing: 0.02em; background: #e8eef7; color: #0b3d73; }
.m-post { background: #e3f3e8; color: #0d5226; }
.m-delete { background: #fbe6e6; color: #8a1c1c; }
.status { display: inline-block; min-width: 2.75rem; padding: 0 0.4rem; border-radius: 4px; font-weight: 700; text-align: center; }
.status.ok { background: #e3f3e8; color: #0d5226; }
.status.err { background: #fdf0dc; color: #6b3d00; }
.req { font-size: 0.75rem; font-weight: 700; color: #8a1c1c; }
.rule { color: var(--muted); font-size: 0.8125rem; overflow-wrap: anywhere; }
table { width: 100%; border-collapse: collapse; margin: 0.5rem 0 1rem; font-size: 0.875rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.5rem; border-top: 1px solid var(--line); overflow-wrap: anywhere; }
thead th { border-top: 0; border-bottom: 2px solid var(--line); color: var(--muted); font-weight: 600; }
tbody th { font-weight: 400; width: 34%; }
.alt { border-left: 3px solid var(--line); padding-left: 0.75rem; margin: 0.75rem 0; }
.alt-title { margin: 0.25rem 0; }
.example { margin: 0.5rem 0 1rem; }
.example figcaption { font-size: 0.8125rem; color: var(--muted); }
pre { margin: 0.25rem 0 0; padding: 0.75rem; background: var(--soft); border: 1px solid var(--line); border-radius: 4px; white-space: pre-wrap; overflow-wrap: anywhere; }
details { margin: 0.5rem 0; }
summary { cursor: pointer; color: var(--accent); }
.media { margin: 0.25rem 0; }
.foot { border-top: 1px solid var(--line); padding: 1rem; color: var(--muted); font-size: 0.875rem; text-align: center; }
@media (max-width: 640px) {
  /* Three columns do not fit a phone: each row becomes a small block, the field first. */
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  table, caption, tbody, tr, th, td { display: block; width: auto; }
  tbody th { width: auto; }
  tr { border-top: 1px solid var(--line); padding: 0.4rem 0; }
  th, td { border: 0; padding: 0.1rem 0; }
  .op { padding: 0.75rem; }
  .alt { padding-left: 0.5rem; }
}
@media (min-width: 1000px) {
  .layout { display: grid; grid-template-columns: 280px minmax(0, 1fr); gap: 2.5rem; }
  .toc { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow-y: auto; border: 0; padding-top: 1.5rem; }
  .content > section:first-child > h2 { margin-top: 1rem; }
}
`.trimStart();

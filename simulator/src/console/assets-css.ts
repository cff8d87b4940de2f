// The console's stylesheet, served at /_sim/console/assets/console.css (no inline style: the CSP forbids
// it). System fonts only; layouts wrap rather than scroll sideways down to 320 px; focus always visible;
// colours meet WCAG AA contrast on white.
export const CONSOLE_CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;background:#f5f6f8}
a{color:#0b57a4}a:hover{color:#073d73}
:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem}.skip:focus{left:.5rem;z-index:2}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
header.top{display:flex;flex-wrap:wrap;align-items:center;gap:.4rem 1.5rem;padding:.7rem 1.25rem;background:#102a43;color:#fff}
.brand{color:#fff;font-weight:700;text-decoration:none;font-size:1.05rem}.brand span{font-weight:400;color:#bcccdc}
header nav{display:flex;flex-wrap:wrap;align-items:center;gap:.2rem 1rem}
header nav a{color:#d9e2ec;text-decoration:none;padding:.25rem 0;border-bottom:2px solid transparent}
header nav a[aria-current=page]{color:#fff;border-bottom-color:#f5a623}
.sign-out{margin:0}button.link{background:none;border:0;color:#d9e2ec;padding:.25rem 0;font:inherit;cursor:pointer;text-decoration:underline}
main{max-width:76rem;margin:0 auto;padding:1rem 1.25rem 2rem}
footer{max-width:76rem;margin:0 auto;padding:0 1.25rem 2rem;color:#52606d}
h1{font-size:1.45rem;margin:.4rem 0 .8rem;overflow-wrap:anywhere}h2{font-size:1.1rem;margin:0 0 .6rem}h3{font-size:1rem;margin:.2rem 0 .4rem}
.panel{background:#fff;border:1px solid #d9dee4;border-radius:10px;padding:1rem;margin:0 0 1rem}
.panel>p:first-child,.panel>form>p:first-child{margin-top:0}
.muted{color:#52606d}.small{font-size:.85rem}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em}
code{overflow-wrap:anywhere}
pre{background:#f0f3f6;border-radius:6px;padding:.6rem;margin:.4rem 0;white-space:pre-wrap;overflow-wrap:anywhere;max-height:24rem;overflow-y:auto}
.notice{padding:.6rem .9rem;border-radius:8px;margin:0 0 1rem;font-weight:600}
.notice.ok{background:#e3f9e5;color:#0e5c2f;border:1px solid #8dd6a0}.notice.error{background:#fde8e8;color:#8a1c14;border:1px solid #f1a8a3}
.badge{display:inline-block;font-size:.78rem;font-weight:700;letter-spacing:.02em;padding:.05rem .5rem;border-radius:999px;border:1px solid transparent;white-space:nowrap}
.s-completed,.s-delivered,.s-ok{background:#e3f9e5;color:#0e5c2f;border-color:#8dd6a0}
.s-failed,.s-error{background:#fde8e8;color:#8a1c14;border-color:#f1a8a3}
.s-pending{background:#fff4d6;color:#6b4a00;border-color:#f0cf75}
.env{font-size:.75rem;text-transform:uppercase;color:#52606d}.env.production{color:#8a1c14;font-weight:700}
label{display:block;font-weight:600;font-size:.85rem;margin:0 0 .2rem}
input[type=checkbox]{width:auto;min-height:0;margin-right:.35rem;vertical-align:middle}
input:not([type=checkbox]),select,textarea{font:inherit;width:100%;padding:.45rem .55rem;border:1px solid #9aa5b1;border-radius:6px;background:#fff;color:inherit;height:2.5rem}
textarea{height:auto}
.hint{margin:.25rem 0 .5rem}
ul.plain{list-style:none;padding:0;margin:0}ul.plain li{padding:.4rem 0;border-bottom:1px solid #e4e7eb}ul.plain li:last-child{border:0}
button,.button{font:inherit;font-weight:600;padding:.45rem .9rem;border-radius:6px;border:1px solid #0b57a4;background:#0b57a4;color:#fff;cursor:pointer;min-height:2.4rem;display:inline-flex;align-items:center;gap:.3rem;text-decoration:none}
button.secondary,.button.secondary{background:#fff;color:#0b57a4}
button.danger{background:#b42318;border-color:#b42318}
button.small{font-size:.8rem;padding:.15rem .55rem;min-height:1.9rem}
.filters{display:grid;grid-template-columns:repeat(auto-fit,minmax(9.5rem,1fr));gap:.6rem .8rem;align-items:end}
.filters .search{grid-column:1/-1}
.filters .buttons{display:flex;gap:.5rem;flex-wrap:wrap;grid-column:span 2}
.filters label{margin-top:0}
.search-row{display:flex;gap:.5rem}.search-row input{flex:1;min-width:0}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.5rem .5rem;border-bottom:1px solid #e4e7eb;vertical-align:top}
th{font-size:.8rem;color:#52606d;font-weight:600;text-transform:uppercase;letter-spacing:.03em}
td.amount,th.amount{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
tbody tr:hover{background:#f7f9fb}
.ref{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.8rem;color:#52606d}
#results>p:first-child{margin-top:0}
.pager{display:flex;justify-content:space-between;gap:1rem;margin-top:.8rem;flex-wrap:wrap}
.summary{display:grid;grid-template-columns:repeat(auto-fit,minmax(13rem,1fr));gap:.4rem 1.2rem;margin:0}
.summary div{min-width:0}.summary dt{font-size:.78rem;color:#52606d;text-transform:uppercase;letter-spacing:.03em}.summary dd{margin:0;overflow-wrap:anywhere}
.big{font-size:1.6rem;font-weight:700}
.layout{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:1rem;align-items:start}
.actions form{margin:0 0 1rem;padding:0 0 1rem;border-bottom:1px solid #e4e7eb}.actions form:last-child{border:0;margin:0;padding:0}
.row{display:flex;gap:.5rem;align-items:end;flex-wrap:wrap;margin:.3rem 0}.row>div{flex:1;min-width:8rem}
form h3{margin-top:1rem}.actions form:first-child h3{margin-top:0}
.timeline{list-style:none;margin:0;padding:0;position:relative}
.timeline>li{position:relative;padding:0 0 1rem 1.6rem;border-left:2px solid #d9dee4;margin-left:.5rem}
.timeline>li:last-child{border-left-color:transparent}
.timeline>li::before{content:"";position:absolute;left:-.45rem;top:.3rem;width:.8rem;height:.8rem;border-radius:50%;background:#9aa5b1;border:2px solid #fff}
.timeline>li.ok::before{background:#1f9d55}.timeline>li.bad::before{background:#c62828}.timeline>li.wait::before{background:#d69e2e}
.event-head{display:flex;flex-wrap:wrap;gap:.2rem .7rem;align-items:baseline}
.event-head time{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.8rem;color:#52606d}
.event-title{font-weight:600}
details{margin:.3rem 0}summary{cursor:pointer;color:#0b57a4;font-size:.9rem}
.deliveries{margin:.3rem 0 0;padding-left:1.1rem}.deliveries li{margin:.25rem 0}
.cred{display:grid;grid-template-columns:10rem minmax(0,1fr);gap:.3rem 1rem;margin:0}
.cred dt{font-weight:600}.cred dd{margin:0;min-width:0}
.copy{margin-left:.4rem}
.secret summary{display:inline}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(20rem,100%),1fr));gap:1rem;align-items:start}
.grid2 .wide{grid-column:1/-1}
.grid2 .panel{margin:0}
form label{margin-top:.5rem}
.once{border:2px solid #f5a623;background:#fffaf0}
.inline-form{display:inline}
@media (max-width:760px){
  .layout{grid-template-columns:minmax(0,1fr)}
  .layout .actions{order:-1}
  table.responsive thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
  table.responsive,table.responsive tbody,table.responsive tr,table.responsive td{display:block;width:100%}
  table.responsive tr{border-bottom:1px solid #d9dee4;padding:.4rem 0}
  table.responsive td{border:0;padding:.15rem 0;display:flex;gap:.6rem;justify-content:space-between;text-align:right}
  table.responsive td>div{min-width:0;overflow-wrap:anywhere}
  table.responsive td::before{content:attr(data-label);font-size:.78rem;color:#52606d;text-transform:uppercase;text-align:left;flex:none}
  table.responsive td.amount{text-align:right}
  .cred{grid-template-columns:minmax(0,1fr)}
  main{padding:.8rem}
}
`;

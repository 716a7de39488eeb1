// The web UI's stylesheet and icon, served as /assets/app.css and /assets/icon.svg (the Content-Security-Policy allows no inline style).

export const APP_CSS = `
:root {
  color-scheme: light dark;
  --fg: #1d1d1f; --muted: #5f6368; --line: #d9dce1; --soft: #f5f7fa; --accent: #0b57d0; --chip: #eef2f8; --bg: #fff;
  --bar: #0f1b2d; --bar-fg: #f1f4f8; --ok: #146c2e; --ok-bg: #e6f4ea; --warn: #8a4b00; --warn-bg: #fdf0dc; --bad: #a50e0e; --bad-bg: #fce8e6;
  --mark: #fff1a8; --mark-strong: #ffd84d; --focus: #f9ab00;
  --sans: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", system-ui, sans-serif;
  --serif: Charter, "Iowan Old Style", Georgia, Cambria, "Liberation Serif", "Times New Roman", serif;
  --c1: #0b57d0; --c2: #b3261e; --c3: #146c2e; --c4: #7e3ff2; --c5: #b06000; --c6: #00639b; --c7: #a8006e; --c8: #4a6300;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e8eaed; --muted: #a3a7ad; --line: #3c4043; --soft: #1f2227; --accent: #8ab4f8; --chip: #2a2f36; --bg: #16181b;
    --bar: #0b1320; --ok: #81c995; --ok-bg: #173223; --warn: #fdd663; --warn-bg: #3a2e12; --bad: #f28b82; --bad-bg: #3c1f1d;
    --mark: #5c4d00; --mark-strong: #7a6500;
    --c1: #8ab4f8; --c2: #f28b82; --c3: #81c995; --c4: #c58af9; --c5: #fcad70; --c6: #78d9ec; --c7: #ff8bcb; --c8: #c5e17a;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.55 var(--sans); -webkit-font-smoothing: antialiased; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, summary:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: .2rem; }
.skip { position: absolute; left: -999px; top: 0; background: var(--bg); padding: .5rem 1rem; z-index: 10; }
.skip:focus { left: .5rem; }
.untrusted { unicode-bidi: isolate; overflow-wrap: anywhere; }
.ctl { font: .72em ui-monospace, SFMono-Regular, Menlo, monospace; color: var(--bad); background: var(--bad-bg); border-radius: .2em; padding: 0 .2em; }

header.bar { background: var(--bar); color: var(--bar-fg); }
header.bar .inner { max-width: 76rem; margin: 0 auto; padding: .7rem 1.25rem; display: flex; gap: 1.5rem; align-items: center; flex-wrap: wrap; }
.brand { color: var(--bar-fg); text-decoration: none; font-weight: 700; font-size: 1.15rem; letter-spacing: .01em; display: flex; align-items: center; gap: .5rem; }
.brand .mark { display: inline-grid; place-items: center; width: 1.6rem; height: 1.6rem; border-radius: .4rem; background: #4d8df6; color: #fff; font-size: .95rem; }
header.bar nav { display: flex; gap: 1.1rem; font-size: .92rem; }
header.bar nav a { color: #c9d3e0; text-decoration: none; }
header.bar nav a:hover, header.bar nav a[aria-current="page"] { color: #fff; text-decoration: underline; text-underline-offset: .25em; }

main { max-width: 76rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
h1 { font: 700 2.1rem/1.18 var(--serif); margin: .2rem 0 .6rem; letter-spacing: -.005em; max-width: 48rem; text-wrap: balance; }
h2 { font-size: 1.12rem; margin: 2.2rem 0 .7rem; padding-bottom: .35rem; border-bottom: 1px solid var(--line); display: flex; gap: .6rem; align-items: baseline; }
h2 .count { color: var(--muted); font-weight: 500; font-size: .85rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
.meta, .basis, .note { color: var(--muted); font-size: .88rem; }
.kicker { text-transform: uppercase; letter-spacing: .08em; font-size: .75rem; color: var(--muted); font-weight: 600; }
footer.foot p { margin: .2rem 0; }
footer.foot kbd { font-size: .75rem; border: 1px solid var(--line); border-radius: .25rem; padding: 0 .3rem; background: var(--soft); }
footer.foot { max-width: 76rem; margin: 0 auto; padding: 1rem 1.25rem 2rem; color: var(--muted); font-size: .82rem; border-top: 1px solid var(--line); }

.chip { display: inline-flex; align-items: center; gap: .3em; max-width: 16rem; padding: .05em .5em; margin: .1em .15em .1em 0; border-radius: 1em; background: var(--chip); color: var(--fg); font-size: .78rem; line-height: 1.5; text-decoration: none; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; vertical-align: .08em; border: 1px solid transparent; }
.chip:hover { border-color: var(--line); }
.chip .n { font-weight: 700; }
.dot { display: inline-block; width: .6em; height: .6em; border-radius: 50%; flex: none; background: var(--c1); }
.s1 .dot, .dot.s1 { background: var(--c1); } .s2 .dot, .dot.s2 { background: var(--c2); } .s3 .dot, .dot.s3 { background: var(--c3); } .s4 .dot, .dot.s4 { background: var(--c4); }
.s5 .dot, .dot.s5 { background: var(--c5); } .s6 .dot, .dot.s6 { background: var(--c6); } .s7 .dot, .dot.s7 { background: var(--c7); } .s8 .dot, .dot.s8 { background: var(--c8); }
.tag { display: inline-block; font-size: .72rem; padding: 0 .45em; border: 1px solid var(--line); border-radius: .3em; color: var(--muted); vertical-align: .1em; white-space: nowrap; }
.badge { display: inline-block; font-size: .75rem; font-weight: 600; padding: .05em .55em; border-radius: .35em; white-space: nowrap; }
.badge.ok { color: var(--ok); background: var(--ok-bg); } .badge.warn { color: var(--warn); background: var(--warn-bg); } .badge.bad { color: var(--bad); background: var(--bad-bg); }

.stats { display: flex; flex-wrap: wrap; gap: .6rem; margin: .9rem 0 0; padding: 0; list-style: none; }
.stats li { background: var(--soft); border: 1px solid var(--line); border-radius: .6rem; padding: .45rem .8rem; min-width: 7.5rem; }
.stats b { display: block; font-size: 1.35rem; line-height: 1.2; }
.stats span { color: var(--muted); font-size: .8rem; }

/* Story list */
.search { display: grid; gap: .8rem; background: var(--soft); border: 1px solid var(--line); border-radius: .8rem; padding: 1rem; margin: 1rem 0 1.2rem; }
.search .row { display: flex; gap: .6rem; flex-wrap: wrap; align-items: end; }
.search label { display: grid; gap: .2rem; font-size: .8rem; color: var(--muted); font-weight: 600; }
.search input, .search select { font: inherit; font-size: .95rem; padding: .45rem .6rem; border: 1px solid var(--line); border-radius: .45rem; background: var(--bg); color: var(--fg); min-width: 0; }
.search > .row:first-child { flex-wrap: nowrap; }
.search .q { flex: 1 1 auto; min-width: 0; position: relative; }
.search .q .hint { position: absolute; right: .6rem; top: 50%; transform: translateY(-50%); font: 600 .75rem/1 var(--sans); color: var(--muted); border: 1px solid var(--line); border-radius: .3rem; padding: .2rem .4rem; background: var(--soft); }
.search .q input:focus + .hint { display: none; }
kbd { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; } .search .q input { width: 100%; font-size: 1.02rem; padding: .55rem .75rem; }
.search .filters > summary { cursor: pointer; font-size: .88rem; font-weight: 600; color: var(--muted); width: max-content; }
.search .filters > summary .count { color: var(--accent); }
.search .filters[open] > summary { margin-bottom: .6rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
ol.stories .when { font-size: .78rem; font-weight: 600; letter-spacing: .04em; text-transform: uppercase; color: var(--muted); margin-bottom: .2rem; }
.facts .badge { font-size: .74rem; }
button, .button { font: inherit; font-size: .95rem; font-weight: 600; padding: .48rem 1rem; border-radius: .45rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
.button.quiet, button.quiet { background: transparent; color: var(--accent); }
@media (prefers-color-scheme: dark) { button, .button { color: #0b1320; } }
.tabs { display: flex; gap: .3rem; flex-wrap: wrap; margin: 0 0 .8rem; padding: 0; list-style: none; }
.tabs a { display: inline-block; padding: .35rem .85rem; border-radius: 2rem; text-decoration: none; color: var(--fg); border: 1px solid var(--line); font-size: .9rem; }
.tabs a[aria-current="true"] { background: var(--fg); color: var(--bg); border-color: var(--fg); }
.results-meta { color: var(--muted); font-size: .88rem; margin: .2rem 0 .8rem; }
ol.stories { list-style: none; margin: 0; padding: 0; display: grid; gap: .75rem; }
ol.stories li { border: 1px solid var(--line); border-radius: .75rem; padding: .9rem 1.1rem; background: var(--bg); }
ol.stories li:hover { border-color: var(--muted); }
ol.stories h2 { border: 0; margin: 0 0 .35rem; padding: 0; font: 700 1.22rem/1.3 var(--serif); display: block; }
ol.stories h2 a { color: var(--fg); text-decoration: none; }
ol.stories h2 a:hover { color: var(--accent); text-decoration: underline; }
.facts { display: flex; gap: .4rem 1rem; flex-wrap: wrap; align-items: center; color: var(--muted); font-size: .86rem; }
.facts b { color: var(--fg); }
.pager { display: flex; justify-content: space-between; margin-top: 1.2rem; }
.empty { padding: 2.5rem 1rem; text-align: center; color: var(--muted); border: 1px dashed var(--line); border-radius: .8rem; }

/* Story page */
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 14rem; gap: 2.5rem; }
.toc { position: sticky; top: 1rem; align-self: start; font-size: .9rem; border-left: 2px solid var(--line); padding-left: 1rem; }
.toc ol { list-style: none; margin: .4rem 0 0; padding: 0; display: grid; gap: .3rem; }
.toc a { text-decoration: none; color: var(--fg); } .toc a:hover { color: var(--accent); }
.toc .count { color: var(--muted); font-size: .8rem; }
.toc .exports { margin-top: 1.2rem; padding-top: .9rem; border-top: 1px solid var(--line); }
.toc .exports ul { list-style: none; margin: .4rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: .35rem; }
.toc .exports a { display: inline-block; padding: .15rem .6rem; border: 1px solid var(--line); border-radius: .4rem; text-decoration: none; font-size: .82rem; color: var(--fg); }
.toc .exports a:hover { border-color: var(--accent); color: var(--accent); }
.reported { margin: .9rem 0 0; display: flex; flex-wrap: wrap; gap: .2rem .1rem; align-items: center; font-size: .88rem; color: var(--muted); }
.reported > span { margin-right: .4rem; }
.summary { margin: 0; padding: 0; list-style: none; display: grid; gap: .7rem; }
.summary li { font-size: 1.06rem; line-height: 1.6; padding-left: 1rem; border-left: 3px solid var(--accent); }
table { border-collapse: collapse; width: 100%; font-size: .93rem; }
th, td { text-align: left; vertical-align: top; padding: .5rem .55rem; border-bottom: 1px solid var(--line); }
th { font-weight: 600; color: var(--muted); font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
.matrix th.src, .matrix td.cell { text-align: center; width: 4.2rem; }
.matrix td.claim { min-width: 18rem; }
.matrix td.claim strong { white-space: nowrap; }
th .chip { text-transform: none; letter-spacing: 0; }
.chip.compact { padding: .05em .5em; gap: .25em; }
.matrix td.cell .dot { width: .8em; height: .8em; }
.matrix td.cell .value { font-size: .78rem; font-weight: 600; color: var(--bad); overflow-wrap: normal; word-break: keep-all; }
.matrix tr.group th { background: var(--soft); color: var(--fg); text-transform: none; letter-spacing: 0; font-size: .88rem; }
.timeline { list-style: none; margin: 0; padding: 0 0 0 1.1rem; border-left: 2px solid var(--line); }
.timeline li { position: relative; margin: 0 0 1rem; padding-left: .6rem; }
.timeline li::before { content: ""; position: absolute; left: calc(-1.1rem - 9px); top: .45rem; width: .75rem; height: .75rem; border-radius: 50%; background: var(--bg); border: 2px solid var(--accent); }
.timeline .when { font-weight: 700; font-size: .92rem; }
.timeline .when .label { font-weight: 500; color: var(--muted); }
.quotes { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 24rem), 1fr)); gap: .9rem; }
.quotes + details { margin-top: .9rem; }
.quotes + details > summary, .timeline + details > summary { cursor: pointer; color: var(--accent); font-weight: 600; font-size: .92rem; padding: .3rem 0; }
details > .quotes { margin-top: .7rem; }
.quote-card { margin: 0; border: 1px solid var(--line); border-radius: .7rem; padding: .8rem 1rem; display: flex; flex-direction: column; justify-content: space-between; gap: .5rem; }
.quote-card blockquote { margin: 0; font: italic 1.02rem/1.55 var(--serif); }
.quote-card .who { font-weight: 700; }
.quote-card figcaption { display: grid; gap: .3rem; font-size: .9rem; }
.quote-card.quote-indirect blockquote { font-style: normal; color: var(--muted); }
.entities { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 1rem; }
.entities ul { list-style: none; margin: 0; padding: 0; }
.entities li { display: flex; justify-content: space-between; gap: .5rem; padding: .25rem 0; border-bottom: 1px dotted var(--line); font-size: .93rem; }
.entities .n { color: var(--muted); font-variant-numeric: tabular-nums; white-space: nowrap; }
.conflict { border: 1px solid var(--line); border-left: 4px solid var(--bad); border-radius: .5rem; padding: .7rem .9rem; margin: 0 0 .8rem; }
.conflict.minor { border-left-color: var(--warn); }
.conflict ul { margin: .4rem 0 0; padding-left: 1.1rem; }
mark { background: var(--mark); color: inherit; border-radius: .15em; padding: 0 .05em; }
.origins { list-style: none; margin: 0; padding: 0; display: grid; gap: .7rem; }
.origins > li { border: 1px solid var(--line); border-radius: .6rem; padding: .6rem .9rem; }
.origins ul { margin: .3rem 0 0; padding-left: 1.1rem; font-size: .92rem; }
.sources td .title { font-weight: 600; }
.passages { list-style: none; padding: 0; margin: 0; display: grid; gap: .8rem; }
.passages li { border-left: 3px solid var(--mark-strong); padding: .2rem 0 .2rem .8rem; }
.updated { position: fixed; bottom: 1rem; right: 1rem; background: var(--bar); color: var(--bar-fg); padding: .6rem 1rem; border-radius: .6rem; box-shadow: 0 4px 16px rgba(0,0,0,.25); font-size: .9rem; }

/* Article and side by side */
.text { white-space: pre-wrap; overflow-wrap: anywhere; font: 1.05rem/1.7 var(--serif); unicode-bidi: isolate; }
.article-text { max-width: 42rem; }
.text mark.passage { background: var(--mark); box-shadow: inset 0 -2px 0 var(--mark-strong); cursor: pointer; }
.text mark.passage.active { background: var(--mark-strong); }
mark.quote-mark { background: transparent; box-shadow: inset 0 -2px 0 var(--c4); }
.pair { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 1.5rem; }
.pair article { border: 1px solid var(--line); border-radius: .8rem; padding: 1rem 1.1rem; min-width: 0; }
.pair article header { border-bottom: 1px solid var(--line); padding-bottom: .6rem; margin-bottom: .8rem; }
.pair article h2 { border: 0; margin: .1rem 0 .2rem; padding: 0; font: 700 1.15rem/1.3 var(--serif); display: block; }
.pair article h2 a { color: var(--fg); text-decoration: none; } .pair article h2 a:hover { color: var(--accent); text-decoration: underline; }
.pickers { display: flex; gap: .8rem; flex-wrap: wrap; align-items: end; margin: .8rem 0 1.2rem; }
.pickers label { display: grid; gap: .2rem; font-size: .8rem; color: var(--muted); font-weight: 600; }
.pickers select { font: inherit; font-size: .92rem; padding: .4rem .5rem; border: 1px solid var(--line); border-radius: .45rem; background: var(--bg); color: var(--fg); max-width: 22rem; }
.legend { display: flex; gap: 1rem; flex-wrap: wrap; font-size: .85rem; color: var(--muted); margin: 0 0 1rem; }
.legend mark { padding: 0 .3em; }
dl.props { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; font-size: .92rem; margin: .8rem 0 1.2rem; }
dl.props dt { color: var(--muted); } dl.props dd { margin: 0; overflow-wrap: anywhere; }

@media (max-width: 900px) {
  .layout { grid-template-columns: minmax(0, 1fr); gap: 1rem; }
  .toc { position: static; border-left: 0; padding-left: 0; }
  .toc ol { display: flex; flex-wrap: wrap; gap: .3rem .9rem; }
}
@media (max-width: 700px) {
  h1 { font-size: 1.45rem; }
  main { padding: 1rem .9rem 3rem; }
  .pair { grid-template-columns: minmax(0, 1fr); }
  .stats { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); }
  .stats li { min-width: 0; padding: .4rem .6rem; }
  .matrix td.claim { min-width: 14rem; }
}
`;

/** Two overlapping sources fused into one story: the brand mark, also the tab icon. */
export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#0f1b2d"/><circle cx="12.5" cy="16" r="7" fill="#4d8df6"/><circle cx="19.5" cy="16" r="7" fill="#f1f4f8" fill-opacity=".85"/></svg>
`;

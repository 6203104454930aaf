/**
 * The built-in bundle style: one readable column on phones and desktops, black on
 * white for print. No fonts or images are fetched; the profile's CSS is appended.
 */
export const BASE_CSS = `*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:1.125rem/1.65 Georgia,"Noto Serif","Times New Roman",serif;color:#1a1a1a;background:#fff}
.site{max-width:42rem;margin:0 auto;padding:.75rem 1rem;font:600 1rem/1.3 system-ui,sans-serif;border-bottom:1px solid #ccc}
main{display:block}
article{max-width:42rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1{font-size:clamp(1.6rem,5vw,2.2rem);line-height:1.25;margin:0 0 .75rem}
h2{font-size:1.35rem;line-height:1.3;margin:2rem 0 .5rem}
h3{font-size:1.15rem;margin:1.5rem 0 .5rem}
.meta{font:.9rem/1.5 system-ui,sans-serif;color:#4a4a4a;margin:0 0 1.25rem}
.meta p{margin:0}
.lead{font-weight:700;margin:0 0 1.25rem}
.tag{white-space:nowrap}
blockquote{margin:1.25rem 0;padding:0 0 0 1rem;border-left:4px solid #888;font-style:italic}
figure{margin:1.5rem 0}
figure img{display:block;width:100%;height:auto;background:#eee}
figcaption{font:.95rem/1.45 system-ui,sans-serif;color:#3d3d3d;padding:.4rem 0 0}
.credit{font-style:italic}
.byline{text-align:right;font-weight:700;margin:2rem 0 0}
a{color:#0b4f9c}
hr{border:0;border-top:1px solid #ccc;margin:2rem 0}
.notice{font:600 .9rem/1.4 system-ui,sans-serif;background:#fff4ce;color:#3b2e00;border:1px solid #c9a400;padding:.5rem .75rem;margin:0 0 1rem}
@media print{body{font-size:11pt;color:#000}.site{border:0;padding:0}article{max-width:none;padding:0}a{color:#000}a[href^="http"]::after{content:" (" attr(href) ")";font-size:.8em}figure{break-inside:avoid}}
`;

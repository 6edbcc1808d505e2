import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';

/**
 * Email HTML made safe to show in the composer's preview. Defence in depth
 * (reference/channel-limits.md, "Email"): this sanitiser, then a sandboxed `<iframe srcdoc>`
 * without any `allow-*` token, then the frame document's own Content-Security-Policy.
 *
 * The profile is an allowlist of what mail programs render: text, links, images, lists and
 * tables. No active content (script, style, frames, objects, forms, SVG, MathML), no event
 * handlers, links only to http(s), mailto and tel, and images only as inline data
 * (PNG, JPEG, GIF). Remote images are blocked: loading one tells its host that the message was
 * opened (tracking pixels), so the preview never fetches them and says how many it left out.
 */

// prettier-ignore
const ALLOWED_TAGS = [
  'a', 'abbr', 'address', 'article', 'aside', 'b', 'bdi', 'bdo', 'big', 'blockquote', 'br',
  'caption', 'center', 'cite', 'code', 'col', 'colgroup', 'dd', 'del', 'dfn', 'div', 'dl', 'dt',
  'em', 'figcaption', 'figure', 'font', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hr', 'i', 'img', 'ins', 'kbd', 'li', 'main', 'mark', 'nav', 'ol', 'p', 'pre', 'q', 's', 'samp',
  'section', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'table', 'tbody', 'td', 'tfoot',
  'th', 'thead', 'time', 'tr', 'tt', 'u', 'ul', 'var', 'wbr',
];

// prettier-ignore
const ALLOWED_ATTR = [
  'abbr', 'align', 'alt', 'bgcolor', 'border', 'cellpadding', 'cellspacing', 'class', 'color',
  'colspan', 'datetime', 'dir', 'face', 'headers', 'height', 'href', 'lang', 'reversed',
  'rowspan', 'scope', 'size', 'span', 'src', 'start', 'style', 'title', 'type', 'valign', 'width',
];

/** Listed as well as left out of the allowlist, so that a later edit of the list cannot let
 * them in: DOMPurify applies FORBID_* after ALLOWED_*. */
// prettier-ignore
const FORBID_TAGS = [
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input',
  'button', 'select', 'option', 'textarea', 'meta', 'link', 'base', 'svg', 'math', 'template',
  'noscript', 'audio', 'video', 'source', 'track', 'picture', 'portal', 'map', 'area', 'dialog',
];

// prettier-ignore
const FORBID_ATTR = [
  'target', 'action', 'formaction', 'background', 'srcset', 'poster', 'ping', 'longdesc',
  'lowsrc', 'dynsrc', 'xlink:href', 'http-equiv', 'srcdoc', 'data', 'codebase', 'manifest',
];

/** Where a link may point; checked on the final value, entities already decoded by the parser. */
const LINK_URL = /^(?:https?:|mailto:|tel:)/i;

/**
 * DOMPurify tests every kept attribute value that is not on its short list of URI-safe
 * attributes against this pattern (so it must let through plain values like "2" or "#eee"), after
 * removing whitespace and control characters ("java\tscript:" is caught). Its default minus the
 * schemes we do not link to; the hook below then allows only LINK_URL in href.
 */
const ATTRIBUTE_VALUE = /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

/** The only image sources shown: inline PNG, JPEG or GIF. */
const INLINE_IMAGE = /^data:image\/(?:png|jpe?g|gif);base64,[a-z0-9+/=\s]*$/i;

/**
 * CSS in a style attribute that could fetch something or run something in old engines; the
 * whole attribute goes when one appears. Escapes and comments go too, as they can spell any of
 * these without matching.
 */
const UNSAFE_CSS =
  /url\s*\(|image-set|image\s*\(|cross-fade|element\s*\(|expression|@import|behaviou?r|binding|javascript|vbscript|\\|\/\*/i;

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOWED_URI_REGEXP: ATTRIBUTE_VALUE,
  ALLOWED_NAMESPACES: ['http://www.w3.org/1999/xhtml'],
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOW_SELF_CLOSE_IN_ATTR: false,
  // Keeps text and elements that precede <body> in a full document instead of losing them.
  FORCE_BODY: true,
  RETURN_TRUSTED_TYPE: false,
};

export interface SanitizedEmail {
  html: string;
  /** Images left without a source because it was remote or not an allowed inline image. */
  blockedImages: number;
}

let purifier: Purifier | undefined;
let blockedImages = 0;

function getPurifier(): Purifier | undefined {
  if (purifier) return purifier;
  if (typeof window === 'undefined') return undefined;
  // An instance of our own: hooks on the shared default instance would change every other
  // caller's sanitising.
  const instance = DOMPurify(window);
  if (!instance.isSupported) return undefined;

  instance.addHook('uponSanitizeAttribute', (node, data) => {
    if (data.attrName === 'style' && UNSAFE_CSS.test(data.attrValue)) data.keepAttr = false;
    if (data.attrName === 'src' && !INLINE_IMAGE.test(data.attrValue.trim())) {
      data.keepAttr = false;
      if (node.localName === 'img' && data.attrValue.trim() !== '') blockedImages++;
    }
  });
  instance.addHook('afterSanitizeAttributes', (node) => {
    node.removeAttribute('target');
    // Checked once more on the value that stays, whatever path it took through DOMPurify.
    if (node.hasAttribute('src') && !INLINE_IMAGE.test((node.getAttribute('src') ?? '').trim()))
      node.removeAttribute('src');
    if (node.hasAttribute('href')) {
      // Relative and protocol-relative addresses have nothing to be relative to in a mail.
      if (!LINK_URL.test((node.getAttribute('href') ?? '').trim())) node.removeAttribute('href');
      else if (node.localName === 'a') node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  purifier = instance;
  return purifier;
}

/**
 * Sanitises email HTML and counts the images it left out. Without a DOM (Node) there is
 * nothing to sanitise with, and it returns nothing rather than the input: DOMPurify itself
 * hands the input back unchanged in that case.
 */
export function sanitizeEmailHtmlWithReport(html: string): SanitizedEmail {
  const instance = getPurifier();
  if (!instance) return { html: '', blockedImages: 0 };
  blockedImages = 0;
  const clean = instance.sanitize(html, CONFIG);
  return { html: clean, blockedImages };
}

export function sanitizeEmailHtml(html: string): string {
  return sanitizeEmailHtmlWithReport(html).html;
}

/** The frame document's own policy: nothing loads from any host, inline styles render. */
export const EMAIL_PREVIEW_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

const BASE_STYLE = [
  'html{color-scheme:light}',
  'body{margin:0;padding:16px;background:#fff;color:#0f172a;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;overflow-wrap:anywhere}',
  'img{max-width:100%;height:auto}',
  'table{border-collapse:collapse;max-width:100%}',
  'blockquote{margin:0 0 0 4px;padding-left:12px;border-left:3px solid #cbd5e1;color:#334155}',
  'a{color:#0f766e}',
  'pre{white-space:pre-wrap}',
].join('');

/**
 * The document for `<iframe sandbox="" srcdoc>`. `html` must come from `sanitizeEmailHtml`.
 * `<base target="_blank">` makes a click on a link ask for a new window, which the sandbox
 * (no `allow-popups`) refuses, so a link can neither load a site into the preview nor leave it.
 */
export function emailPreviewDocument(html: string): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${EMAIL_PREVIEW_CSP}">` +
    '<meta name="referrer" content="no-referrer">' +
    '<base target="_blank">' +
    `<style>${BASE_STYLE}</style>` +
    `</head><body>${html}</body></html>`
  );
}

/*! Fix 1002 help widget loader. One script tag adds a launcher button that opens the
 * assistant in a panel; everything lives in a shadow root, so the host page's CSS and ours never
 * meet, and the only global is `Fix1002`. (The shadow root is open so that the host page's own
 * tests and accessibility tools can see inside; the host's CSS cannot reach in either way.)
 *
 *   <script src="https://example.com/help/1002/embed.js" data-start="troubleshoot" async></script>
 *
 * Options (data attributes): data-start (troubleshoot | decode | steps | steps/<id>),
 * data-position (right | left), data-accent (a CSS colour), data-label (the launcher's text),
 * data-sections (the sections the panel offers, such as "troubleshoot steps" for a site for
 * owners only; all three when absent), data-lang (the panel's language, such as "de" or
 * "nb-NO"; without it, the host page's own `lang`, then the visitor's browser).
 * API, callable before the script loads through the usual queue stub:
 *   window.Fix1002 = window.Fix1002 || function () { (Fix1002.q = Fix1002.q || []).push(arguments) };
 *   Fix1002('open'); Fix1002('close'); Fix1002('destroy');   // or Fix1002.open() once loaded
 *
 * A guest on someone else's page must never become a way into it. So no value from the page
 * (the data attributes) ever reaches an HTML or CSS parser: the DOM is built with createElement
 * and textContent, the styles live in a constructed stylesheet (which also works on hosts whose
 * CSP forbids inline styles), and the accent is set as one custom property, after checking that
 * it is a plain colour.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || (window.Fix1002 && window.Fix1002.loaded)) return;

  var base = new URL('.', script.src);
  var data = script.dataset;
  // The app's sections, by the names its URLs use, in its navigation order: the one list of
  // them here. It must equal the app's own (SECTIONS in src/route.rs, which
  // Offered::from_list reads ?sections= against); tests/embed_sections.rs fails if they part.
  var SECTIONS = ['troubleshoot', 'decode', 'steps'];
  // Only known section names pass; none at all means every section.
  var sections = (data.sections || '').split(/[\s,]+/).filter(function (name) {
    return SECTIONS.indexOf(name) >= 0;
  });
  if (!sections.length) sections = SECTIONS.slice();
  // A section, or one fix step's page (steps/<id>, the only section with pages of its own).
  var wanted = /^([a-z]+)(\/[a-z0-9-]+)?$/.exec(data.start || '');
  var start = wanted && SECTIONS.indexOf(wanted[1]) >= 0 && (!wanted[2] || wanted[1] === 'steps') ? data.start : sections[0];
  if (sections.indexOf(start.split('/')[0]) < 0) start = sections[0];
  var side = data.position === 'left' ? 'left' : 'right';
  var accent = plainColour(data.accent) || '#0f6b5c';
  var label = data.label || 'Help with Sonos error 1002';
  var queued = (window.Fix1002 && window.Fix1002.q) || [];
  var destroyed = false;

  /** `value` if it is a colour written without var(), env(), attr() or any other nesting. */
  function plainColour(value) {
    if (typeof value !== 'string') return null;
    value = value.trim();
    var hex = /^#[0-9a-f]{3,8}$/i;
    var named = /^[a-z]+$/i;
    // One function of numbers, percentages, angles and separators: nothing can nest inside.
    var fn = /^(rgba?|hsla?|hwb|lab|lch|oklab|oklch)\([0-9a-z.%+\-\s,\/]*\)$/i;
    if (!(hex.test(value) || named.test(value) || fn.test(value))) return null;
    if (/var|env|attr|calc|url/i.test(value)) return null;
    return window.CSS && CSS.supports('color', value) ? value : null;
  }

  function element(tag, className, attributes) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    for (var name in attributes) node.setAttribute(name, attributes[name]);
    return node;
  }

  var host = document.createElement('fix1002-widget');
  // Set through the CSSOM, never as a style attribute: a host CSP without 'unsafe-inline'
  // blocks attributes but not the CSSOM. `important` beats any rule of the host's.
  var hostStyle = { all: 'initial', position: 'fixed', 'z-index': '2147483000', bottom: '16px', display: 'block' };
  hostStyle[side] = '16px';
  for (var property in hostStyle) host.style.setProperty(property, hostStyle[property], 'important');

  var root = host.attachShadow({ mode: 'open' });
  var sheet = new CSSStyleSheet();
  sheet.replaceSync(
    ':host{font:16px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#17201e}' +
    '*{box-sizing:border-box}' +
    '.launcher{min-height:48px;padding:0 20px;border:0;border-radius:999px;background:var(--accent);color:#fff;' +
    'font:inherit;font-weight:700;cursor:pointer;box-shadow:0 4px 16px rgba(0,0,0,.25)}' +
    '.launcher:focus-visible,.close:focus-visible{outline:3px solid #b3470b;outline-offset:2px}' +
    '.panel{position:fixed;bottom:80px;width:400px;height:min(640px,calc(100vh - 100px));' +
    'display:flex;flex-direction:column;background:#fff;border-radius:14px;overflow:hidden;box-shadow:0 8px 32px rgba(0,0,0,.3)}' +
    '.panel.right{right:16px}.panel.left{left:16px}' +
    '.panel[hidden]{display:none}' +
    '.bar{display:flex;align-items:center;justify-content:space-between;padding:4px 4px 4px 16px;background:var(--accent);color:#fff;font-weight:700}' +
    '.close{min-width:48px;min-height:48px;border:0;background:transparent;color:#fff;font:inherit;font-size:24px;cursor:pointer}' +
    'iframe{flex:1;width:100%;border:0}' +
    '@media (max-width:600px){.panel.right,.panel.left{inset:0;width:auto;height:auto;border-radius:0}}'
  );
  root.adoptedStyleSheets = [sheet];
  host.style.setProperty('--accent', accent);

  var launcher = element('button', 'launcher', { type: 'button', 'aria-haspopup': 'dialog', 'aria-expanded': 'false' });
  launcher.textContent = label;
  // The panel is modal: on a phone it covers the page, and everywhere it keeps focus inside
  // while it is open. Two guards at its edges send Tab round instead of out to the page.
  var panel = element('div', 'panel ' + side, { role: 'dialog', 'aria-modal': 'true', 'aria-label': 'Fix 1002 help' });
  panel.hidden = true;
  var firstGuard = element('span', null, { tabindex: '0' });
  var lastGuard = element('span', null, { tabindex: '0' });
  var bar = element('div', 'bar');
  var title = element('span');
  title.textContent = 'Fix 1002';
  var closeButton = element('button', 'close', { type: 'button', 'aria-label': 'Close help' });
  closeButton.textContent = '\u00d7';
  bar.append(title, closeButton);
  panel.append(firstGuard, bar, lastGuard);
  root.append(launcher, panel);
  var frame = null;

  function open() {
    if (destroyed || !host.isConnected) return;
    if (!frame) {
      frame = element('iframe', null, {
        title: 'Fix 1002 help',
        // Copy report and Share summary need these inside a frame.
        allow: 'clipboard-write; web-share',
        // Everything the assistant needs (its script, its own storage and service worker,
        // links that open outside, saving a report), and never navigating the host page.
        sandbox: 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads',
        referrerpolicy: 'no-referrer',
      });
      var offered = sections.length < SECTIONS.length ? '&sections=' + sections.join(',') : '';
      // A language tag only (letters, digits, hyphens): the app matches it against its twelve.
      var lang = (data.lang || document.documentElement.lang || '').trim();
      var language = /^[A-Za-z0-9-]{1,35}$/.test(lang) ? '&lang=' + encodeURIComponent(lang) : '';
      frame.src = new URL('index.html?embed=1' + offered + language + '#/' + start, base).href;
      panel.insertBefore(frame, lastGuard);
    }
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    holdPageStill(fillsScreen.matches);
    frame.focus();
  }

  function close() {
    if (panel.hidden) return;
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    holdPageStill(false);
    launcher.focus();
  }

  // While the panel covers a phone's screen, the page behind it must not scroll under the
  // reader's finger. The page's own overflow value is kept and put back as it was.
  var fillsScreen = window.matchMedia('(max-width:600px)');
  var pageOverflow = null;
  function holdPageStill(hold) {
    var html = document.documentElement;
    var style = html.style;
    if (hold && pageOverflow === null) {
      pageOverflow = {
        value: style.getPropertyValue('overflow'),
        priority: style.getPropertyPriority('overflow'),
        attribute: html.hasAttribute('style'),
      };
      style.setProperty('overflow', 'hidden', 'important');
    } else if (!hold && pageOverflow !== null) {
      if (pageOverflow.value) style.setProperty('overflow', pageOverflow.value, pageOverflow.priority);
      else style.removeProperty('overflow');
      if (!pageOverflow.attribute && !html.getAttribute('style')) html.removeAttribute('style');
      pageOverflow = null;
    }
  }

  function onKey(event) {
    if (event.key === 'Escape' && !panel.hidden) close();
  }

  // Escape pressed inside the assistant arrives as a message from its frame.
  function onMessage(event) {
    if (frame && event.source === frame.contentWindow && event.origin === base.origin &&
        event.data && event.data.type === 'fix1002:close') close();
  }

  function destroy() {
    destroyed = true;
    holdPageStill(false);
    document.removeEventListener('keydown', onKey);
    document.removeEventListener('DOMContentLoaded', mount);
    window.removeEventListener('message', onMessage);
    host.remove();
    delete window.Fix1002;
  }

  launcher.addEventListener('click', function () { panel.hidden ? open() : close(); });
  closeButton.addEventListener('click', close);
  // Tabbing past the frame lands on the last guard: back to the close button. Shift+Tab
  // before the close button lands on the first guard: on into the assistant.
  lastGuard.addEventListener('focus', function () { closeButton.focus(); });
  firstGuard.addEventListener('focus', function () { (frame || closeButton).focus(); });
  document.addEventListener('keydown', onKey);
  window.addEventListener('message', onMessage);

  var api = { open: open, close: close, destroy: destroy };
  function Fix1002(command) {
    if (Object.prototype.hasOwnProperty.call(api, command)) api[command]();
  }
  Fix1002.open = open;
  Fix1002.close = close;
  Fix1002.destroy = destroy;
  Fix1002.loaded = true;
  window.Fix1002 = Fix1002;

  function mount() {
    if (destroyed) return;
    document.body.appendChild(host);
    for (var i = 0; i < queued.length; i++) Fix1002.apply(null, queued[i]);
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();

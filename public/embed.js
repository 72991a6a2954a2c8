/*! Fix 1002 help widget loader. One script tag adds a launcher button that opens the
 * assistant in a panel; everything lives in a shadow root, so the host page's CSS and ours never
 * meet, and the only global is `Fix1002`. (The shadow root is open so that the host page's own
 * tests and accessibility tools can see inside; the host's CSS cannot reach in either way.)
 *
 *   <script src="https://example.com/help/1002/embed.js" data-start="troubleshoot" async></script>
 *
 * Options (data attributes): data-start (troubleshoot | decode | steps | steps/<id>),
 * data-position (right | left), data-accent (a CSS colour), data-label (the launcher's text).
 * API, callable before the script loads through the usual queue stub:
 *   window.Fix1002 = window.Fix1002 || function () { (Fix1002.q = Fix1002.q || []).push(arguments) };
 *   Fix1002('open'); Fix1002('close'); Fix1002('destroy');   // or Fix1002.open() once loaded
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || (window.Fix1002 && window.Fix1002.loaded)) return;

  var base = new URL('.', script.src);
  var data = script.dataset;
  var start = /^(troubleshoot|decode|steps(\/[a-z0-9-]+)?)$/.test(data.start || '') ? data.start : 'troubleshoot';
  var side = data.position === 'left' ? 'left' : 'right';
  var accent = CSS.supports('color', data.accent || '') ? data.accent : '#0f6b5c';
  var label = data.label || 'Help with Sonos error 1002';
  var queued = (window.Fix1002 && window.Fix1002.q) || [];

  var host = document.createElement('fix1002-widget');
  // Inline !important beats any stylesheet rule, so the host page cannot hide or restyle us.
  host.setAttribute('style', 'all: initial !important; position: fixed !important; z-index: 2147483000 !important; ' +
    side + ': 16px !important; bottom: 16px !important; display: block !important;');
  var root = host.attachShadow({ mode: 'open' });
  root.innerHTML =
    '<style>' +
    ':host{--accent:' + accent + ';font:16px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#17201e}' +
    '*{box-sizing:border-box}' +
    '.launcher{min-height:48px;padding:0 20px;border:0;border-radius:999px;background:var(--accent);color:#fff;' +
    'font:inherit;font-weight:700;cursor:pointer;box-shadow:0 4px 16px rgba(0,0,0,.25)}' +
    '.launcher:focus-visible,.close:focus-visible{outline:3px solid #b3470b;outline-offset:2px}' +
    '.panel{position:fixed;' + side + ':16px;bottom:80px;width:400px;height:min(640px,calc(100vh - 100px));' +
    'display:flex;flex-direction:column;background:#fff;border-radius:14px;overflow:hidden;box-shadow:0 8px 32px rgba(0,0,0,.3)}' +
    '.panel[hidden]{display:none}' +
    '.bar{display:flex;align-items:center;justify-content:space-between;padding:4px 4px 4px 16px;background:var(--accent);color:#fff;font-weight:700}' +
    '.close{min-width:48px;min-height:48px;border:0;background:transparent;color:#fff;font:inherit;font-size:24px;cursor:pointer}' +
    'iframe{flex:1;width:100%;border:0}' +
    '@media (max-width:600px){.panel{inset:0;width:auto;height:auto;border-radius:0}}' +
    '</style>' +
    '<button class="launcher" type="button" aria-haspopup="dialog" aria-expanded="false"></button>' +
    '<div class="panel" role="dialog" aria-label="Fix 1002 help" hidden>' +
    '<div class="bar"><span>Fix 1002</span><button class="close" type="button" aria-label="Close help">\u00d7</button></div>' +
    '</div>';
  var launcher = root.querySelector('.launcher');
  var panel = root.querySelector('.panel');
  var closeButton = root.querySelector('.close');
  var frame = null;
  launcher.textContent = label;

  function open() {
    if (!host.isConnected) return;
    if (!frame) {
      frame = document.createElement('iframe');
      frame.title = 'Fix 1002 help';
      frame.src = new URL('index.html?embed=1#/' + start, base).href;
      panel.appendChild(frame);
    }
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    frame.focus();
  }

  function close() {
    if (panel.hidden) return;
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
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
    document.removeEventListener('keydown', onKey);
    window.removeEventListener('message', onMessage);
    host.remove();
    delete window.Fix1002;
  }

  launcher.addEventListener('click', function () { panel.hidden ? open() : close(); });
  closeButton.addEventListener('click', close);
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
    document.body.appendChild(host);
    for (var i = 0; i < queued.length; i++) Fix1002.apply(null, queued[i]);
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();

/*! Fix 1002 help widget loader. One script tag adds a launcher button that opens the
 * assistant in a panel; everything lives in a shadow root, so the host page's CSS and ours never
 * meet, and the only global is `Fix1002`. (The shadow root is open so that the host page's own
 * tests and accessibility tools can see inside; the host's CSS cannot reach in either way.)
 *
 *   <script src="https://example.com/help/1002/embed.js" data-start="troubleshoot" async></script>
 *
 * Options (data attributes): data-start (troubleshoot | decode | steps | steps/<id>, or the
 * troubleshooter partway: troubleshoot?when=update), data-position (right | left), data-offset
 * (the distance from the page's edge, 0 to 200 px; 16 when absent), data-accent (a CSS colour),
 * data-label (the launcher's accessible name; else its words in the panel's language), data-launcher ("none": the host's own button
 * opens the panel), data-title (the panel's title), data-sections (the sections the panel
 * offers, such as "troubleshoot steps" for a site for owners only; all three when absent),
 * data-lang (the panel's language, such as "de" or "nb-NO"; without it, the host page's own
 * `lang`, then the visitor's browser), data-handover ("host": the hand-over offers the site's
 * own support) and data-handover-label (that button's words).
 * API, callable before the script loads through the usual queue stub:
 *   window.Fix1002 = window.Fix1002 || function () { (Fix1002.q = Fix1002.q || []).push(arguments) };
 *   Fix1002('open'); Fix1002('open', 'steps/restart-speaker'); Fix1002('open', 'troubleshoot', { when: 'update' });
 *   Fix1002('close'); Fix1002('destroy'); Fix1002('isOpen');        // or Fix1002.open() once loaded
 *   Fix1002('on', 'resolved', callback); Fix1002('off', 'resolved', callback);
 * Events (each payload { type, version: 1, ... }, documented in the README): open, close,
 * question, plan, step, outcome, resolved, and handover, the one that carries the owner's
 * summary, sent only when the owner clicks the site's hand-over button.
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
  // The launcher's and the panel's words in the panel's language, by a tag's first part. The
  // build writes all twelve here from the app's catalogs (src/prerender/widget_words.rs);
  // this file itself holds English, so that it works unbuilt too.
  var WORDS = /*fix1002:words*/{"en":{"lang":"en-US","launcher":"Help with Sonos error 1002","panel":"Fix 1002 help","close":"Close help"}}/*/fix1002:words*/;

  /** The words for a language tag, matched as the app matches it (Language::for_browser_tag
   *  in crates/core/src/i18n/language.rs): by its first part, Norwegian's `no` and `nn` as
   *  Bokmål, and traditional Chinese not as simplified. Null when none of the twelve fits. */
  function wordsFor(tag) {
    var parts = String(tag || '').trim().toLowerCase().split(/[-_]/);
    var primary = parts[0] === 'no' || parts[0] === 'nn' ? 'nb' : parts[0];
    var traditional = parts.some(function (p) { return /^(hant|tw|hk|mo)$/.test(p); });
    if (primary === 'zh' && traditional && parts.indexOf('hans') < 0) return null;
    return Object.prototype.hasOwnProperty.call(WORDS, primary) ? WORDS[primary] : null;
  }
  // The app's sections, by the names its URLs use, in its navigation order: the one list of
  // them here. It must equal the app's own (SECTIONS in src/route.rs, which
  // Offered::from_list reads ?sections= against); tests/embed_sections.rs fails if they part.
  var SECTIONS = ['troubleshoot', 'decode', 'steps'];
  // Only known section names pass; none at all means every section.
  var sections = (data.sections || '').split(/[\s,]+/).filter(function (name) {
    return SECTIONS.indexOf(name) >= 0;
  });
  if (!sections.length) sections = SECTIONS.slice();
  // data-start="troubleshoot?when=update" is the same as Fix1002('open', 'troubleshoot', { when: 'update' }).
  var startParts = (data.start || '').split('?');
  var startAnswers = {};
  (startParts[1] || '').split('&').forEach(function (pair) {
    var kv = pair.split('=');
    if (kv.length === 2) startAnswers[kv[0]] = kv[1];
  });
  var start = place(startParts[0], startAnswers, 'data-start');
  var side = data.position === 'left' ? 'left' : 'right';
  var offset = /^\d{1,3}$/.test(data.offset || '') && Number(data.offset) <= 200 ? Number(data.offset) : 16;
  var accent = plainColour(data.accent) || '#0f6b5c';
  var words = wordsFor(data.lang || document.documentElement.lang) ||
    (navigator.languages || [navigator.language]).map(wordsFor).filter(Boolean)[0] ||
    WORDS.en;
  var label = data.label || words.launcher;
  var ownLauncher = data.launcher !== 'none';
  var titleText = typeof data.title === 'string' && data.title.trim() ? data.title.trim().slice(0, 60) : 'Fix 1002';
  var queued = (window.Fix1002 && window.Fix1002.q) || [];
  var destroyed = false;
  // The host's callbacks, by event name.
  var EVENTS = ['open', 'close', 'question', 'plan', 'step', 'outcome', 'resolved', 'handover'];
  var listeners = {};
  // What had focus when the panel opened (the host's own button, with data-launcher="none").
  var opener = null;

  /**
   * The fragment the panel opens at, for a place the host names: a section it offers, one fix
   * step's page (steps/<id>), or the troubleshooter with answers given (`answers`, such as
   * { when: 'update' }: ids only; the app keeps those the flow accepts, in order, and starts at
   * the first question otherwise). A place it does not offer opens its first section, and the
   * console says so.
   */
  function place(name, answers, named) {
    var wanted = /^([a-z]+)(\/[a-z0-9-]+)?$/.exec(name || '');
    var offered = wanted && SECTIONS.indexOf(wanted[1]) >= 0 && (!wanted[2] || wanted[1] === 'steps') &&
      sections.indexOf(wanted[1]) >= 0;
    if (!offered) {
      if (name && window.console) {
        console.warn('Fix 1002: ' + (named || 'Fix1002(\'open\')') + ' names "' + name + '", which the widget does not offer; it opens ' + sections[0] + '.');
      }
      return sections[0];
    }
    if (wanted[1] !== 'troubleshoot' || !answers || typeof answers !== 'object') return name;
    var journey = [];
    for (var question in answers) {
      var answer = answers[question];
      if (/^[a-z0-9-]{1,40}$/.test(question) && typeof answer === 'string' && /^[a-z0-9-]{1,40}$/.test(answer)) {
        journey.push(question + ':' + answer);
      }
    }
    return journey.length ? 'troubleshoot?s=' + journey.join(',') : 'troubleshoot';
  }

  /**
   * Calls the host's callbacks for `name` with `payload`; one that throws stops no other. An
   * event caused by a callback (one that closes the panel on the hand-over, say) waits until
   * every callback has had the event before it, so all of them see the events in one order.
   */
  var pending = [];
  function emit(name, payload) {
    pending.push([name, payload]);
    if (pending.length > 1) return;
    while (pending.length) {
      var callbacks = (listeners[pending[0][0]] || []).slice();
      for (var i = 0; i < callbacks.length; i++) {
        try {
          callbacks[i](pending[0][1]);
        } catch (error) {
          if (window.console) console.error(error);
        }
      }
      pending.shift();
    }
  }

  function on(name, callback) {
    if (EVENTS.indexOf(name) < 0 || typeof callback !== 'function') return;
    (listeners[name] = listeners[name] || []).push(callback);
  }

  function off(name, callback) {
    var list = listeners[name] || [];
    var at = list.indexOf(callback);
    if (at >= 0) list.splice(at, 1);
  }

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
  var hostStyle = { all: 'initial', position: 'fixed', 'z-index': '2147483000', bottom: offset + 'px', display: 'block' };
  hostStyle[side] = offset + 'px';
  for (var property in hostStyle) host.style.setProperty(property, hostStyle[property], 'important');

  var root = host.attachShadow({ mode: 'open' });
  var sheet = new CSSStyleSheet();
  sheet.replaceSync(
    ':host{font:16px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#17201e}' +
    '*{box-sizing:border-box}' +
    '.launcher{min-height:48px;padding:0 20px;border:0;border-radius:999px;background:var(--accent);color:#fff;' +
    'font:inherit;font-weight:700;cursor:pointer;box-shadow:0 4px 16px rgba(0,0,0,.25)}' +
    '.launcher:focus-visible,.close:focus-visible{outline:3px solid #b3470b;outline-offset:2px}' +
    // On a phone the pill covered the page's text (287 x 48 px at 360 px wide): a round button
    // there. Its text, the label, stays its accessible name but takes no room; the question
    // mark is drawn by CSS, with empty alternative text, so screen readers do not read it.
    '@media (max-width:600px){.launcher{width:56px;height:56px;padding:0;border-radius:50%;font-size:0}' +
    '.launcher::before{content:"?";content:"?" / "";font-size:26px;line-height:1}}' +
    '.panel{position:fixed;bottom:var(--panel-bottom);width:400px;height:min(640px,calc(100vh - var(--panel-bottom) - 20px));' +
    'display:flex;flex-direction:column;background:#fff;border-radius:14px;overflow:hidden;box-shadow:0 8px 32px rgba(0,0,0,.3)}' +
    '.panel.right{right:var(--offset)}.panel.left{left:var(--offset)}' +
    '.panel[hidden]{display:none}' +
    '.bar{display:flex;align-items:center;justify-content:space-between;padding:4px 4px 4px 16px;background:var(--accent);color:#fff;font-weight:700}' +
    '.close{min-width:48px;min-height:48px;border:0;background:transparent;color:#fff;font:inherit;font-size:24px;cursor:pointer}' +
    'iframe{flex:1;width:100%;border:0}' +
    '@media (max-width:600px){.panel.right,.panel.left{inset:0;width:auto;height:auto;border-radius:0}}'
  );
  root.adoptedStyleSheets = [sheet];
  host.style.setProperty('--accent', accent);
  host.style.setProperty('--offset', offset + 'px');
  // Above the launcher when there is one; at the same distance from the edge when there is not.
  host.style.setProperty('--panel-bottom', (ownLauncher ? offset + 64 : offset) + 'px');

  var launcher = element('button', 'launcher', { type: 'button', 'aria-haspopup': 'dialog', 'aria-expanded': 'false' });
  launcher.textContent = label;
  // The page's own label is in the page's language; ours is in the panel's.
  if (!data.label) launcher.setAttribute('lang', words.lang);
  // The panel is modal: on a phone it covers the page, and everywhere it keeps focus inside
  // while it is open. Two guards at its edges send Tab round instead of out to the page.
  var panel = element('div', 'panel ' + side, { role: 'dialog', 'aria-modal': 'true', 'aria-label': words.panel, lang: words.lang });
  panel.hidden = true;
  var firstGuard = element('span', null, { tabindex: '0' });
  var lastGuard = element('span', null, { tabindex: '0' });
  var bar = element('div', 'bar');
  var title = element('span');
  title.textContent = titleText;
  var closeButton = element('button', 'close', { type: 'button', 'aria-label': words.close });
  closeButton.textContent = '\u00d7';
  bar.append(title, closeButton);
  panel.append(firstGuard, bar, lastGuard);
  if (ownLauncher) root.append(launcher);
  root.append(panel);
  var frame = null;

  /** The frame's address at `at` (a place's fragment): what it needs to know, in its query. */
  function frameAddress(at) {
    var offered = sections.length < SECTIONS.length ? '&sections=' + sections.join(',') : '';
    // A language tag only (letters, digits, hyphens): the app matches it against its twelve.
    var lang = (data.lang || document.documentElement.lang || '').trim();
    var language = /^[A-Za-z0-9-]{1,35}$/.test(lang) ? '&lang=' + encodeURIComponent(lang) : '';
    // The page's origin, the only one the frame will post its events to: given only when the
    // page listens to them (or takes the hand-over), so a page that does not is told nothing.
    var handsOver = data.handover === 'host' || (listeners.handover || []).length > 0;
    var listening = handsOver || EVENTS.slice(2).some(function (name) { return (listeners[name] || []).length; });
    var hostOrigin = listening && /^https?:\/\//.test(location.origin) ? '&host=' + encodeURIComponent(location.origin) : '';
    var handover = handsOver
      ? '&handover=host&handover_label=' + encodeURIComponent((data.handoverLabel || '').slice(0, 80))
      : '';
    return new URL('index.html?embed=1' + offered + language + hostOrigin + handover + '#/' + at, base).href;
  }

  function open(at, answers) {
    if (destroyed || !host.isConnected) return;
    var fragment = at === undefined ? null : place(String(at), answers);
    if (!frame) {
      frame = element('iframe', null, {
        title: words.panel,
        // Copy report and Share summary need these inside a frame.
        allow: 'clipboard-write; web-share',
        // Everything the assistant needs (its script, its own storage and service worker,
        // links that open outside, saving a report), and never navigating the host page.
        sandbox: 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-downloads',
        referrerpolicy: 'no-referrer',
      });
      frame.src = frameAddress(fragment || start);
      panel.insertBefore(frame, lastGuard);
    } else if (fragment) {
      // Only the fragment changes: the frame moves to the place without reloading.
      frame.src = frameAddress(fragment);
    }
    var wasOpen = !panel.hidden;
    if (!wasOpen) {
      var active = document.activeElement;
      opener = active && active !== document.body && active !== host ? active : null;
    }
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    holdPageStill(fillsScreen.matches);
    frame.focus();
    if (!wasOpen) emit('open', { type: 'open', version: 1 });
  }

  function close() {
    if (panel.hidden) return;
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    holdPageStill(false);
    // Back to what opened it: the launcher, or the host's own button.
    if (ownLauncher) launcher.focus();
    else if (opener && opener.isConnected && opener.focus) opener.focus();
    opener = null;
    emit('close', { type: 'close', version: 1 });
  }

  function isOpen() {
    return !destroyed && !panel.hidden;
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

  // Escape pressed inside the assistant, and where the owner is in the flow, arrive as
  // messages from its frame: only from that frame, at the widget's own origin. Anything else
  // (another frame, the page itself, a message of another shape) is ignored.
  function onMessage(event) {
    if (!frame || event.source !== frame.contentWindow || event.origin !== base.origin) return;
    var message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'fix1002:close') close();
    if (message.type === 'fix1002:event' && EVENTS.indexOf(message.event) >= 2 && message.detail && typeof message.detail === 'object') {
      var payload = { type: message.event, version: message.version };
      for (var key in message.detail) {
        if (Object.prototype.hasOwnProperty.call(message.detail, key) && key !== 'type' && key !== 'version') payload[key] = message.detail[key];
      }
      emit(message.event, payload);
    }
  }

  function destroy() {
    destroyed = true;
    listeners = {};
    opener = null;
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

  var api = { open: open, close: close, destroy: destroy, isOpen: isOpen, on: on, off: off };
  function Fix1002(command) {
    if (Object.prototype.hasOwnProperty.call(api, command)) {
      return api[command].apply(null, Array.prototype.slice.call(arguments, 1));
    }
  }
  for (var name in api) Fix1002[name] = api[name];
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

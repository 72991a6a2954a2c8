// A help site's own script beside the Fix 1002 widget (examples/widget-host/index.html): its
// own button opens the widget, it counts resolved journeys, and the hand-over fills its
// support form and a mailto: link.
//
// The queue stub: calls made before embed.js has loaded wait for it.
window.Fix1002 = window.Fix1002 || function () { (window.Fix1002.q = window.Fix1002.q || []).push(arguments); };

var openHelp = document.getElementById('open-help');
openHelp.addEventListener('click', function () {
  Fix1002('open');
});
// The button's aria-expanded follows the panel, however it opened or closed.
Fix1002('on', 'open', function () { openHelp.setAttribute('aria-expanded', 'true'); });
Fix1002('on', 'close', function () { openHelp.setAttribute('aria-expanded', 'false'); });

// Counting: one resolved journey per "resolved" event (ids only: { type, version, step }).
var resolved = 0;
Fix1002('on', 'resolved', function () {
  resolved += 1;
  document.getElementById('resolved-count').textContent = String(resolved);
});

// The hand-over, sent when the owner clicks "Contact our support team" in the widget:
// { type: 'handover', version: 1, summary, steps: [{ step, outcome }], causes, model, service, language }.
Fix1002('on', 'handover', function (handover) {
  // Example 1: the support form, prefilled; the owner still sends it.
  document.getElementById('support-model').value = handover.model || '';
  document.getElementById('support-service').value = handover.service || '';
  document.getElementById('support-message').value = handover.summary;
  // Example 2: a mailto: link with the summary as its body.
  document.getElementById('support-mail').href =
    'mailto:support@example.com?subject=' + encodeURIComponent('Sonos error 1002') +
    '&body=' + encodeURIComponent(handover.summary);
  Fix1002('close');
  document.getElementById('support-message').focus();
});

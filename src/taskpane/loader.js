/*
 * ClaimCell's loader: ES5 on purpose, so that every webview Office has ever used can parse it.
 * Office 2016 and 2019 (volume-licensed, perpetual) show add-ins in Internet Explorer 11 (Trident) or
 * the old Edge (EdgeHTML), which cannot parse ClaimCell's ES2020 bundles: the pane would stay blank.
 * There this loader says which Office versions ClaimCell supports, in English and Chinese; everywhere
 * else it loads the bundles named in its data-bundles attribute, in order.
 * The webview is told apart by its user agent, as Microsoft's "Support older Microsoft webviews and
 * Office versions" recommends: Trident says "Trident/", EdgeHTML says "Edge/" (Chromium Edge says "Edg/").
 */
(function () {
  'use strict';
  var ua = window.navigator.userAgent;
  var oldWebview = ua.indexOf('Trident/') !== -1 || ua.indexOf('MSIE ') !== -1 || / Edge\/\d/.test(ua);
  var me = document.getElementById('claimcell-loader');
  var bundles = ((me && me.getAttribute('data-bundles')) || '').split(' ');

  function paragraph(lang, text) {
    var p = document.createElement('p');
    p.setAttribute('lang', lang);
    p.appendChild(document.createTextNode(text));
    return p;
  }

  if (oldWebview) {
    var box = document.createElement('div');
    box.id = 'unsupported';
    box.className = 'unsupported';
    box.setAttribute('role', 'alert');
    var heading = document.createElement('h1');
    heading.appendChild(document.createTextNode('ClaimCell'));
    box.appendChild(heading);
    box.appendChild(
      paragraph(
        'en',
        'This version of Office shows add-ins in Internet Explorer or the old Microsoft Edge, which cannot run ClaimCell. ' +
          'ClaimCell runs in Microsoft 365 (Excel for Windows or Mac), Office 2021 or later, and Excel on the web.'
      )
    );
    box.appendChild(
      paragraph(
        'zh-CN',
        '此版本的 Office 使用 Internet Explorer 或旧版 Microsoft Edge 显示加载项，无法运行 ClaimCell。' +
          'ClaimCell 支持 Microsoft 365（Windows 或 Mac 版 Excel）、Office 2021 及更高版本，以及 Excel 网页版。'
      )
    );
    var main = document.getElementsByTagName('main')[0];
    if (main) main.style.display = 'none';
    document.body.setAttribute('data-env', 'unsupported');
    document.body.insertBefore(box, document.body.firstChild);
    return;
  }

  for (var i = 0; i < bundles.length; i++) {
    if (!bundles[i]) continue;
    var script = document.createElement('script');
    script.src = bundles[i];
    script.async = false; // execute in the listed order: runtime, shared, task pane, functions
    document.body.appendChild(script);
  }
})();

/* Minimal SCORM 1.2 wrapper: finds the LMS's API object through the parent (and opener) chain. */
(function (global) {
  'use strict';

  function search(win) {
    var hops = 0;
    while (win && !win.API && win.parent && win.parent !== win && hops < 10) {
      hops += 1;
      win = win.parent;
    }
    return win && win.API ? win.API : null;
  }

  function findAPI() {
    var api = null;
    try {
      api = search(global);
      if (!api && global.opener) api = search(global.opener);
    } catch (e) {
      api = null; // a cross-origin frame in the chain: no LMS reachable
    }
    return api;
  }

  var api = null;
  var active = false;

  global.Scorm = {
    init: function () {
      api = findAPI();
      if (!api) return false;
      active = String(api.LMSInitialize('')) === 'true';
      return active;
    },
    active: function () {
      return active;
    },
    get: function (name) {
      return active ? String(api.LMSGetValue(name)) : '';
    },
    set: function (name, value) {
      return active ? String(api.LMSSetValue(name, String(value))) === 'true' : false;
    },
    commit: function () {
      return active ? String(api.LMSCommit('')) === 'true' : false;
    },
    finish: function () {
      if (!active) return false;
      active = false;
      return String(api.LMSFinish('')) === 'true';
    },
    lastError: function () {
      return api ? String(api.LMSGetLastError()) : '';
    },
  };
})(window);

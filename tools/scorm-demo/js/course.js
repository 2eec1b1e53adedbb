/* Simulasi Loket Disdukcapil: 3 pages in one SCO, resume at the saved page, a 2-question check. */
(function () {
  'use strict';

  var TOTAL = 3;
  var PASSING = 50;
  var ANSWERS = { q1: 'b', q2: 'a' };
  var startedAt = Date.now();
  var state = { page: 1, score: null };
  var finished = false;

  function $(id) {
    return document.getElementById(id);
  }

  /** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS */
  function timespan(ms) {
    var total = Math.max(0, ms) / 1000;
    var h = Math.floor(total / 3600);
    var m = Math.floor((total % 3600) / 60);
    var s = total % 60;
    var pad = function (n, w) {
      var t = String(n);
      while (t.length < w) t = '0' + t;
      return t;
    };
    return pad(h, 4) + ':' + pad(m, 2) + ':' + (s < 10 ? '0' : '') + s.toFixed(2);
  }

  function save() {
    Scorm.set('cmi.core.lesson_location', String(state.page));
    Scorm.set('cmi.suspend_data', JSON.stringify(state));
    Scorm.commit();
  }

  function show(page) {
    state.page = Math.min(TOTAL, Math.max(1, page));
    var sections = document.querySelectorAll('.page');
    for (var i = 0; i < sections.length; i++) {
      sections[i].hidden = Number(sections[i].getAttribute('data-page')) !== state.page;
    }
    $('page-title').textContent = 'Halaman ' + state.page + ' dari ' + TOTAL;
    $('prev').disabled = state.page === 1;
    $('next').disabled = state.page === TOTAL;
    save();
  }

  function showResult() {
    if (state.score === null) return;
    var passed = state.score >= PASSING;
    var result = $('result');
    result.hidden = false;
    result.className = passed ? 'passed' : 'failed';
    result.textContent =
      'Nilai Anda ' +
      state.score +
      '. ' +
      (passed ? 'Lulus — terima kasih!' : 'Belum lulus; pelajari lagi lalu ulangi.');
    $('retry').hidden = passed;
  }

  function grade(event) {
    event.preventDefault();
    var form = $('quiz');
    var correct = 0;
    for (var q in ANSWERS) {
      var picked = form.querySelector('input[name="' + q + '"]:checked');
      if (picked && picked.value === ANSWERS[q]) correct += 1;
    }
    state.score = Math.round((correct / 2) * 100);
    Scorm.set('cmi.core.score.min', '0');
    Scorm.set('cmi.core.score.max', '100');
    Scorm.set('cmi.core.score.raw', String(state.score));
    Scorm.set('cmi.core.lesson_status', state.score >= PASSING ? 'passed' : 'failed');
    save();
    showResult();
  }

  function finish() {
    if (finished) return;
    finished = true;
    Scorm.set('cmi.core.session_time', timespan(Date.now() - startedAt));
    var status = Scorm.get('cmi.core.lesson_status');
    Scorm.set('cmi.core.exit', status === 'passed' ? '' : 'suspend');
    save();
    Scorm.finish();
  }

  function start() {
    var connected = Scorm.init();
    $('lms-status').textContent = connected
      ? 'Tersambung ke LMS'
      : 'Mode tanpa LMS (kemajuan tidak disimpan)';
    var resumePage = 1;
    if (connected) {
      var entry = Scorm.get('cmi.core.entry');
      var status = Scorm.get('cmi.core.lesson_status');
      var location = parseInt(Scorm.get('cmi.core.lesson_location'), 10);
      var saved = null;
      try {
        saved = JSON.parse(Scorm.get('cmi.suspend_data') || 'null');
      } catch (e) {
        saved = null;
      }
      if (saved && typeof saved === 'object') {
        state.score = typeof saved.score === 'number' ? saved.score : null;
        if (!location && saved.page) location = saved.page;
      }
      if ((entry === 'resume' || entry === '' || !entry) && location >= 1) resumePage = location;
      if (status === 'not attempted' || status === '')
        Scorm.set('cmi.core.lesson_status', 'incomplete');
    }
    $('prev').addEventListener('click', function () {
      show(state.page - 1);
    });
    $('next').addEventListener('click', function () {
      show(state.page + 1);
    });
    $('quiz').addEventListener('submit', grade);
    $('retry').addEventListener('click', function () {
      $('quiz').reset();
      $('result').hidden = true;
      $('retry').hidden = true;
    });
    window.addEventListener('pagehide', finish);
    window.addEventListener('beforeunload', finish);
    show(resumePage);
    showResult();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();

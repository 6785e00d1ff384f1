/*
 * Progressive enhancement of the comment form: post without reloading the page and move the
 * form under the comment being answered. Without this script everything works as plain HTML.
 * The comment markup inserted here was rendered (and escaped) by the server.
 */
(function () {
  'use strict';
  var form = document.querySelector('form[data-comment-form]');
  if (!form || !window.fetch || !window.URLSearchParams) return;
  var home = form.parentNode;
  var homeNext = form.nextSibling;
  var errorBox = form.querySelector('.form-error');
  var noticeBox = form.querySelector('.form-notice');
  var parentField = form.querySelector('input[name="parent_id"]');
  var tokenField = form.querySelector('input[name="token"]');
  var button = form.querySelector('button[type="submit"]');

  function show(box, text) {
    box.textContent = text || '';
    box.hidden = !text;
  }

  function replyTo(link) {
    var item = document.getElementById('commentaire-' + link.getAttribute('data-reply-to'));
    if (!item) return false;
    parentField.value = link.getAttribute('data-reply-to');
    item.querySelector('article').appendChild(form);
    form.querySelector('textarea').focus();
    return true;
  }

  document.addEventListener('click', function (event) {
    var link = event.target.closest && event.target.closest('a.comment-reply, a.cancel-reply');
    if (!link) return;
    if (link.classList.contains('cancel-reply')) {
      parentField.value = '';
      home.insertBefore(form, homeNext);
      var note = form.querySelector('.replying-to');
      if (note) note.remove();
      event.preventDefault();
    } else if (replyTo(link)) {
      event.preventDefault();
    }
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    show(errorBox, '');
    show(noticeBox, '');
    button.disabled = true;
    fetch(form.getAttribute('action').split('#')[0], {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(new FormData(form)).toString(),
      credentials: 'same-origin',
    })
      .then(function (response) {
        return response.json();
      })
      .then(function (data) {
        if (data.token) tokenField.value = data.token;
        if (data.error) {
          show(errorBox, data.error.message);
          return;
        }
        var list;
        var parent = data.parentId ? document.getElementById('commentaire-' + data.parentId) : null;
        if (parent) {
          list = parent.querySelector(':scope > ol.comment-replies');
          if (!list) {
            list = document.createElement('ol');
            list.className = 'comment-replies';
            parent.appendChild(list);
          }
        } else {
          list = document.querySelector('ol.comment-list');
          if (!list) {
            var empty = document.querySelector('.no-comments');
            list = document.createElement('ol');
            list.className = 'comment-list';
            if (empty) empty.replaceWith(list);
            else home.insertBefore(list, form);
          }
        }
        if (data.html) list.insertAdjacentHTML('beforeend', data.html);
        form.querySelector('textarea').value = '';
        show(noticeBox, data.message);
      })
      .catch(function () {
        // The page's own POST still works: let the browser send the form the plain way.
        form.submit();
      })
      .finally(function () {
        button.disabled = false;
      });
  });
})();

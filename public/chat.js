/*
 * Antragslotse chat widget: gets a Direct Line token from the service, renders the official
 * Bot Framework Web Chat (served by the service, no CDN), resumes the conversation after a reload
 * and restarts Web Chat when the language changes. Used by the demo page and by embedding sites.
 */
(function () {
  'use strict';

  var languages = [
    { code: 'de', name: 'Deutsch' },
    { code: 'en', name: 'English' },
    { code: 'tr', name: 'Türkçe' },
    { code: 'ar', name: 'العربية', rtl: true },
    { code: 'uk', name: 'Українська' },
    { code: 'ru', name: 'Русский' },
  ];
  // Web Chat's own locales for its built-in texts.
  var webChatLocales = { de: 'de-DE', en: 'en-US', tr: 'tr-TR', ar: 'ar-SA', uk: 'uk-UA', ru: 'ru-RU' };
  var texts = {
    de: {
      language: 'Sprache',
      restart: 'Neues Gespräch',
      confirmRestart:
        'Wirklich neu beginnen? Dieses Gespräch wird in diesem Browser geschlossen. Wenn Sie schon einen Code zum Weitermachen bekommen haben, können Sie es später mit dem Code und Ihrem Geburtsdatum fortsetzen.',
      loading: 'Der Chat wird geladen …',
      failed: 'Der Chat ist gerade nicht erreichbar. Bitte versuchen Sie es später noch einmal.',
      chat: 'Chat mit Antragslotse',
    },
    en: {
      language: 'Language',
      restart: 'New conversation',
      confirmRestart:
        'Really start again? This conversation will be closed in this browser. If you already got a code to continue, you can carry it on later with the code and your date of birth.',
      loading: 'Loading the chat …',
      failed: 'The chat cannot be reached right now. Please try again later.',
      chat: 'Chat with Antragslotse',
    },
    tr: {
      language: 'Dil',
      restart: 'Yeni sohbet',
      confirmRestart:
        'Gerçekten yeniden başlamak istiyor musunuz? Bu sohbet bu tarayıcıda kapatılacak. Devam etme kodunu aldıysanız, bu sohbete daha sonra kod ve doğum tarihinizle devam edebilirsiniz.',
      loading: 'Sohbet yükleniyor …',
      failed: 'Sohbete şu anda ulaşılamıyor. Lütfen daha sonra tekrar deneyin.',
      chat: 'Antragslotse ile sohbet',
    },
    ar: {
      language: 'اللغة',
      restart: 'محادثة جديدة',
      confirmRestart:
        'هل تريد فعلًا البدء من جديد؟ ستُغلق هذه المحادثة في هذا المتصفح. إذا حصلت على رمز المتابعة، يمكنك متابعتها لاحقًا بالرمز وتاريخ ميلادك.',
      loading: 'جارٍ تحميل المحادثة …',
      failed: 'لا يمكن الوصول إلى المحادثة الآن. يرجى المحاولة لاحقًا.',
      chat: 'محادثة مع Antragslotse',
    },
    uk: {
      language: 'Мова',
      restart: 'Нова розмова',
      confirmRestart:
        'Справді почати заново? Цю розмову буде закрито в цьому браузері. Якщо ви вже отримали код для продовження, ви зможете продовжити її пізніше з кодом і вашою датою народження.',
      loading: 'Чат завантажується …',
      failed: 'Чат зараз недоступний. Спробуйте пізніше.',
      chat: 'Чат з Antragslotse',
    },
    ru: {
      language: 'Язык',
      restart: 'Новый разговор',
      confirmRestart:
        'Действительно начать заново? Этот разговор будет закрыт в этом браузере. Если вы уже получили код для продолжения, вы сможете продолжить его позже с кодом и вашей датой рождения.',
      loading: 'Чат загружается …',
      failed: 'Чат сейчас недоступен. Попробуйте позже.',
      chat: 'Чат с Antragslotse',
    },
  };
  var storageKey = 'antragslotse.chat';
  var localeKey = 'antragslotse.locale';

  var root = document.getElementById('antragslotse-chat');
  if (!root || !window.WebChat) {
    return;
  }
  var service = (root.getAttribute('data-service') || window.location.origin).replace(/\/$/, '');
  var domain = service + '/v3/directline';
  var current = null; // { directLine, host, tokenTimer }
  var team = pickTeam();

  /**
   * The neighbourhood team this page serves: data-team="essen-altendorf" on the embed element, or
   * ?team=essen-altendorf on the demo page. Sent as channelData.team with every message, so the
   * case lands in that team's queue. Only a plain slug is passed on.
   */
  function pickTeam() {
    var wanted = root.getAttribute('data-team');
    if (!wanted) {
      try {
        wanted = new URLSearchParams(window.location.search).get('team');
      } catch (error) {
        wanted = null;
      }
    }
    wanted = String(wanted || '')
      .trim()
      .toLowerCase();
    return /^[a-z0-9äöüß][a-z0-9äöüß -]{0,62}$/.test(wanted) ? wanted : null;
  }

  /** Web Chat store middleware: adds channelData.team to every activity the family sends. */
  function createStore() {
    if (!team || !window.WebChat.createStore) {
      return undefined;
    }
    return window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/POST_ACTIVITY' && action.payload && action.payload.activity) {
            var activity = action.payload.activity;
            var channelData = Object.assign({}, activity.channelData, { team: team });
            action = Object.assign({}, action, {
              payload: Object.assign({}, action.payload, {
                activity: Object.assign({}, activity, { channelData: channelData }),
              }),
            });
          }
          return next(action);
        };
      };
    });
  }

  function pickLocale() {
    var wanted = [root.getAttribute('data-locale'), read(localeKey)].concat(
      navigator.languages || [navigator.language],
    );
    for (var i = 0; i < wanted.length; i++) {
      var code = String(wanted[i] || '')
        .slice(0, 2)
        .toLowerCase();
      if (texts[code]) {
        return code;
      }
    }
    return 'de';
  }

  function read(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (error) {
      return null;
    }
  }

  function write(key, value) {
    try {
      if (value === null) {
        window.localStorage.removeItem(key);
      } else {
        window.localStorage.setItem(key, value);
      }
    } catch (error) {
      // Private mode: the chat still works, only without resuming.
    }
  }

  function storedSession() {
    try {
      var session = JSON.parse(read(storageKey) || 'null');
      // A token close to its end cannot be refreshed any more: start afresh.
      return session && session.expiresAt > Date.now() + 60000 ? session : null;
    } catch (error) {
      return null;
    }
  }

  function save(session) {
    write(storageKey, JSON.stringify(session));
  }

  function postJson(url, token, body) {
    var headers = { 'Content-Type': 'application/json' };
    if (token) {
      headers.Authorization = 'Bearer ' + token;
    }
    return fetch(url, { method: 'POST', headers: headers, body: JSON.stringify(body || {}) }).then(
      function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      },
    );
  }

  /** A stored conversation gets a fresh token; otherwise the service opens a new one. */
  function obtainSession(locale) {
    var stored = storedSession();
    if (stored) {
      return postJson(domain + '/tokens/refresh', stored.token).then(
        function (fresh) {
          var session = {
            conversationId: stored.conversationId,
            userId: stored.userId,
            token: fresh.token,
            expiresAt: Date.now() + fresh.expires_in * 1000,
          };
          save(session);
          return session;
        },
        function () {
          write(storageKey, null);
          return obtainSession(locale);
        },
      );
    }
    return postJson(service + '/api/chat/token', null, { locale: webChatLocales[locale] }).then(
      function (minted) {
        var session = {
          conversationId: minted.conversationId,
          userId: minted.userId,
          token: minted.token,
          expiresAt: Date.now() + minted.expires_in * 1000,
        };
        save(session);
        return session;
      },
    );
  }

  function buildToolbar(locale) {
    var t = texts[locale];
    var toolbar = document.createElement('div');
    toolbar.className = 'antragslotse-toolbar';
    var label = document.createElement('label');
    label.setAttribute('for', 'antragslotse-language');
    // The chat's language first, then a second one for whoever cannot read it: German (the page's
    // and the staff's language), or English when the chat is German.
    var second = locale === 'de' ? 'en' : 'de';
    var secondWord = document.createElement('span');
    secondWord.lang = second;
    secondWord.textContent = texts[second].language;
    label.appendChild(document.createTextNode(t.language + ' / '));
    label.appendChild(secondWord);
    var select = document.createElement('select');
    select.id = 'antragslotse-language';
    languages.forEach(function (language) {
      var option = document.createElement('option');
      option.value = language.code;
      option.lang = language.code;
      option.textContent = language.name;
      option.selected = language.code === locale;
      select.appendChild(option);
    });
    select.addEventListener('change', function () {
      write(localeKey, select.value);
      start(select.value, { announce: true });
    });
    var restart = document.createElement('button');
    restart.type = 'button';
    restart.textContent = t.restart;
    restart.addEventListener('click', function () {
      // One tap next to the language menu must not throw the conversation away: ask first, in the
      // chat's language and then German (English when the chat is German), as the label above.
      if (!window.confirm(t.confirmRestart + '\n\n' + texts[second].confirmRestart)) {
        return;
      }
      write(storageKey, null);
      start(locale);
    });
    toolbar.appendChild(label);
    toolbar.appendChild(select);
    toolbar.appendChild(restart);
    return toolbar;
  }

  function stop() {
    if (current) {
      clearInterval(current.tokenTimer);
      current.directLine.end();
      current = null;
    }
  }

  // announce: the family picked the language in the switcher; the bot is told, so it goes on in it
  // (Web Chat sends its locale with every message, where a choice looks like the browser's default).
  function start(locale, options) {
    stop();
    var language = languages.filter(function (entry) {
      return entry.code === locale;
    })[0];
    var t = texts[locale];
    root.innerHTML = '';
    // Only the chat region (toolbar and Web Chat) follows the language; the page around it keeps its
    // own lang and direction (the demo page's texts are German and English).
    root.lang = locale;
    root.dir = language.rtl ? 'rtl' : 'ltr';
    root.setAttribute('role', 'region');
    root.setAttribute('aria-label', t.chat);
    root.appendChild(buildToolbar(locale));
    var status = document.createElement('p');
    status.className = 'antragslotse-status';
    status.setAttribute('role', 'status');
    status.textContent = t.loading;
    root.appendChild(status);
    var host = document.createElement('div');
    host.className = 'antragslotse-webchat';
    root.appendChild(host);

    obtainSession(locale).then(
      function (session) {
        // conversationId makes directlinejs reconnect (GET /conversations/{id}) instead of starting anew;
        // without a watermark the whole conversation is shown again after a reload.
        var directLine = window.WebChat.createDirectLine({
          domain: domain,
          token: session.token,
          conversationId: session.conversationId,
          webSocket: true,
        });
        // directlinejs refreshes the token itself; keep the newest one for the next reload.
        var tokenTimer = setInterval(function () {
          if (directLine.token && directLine.token !== session.token) {
            session.token = directLine.token;
            session.expiresAt = Date.now() + 30 * 60 * 1000;
            save(session);
          }
        }, 30000);
        current = { directLine: directLine, tokenTimer: tokenTimer };
        if (options && options.announce) {
          // directlinejs posts once the connection is online.
          directLine
            .postActivity({
              type: 'event',
              name: 'antragslotse/language',
              value: locale,
              locale: webChatLocales[locale],
              from: { id: session.userId },
            })
            .subscribe(
              function () {},
              function () {},
            );
        }
        status.remove();
        window.WebChat.renderWebChat(
          {
            directLine: directLine,
            store: createStore(),
            userID: session.userId,
            locale: webChatLocales[locale],
            styleOptions: {
              hideUploadButton: false,
              bubbleMaxWidth: 600,
              bubbleFromUserBackground: '#e8f0fb',
              sendBoxHeight: 56,
              // Choices wrap onto several lines (chat.css lets long ones wrap inside the button) instead
              // of a sideways carousel whose arrows cover buttons on a phone.
              suggestedActionLayout: 'flow',
              suggestedActionHeight: 44,
              primaryFont: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif",
              rootHeight: '100%',
            },
          },
          host,
        );
      },
      function () {
        status.textContent = t.failed;
      },
    );
  }

  start(pickLocale());
})();

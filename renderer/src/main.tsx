import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App as AntApp } from 'antd';
import { App } from './App';
import { LanguageProvider } from './i18n/language';
import { listenForJobs } from './api/jobs';
import './styles.css';

// Job states are pushed from the start, so none is missed before a screen follows its job.
listenForJobs();

// Under automation (the e2e tests drive Chromium) antd's motion is off: a click that lands while a
// dialog is still animating open can otherwise be lost on a loaded machine. Users keep the motion.
const motion = !navigator.webdriver;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LanguageProvider
      theme={{
        token: {
          motion,
          colorPrimary: '#b71c1c',
          borderRadius: 4,
          fontFamily: '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif',
        },
      }}
    >
      <AntApp>
        <App />
      </AntApp>
    </LanguageProvider>
  </StrictMode>,
);

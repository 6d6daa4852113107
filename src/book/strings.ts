// Every word the shell shows: the page around the chapters, the widget frame, the controls,
// exercises and callouts. A sentence with something inside it (a link, a name) is written whole, with
// `{name}` where that goes (see Sentence.tsx), so that a translation can put it where its grammar
// wants it.
import { catalogue } from '../i18n/index.ts';

export const siteStrings = catalogue('site', {
  bookTitle: 'Deep Learning, Live',
  tagline:
    'An interactive deep-learning textbook: every idea comes with a model you can train, poke and break, right here in the browser.',
  chapterTitle: (chapter: string, book: string) => `${chapter} · ${book}`,
  notFoundTitle: (book: string) => `Page not found · ${book}`,
  labTitle: (book: string) => `The Lab · ${book}`,
  glossaryTitle: (book: string) => `Glossary · ${book}`,
  glossaryDescription: 'Every term the book uses, each in one line, with the chapter and section that teaches it and its Chinese name.',
  faqTitle: (book: string) => `Questions and answers · ${book}`,
  faqDescription: 'Short answers to what learners of deep learning ask most, each linking to the chapter and the figure that shows it.',
  deckTitle: (book: string) => `Lecture decks · ${book}`,
  deckDescription: 'Pick figures from any chapter, set each one up, add notes, and present them as one deck from a single link.',
  labDescription:
    'Build a small neural network, choose its data and features, train it live in your browser, then share it as a link or export it as code.',
});

export const appStrings = catalogue('app', {
  skipToContent: 'Skip to content',
  contents: 'Contents',
  shortcuts: 'Keyboard shortcuts',
  /** A button's tooltip: what it does and its key. */
  withKey: (action: string, key: string) => `${action} (${key})`,
  switchTheme: 'Switch theme',
  switchToLight: 'Switch to light theme',
  switchToDark: 'Switch to dark theme',
});

export const shortcutStrings = catalogue('shortcuts', {
  previousChapter: 'Previous chapter',
  nextChapter: 'Next chapter',
  search: 'Search the book',
  toggleTheme: 'Switch between light and dark theme',
  presentWidget: 'Present the focused widget full-screen (or the one most in view)',
  leave: 'Leave presentation, close a dialog or the menu',
  showHelp: 'Show these shortcuts',
  escapeKey: 'Esc',
  title: 'Keyboard shortcuts',
  whileTyping: 'Shortcuts do nothing while you type in a field.',
  addressInStep: 'Keep the address bar in step with the figures',
  addressInStepWhy: 'Each change to a figure is written into the page’s address at once, so the address is always a link to what you see. Remembered in this browser.',
  close: 'Close',
});

export const navStrings = catalogue('navigation', {
  bookContents: 'Book contents',
  aboutBook: 'About this book',
  chapters: 'Chapters',
  testPages: 'Test pages',
  lab: 'The Lab',
  sectionsOf: (chapter: string) => `Sections of ${chapter}`,
  readMark: 'read',
  solvedOf: (solved: number, total: number) => `${solved} of ${total} exercises solved`,
  chapterKicker: (number: string) => `Chapter ${number}`,
  testPageKicker: 'Test page',
  chapterFailed: 'This chapter could not be loaded: {error}',
  chapterScriptFailed: "This chapter's figures and exercises could not be loaded ({error}). Its text is all here; loading the page again starts them.",
  tryAgain: 'Try again',
  chapterLoading: 'Loading the chapter…',
  pageFailed: 'This page could not be loaded: {error}',
  pageLoading: 'Loading the page…',
  glossary: 'Glossary',
  faq: 'Questions and answers',
  decks: 'Lecture decks',
  pager: 'Previous and next chapter',
  previous: 'Previous',
  next: 'Next',
  notFoundHeading: 'Page not found',
  notFoundText: 'There is no page at this address. It may have moved when the chapters were renumbered; the {link} has every page of the book.',
  notFoundLink: 'list of chapters',
});

export const landingStrings = catalogue('landing', {
  intro:
    'Deep learning is easier to understand when you can see it move. This book explains neural networks from a single neuron upwards, and each idea comes with an interactive figure backed by a small autograd engine written for the book, running on your GPU when there is one.',
  startReading: (chapter: string) => `Start reading: ${chapter}`,
  audiencesHeading: 'Who it is for',
  chaptersHeading: 'Chapters',
  labHeading: 'The Lab',
  labText:
    'Once a chapter has shown you an idea, try it on a network of your own: pick a data set, stack up layers, then train it and watch it learn.',
  labLink: 'Open the Lab',
  audiences: [
    {
      who: 'Students',
      what: 'Read a chapter, then change a learning rate, a layer or a dataset in its widgets and watch what training does. Every formula sits next to a model that obeys it.',
    },
    {
      who: 'Instructors',
      what: 'Put any widget full-screen in front of a class with Present (or the p key), link straight to a section, and step through chapters with [ and ].',
    },
    {
      who: 'Self-learners',
      what: 'Go at your own pace: the chapters build on each other, “Try this” boxes suggest experiments, and nothing needs installing — the models train on your own machine.',
    },
  ],
});

export const progressStrings = catalogue('progress', {
  heading: 'Your progress',
  summary: (read: number, chapters: number, solved: number, exercises: number) =>
    `You have read ${read} of ${chapters} chapters to the end and solved ${solved} of ${exercises} checked exercises. Chapters you have read carry a ✓ in the contents.`,
  nothingYet: 'Chapters you read to the end and exercises you solve are marked here and in the contents.',
  private: 'Your progress is kept in this browser only; nothing is sent anywhere.',
  clear: 'Clear my progress',
  confirmQuestion: 'Clear every chapter and exercise marked so far?',
  confirmClear: 'Yes, clear it',
  keep: 'Keep it',
});

export const labPageStrings = catalogue('labPage', {
  heading: 'The Lab',
  intro:
    'The Lab is a playground for small neural networks. Build one layer by layer, choose the data it learns from and the features it sees, then train it live and watch its decision boundary and its loss change as it learns. When you find something worth showing, share its exact state as a link, or export the network as code to train it elsewhere.',
});

export const frameStrings = catalogue('frame', {
  present: 'Present',
  leavePresent: 'Leave presentation',
  presentHint: 'Show this figure full-screen (Esc leaves)',
  reset: 'Reset',
  resetHint: 'Start this figure again from its initial state',
  loading: 'Loading the interactive figure…',
  loadingNamed: (title: string) => `Loading the interactive figure “${title}”…`,
  failed: 'This figure stopped with an error: {error}',
  failedReset: 'Reset the figure',
  share: 'Copy link',
  shareHint: 'Copy a link that opens this figure as it is now',
  copied: 'Link copied: it opens this figure as it is now.',
  copyManually: 'Copy this link to open the figure as it is now:',
  dismiss: 'Dismiss',
  dismissHint: 'Hide these messages',
  /** A phone's one button for the figure's tools (present, copy link, reset, where it computes). */
  tools: 'Figure menu',
  toolsHint: 'Present, copy a link, reset, and where this figure computes',
});

export const badgeStrings = catalogue('computeBadge', {
  prefix: 'Compute:',
  starting: 'starting…',
  failed: 'unavailable',
  webgl: 'WebGL (GPU)',
  wasmSimd: 'WebAssembly (SIMD)',
  wasm: 'WebAssembly',
  cpu: 'CPU (JavaScript)',
  unknownRenderer: 'renderer unknown',
  onGpu: (renderer: string) => `WebGL on a GPU (${renderer}).`,
  forced: (asked: string) => `Chosen by ?backend=${asked} in the address.`,
  forcedFailed: (asked: string, used: string) => `?backend=${asked} could not start here: computing with ${used}.`,
  softwareGl: (renderer: string, used: string) =>
    `WebGL here runs in software (${renderer}), which is slower than the processor itself: computing with ${used}.`,
  noGl: (used: string) => `WebGL is not available here: computing with ${used}.`,
  moved: (from: string, to: string) => `${from} stopped answering: the figures moved to ${to} and carry on from where they were.`,
  startFailed: 'No compute backend could start in this browser: the figures cannot compute.',
});

export const dataStrings = catalogue('data', {
  /** Why a data file is missing, for a widget's sentence about what could not run. */
  loadFailed: (file: string, status: number) => `could not load ${file} (HTTP ${status})`,
});

export const calloutStrings = catalogue('callouts', {
  note: 'Note',
  warning: 'Warning',
  tryThis: 'Try this',
  predict: 'Predict first',
});

export const contentStrings = catalogue('content', {
  sectionLink: 'Link to this section',
  wideTable: 'Table, scrolls sideways on narrow screens',
  diagramFailed: 'This diagram could not be drawn: {error}',
  wideDiagram: 'Diagram, scrolls sideways on this screen',
  wideFormula: 'Formula, scrolls sideways on this screen',
  diagramDrawing: 'Diagram source (drawing…)',
});

export const codeTabStrings = catalogue('codeTabs', {
  label: 'The same code, three ways',
  from: 'From {source}',
});

export const offlineStrings = catalogue('offline', {
  updateReady: 'A new version of the book is ready.',
  reload: 'Reload',
  later: 'Later',
});

export const codeBlockStrings = catalogue('codeBlock', {
  copy: 'Copy',
  copied: 'Copied',
  copyCode: 'Copy the code',
  copiedCode: 'The code is copied.',
  copyByHand: 'The clipboard is not available here: the code is selected, press Ctrl+C (⌘C on a Mac) to copy it.',
});

export const exerciseStrings = catalogue('exercises', {
  solvedBefore: '✓ Solved',
  exercise: 'Exercise',
  exerciseNamed: (title: string) => `Exercise: ${title}`,
  hint: (n: number, of: number) => (of > 1 ? `Hint ${n}` : 'Hint'),
  solution: 'Solution',
  yourAnswer: 'Your answer',
  check: 'Check',
  correct: (answer: string) => `Correct: the answer is ${answer}.`,
  tooHigh: 'Not yet: your answer is too high.',
  tooLow: 'Not yet: your answer is too low.',
  notANumber: 'Type a number, for example 0.25 or -1.5.',
  tolerance: (t: string) => `Answers within ${t} count as correct.`,
});

export const controlStrings = catalogue('controls', {
  notANumber: (min: string, max: string, kept: string) => `Enter a number from ${min} to ${max}; it stays ${kept}.`,
  clamped: (to: string) => `Clamped to ${to}.`,
  outOfRange: (typed: string, min: string, max: string, kept: string, to: string) =>
    `${typed} is outside ${min} to ${max}; it stays ${kept} (Enter takes ${to}).`,
});

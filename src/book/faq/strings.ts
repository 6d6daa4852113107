// The questions and answers page: what learners ask most, each answered in a few sentences that
// link to the section or figure of the book that shows it. A link in an answer is written
// `[words](/chapters/<slug>/#<section or widget-id>)`; tests/content/faq.test.ts checks that every
// one leads to a heading or figure that exists. Each question's key is its anchor (`#<key>`).
import { catalogue } from '../../i18n/index.ts';

export const faqStrings = catalogue('faq', {
  intro:
    'Short answers to the questions learners ask most often. Each one points to the section of the book that explains it, and usually to a figure where you can try it yourself.',
  questionsLabel: 'Questions on this page',
  questions: {
    'deep-learning-vs-machine-learning': {
      question: 'What is the difference between deep learning and machine learning?',
      answer:
        'Machine learning is the wider field: programs whose behaviour is fitted to data rather than written by hand, from linear regression to decision trees. Deep learning is the part of it that uses neural networks with several layers, trained end to end by gradient descent on a loss, so that the hidden layers learn their own features from raw inputs. A single neuron is already a classic machine-learning model: [one neuron trained on a loss is linear or logistic regression](/chapters/neurons/#one-neuron-trained-on-a-loss-linear-and-logistic-regression). Stacking [hidden layers](/chapters/neurons/#input-hidden-and-output-layers) is what makes a network deep, and the [XOR gate](/chapters/neurons/#widget-xor-gate) shows the first thing a hidden layer can do that one neuron cannot.',
    },
    'computing-power': {
      question: 'Do I need a GPU or a lot of computing power?',
      answer:
        'Not to learn the ideas. Every figure in this book trains a small model in your browser, on the graphics card through WebGL when there is one and on the processor otherwise; [the compute badge](/chapters/how-to-use/#the-compute-badge) on each figure says which. Large networks on large data sets do need GPUs, because their training is dominated by big matrix products that a GPU computes in parallel. How much work a layer does can be counted: the [convolution chapter counts the multiply–adds of a layer](/chapters/convolutional-networks/#counting-operations), and a layer of few parameters can still be expensive.',
    },
    'choosing-an-activation': {
      question: 'How do I choose an activation function?',
      answer:
        'It depends on where it sits. In hidden layers, start with ReLU (with He initialisation); if many units stop responding, the [dead ReLU problem](/chapters/activations/#dead-relus), try leaky ReLU or ELU, and in a Transformer follow the architecture you build on. At the output, the task decides: no activation for a real number, a sigmoid for a yes/no probability, a softmax for one of several classes, each paired with its loss. [How to choose](/chapters/activations/#how-to-choose) sets this out as a table, and the [activation explorer](/chapters/activations/#widget-activation-explorer) draws every function with its slope.',
    },
    'avoiding-overfitting': {
      question: 'How do I avoid overfitting?',
      answer:
        'First see it: plot the training and validation losses, and [overfitting](/chapters/generalisation/#underfitting-and-overfitting-in-two-curves) is the validation loss rising while the training loss keeps falling. The most reliable cure is [more data](/chapters/generalisation/#more-data), or [data augmentation](/chapters/generalisation/#widget-augmentation-lab) when you cannot collect more. Then [weight decay](/chapters/generalisation/#l2-regularisation-and-weight-decay), [dropout](/chapters/generalisation/#widget-dropout-inside) and [early stopping](/chapters/generalisation/#widget-early-stopping), tuned on the validation set. The [Lab below the remedies section](/chapters/generalisation/#widget-lab-remedies) lets you apply them one at a time to a network that overfits, and [Choosing and combining regularisers](/chapters/generalisation/#choosing-and-combining-regularisers) gives an order to try them in.',
    },
    'choosing-a-framework': {
      question: 'Which framework should I use: PyTorch, Keras or something else?',
      answer:
        'The one your course, your team or the code you want to build on uses: the ideas carry over unchanged, because a layer, a loss, a backward pass and an optimiser step are the same computation in each. Every chapter ends with an “In code” section that writes its models in this book’s engine, in PyTorch and in Keras side by side, starting with [a neuron and a layer](/chapters/neurons/#in-code). PyTorch makes you write the training loop yourself, which shows every step, as in [the backpropagation chapter’s training step](/chapters/backpropagation/#in-code); Keras’s fit runs the loop for you. When you move a model between them, check [how each stores a weight matrix](/chapters/neurons/#shapes-as-a-checking-tool): they disagree.',
    },
    'tuning-the-learning-rate': {
      question: 'How do I tune the learning rate?',
      answer:
        'Tune it first and on a log scale, since it matters more than the choice among the usual optimisers. Too small and training crawls; too large and the loss oscillates or diverges, which [the learning-rate figure](/chapters/optimisers/#widget-learning-rate) shows on a simple bowl where the limit can be computed. A [learning-rate range test](/chapters/optimisers/#finding-a-learning-rate-the-range-test) finds a good value in a fraction of an epoch, and [What practitioners choose](/chapters/optimisers/#what-practitioners-choose) gives the usual starting points. Lowering the rate late in training, and warming it up at the start, are [learning-rate schedules](/chapters/optimisers/#learning-rate-schedules).',
    },
    'vanishing-gradients': {
      question: 'What are vanishing gradients, and how are they avoided?',
      answer:
        'On its way back through a deep network the gradient is multiplied by one factor per layer, so if those factors are smaller than 1 it shrinks exponentially and the early layers barely learn (larger than 1, and it explodes). [The vanishing-gradients figure](/chapters/backpropagation/#widget-vanishing-gradients) shows it layer by layer. The cures are the subject of [Training deep networks](/chapters/training-deep-networks/#where-to-start-initialisation): activations that do not saturate, initialisation of the right scale, normalisation and [residual connections](/chapters/training-deep-networks/#widget-plain-vs-residual). In recurrent networks the same product runs over time steps, and the [LSTM’s cell](/chapters/recurrent-networks/#why-the-cell-carries-gradients) is built to carry the gradient through it.',
    },
    'network-does-not-learn': {
      question: 'My network does not learn. What should I check?',
      answer:
        'Read the loss curve first: flat from the start, shooting up, or falling painfully slowly each point to different causes, listed in [Reading loss curves](/chapters/training-deep-networks/#reading-loss-curves). Then go through [the checks in order](/chapters/training-deep-networks/#checks-in-order), from the cheapest: look at the data and its labels, check that the loss at the first step is what chance predicts, make the network overfit one small batch, look at the gradients, find the learning rate, and only then scale up. The [network doctor](/chapters/training-deep-networks/#widget-network-doctor) lets you diagnose broken networks yourself.',
    },
    'how-much-data': {
      question: 'How much data do I need?',
      answer:
        'There is no fixed number: it depends on how hard the task is and how much capacity the model has. What you can measure is the gap between the training and the validation loss; a wide gap means the model would gain from more data or more regularisation. Networks can even [memorise labels that are pure noise](/chapters/generalisation/#widget-random-labels), so a good training score proves nothing by itself. With little data, [cross-validation](/chapters/generalisation/#cross-validation-for-small-data) makes the most of every example, and [augmentation](/chapters/generalisation/#data-augmentation) multiplies what you have.',
    },
    'choosing-a-loss': {
      question: 'Which loss function should I use?',
      answer:
        'Start from the task and what the last layer outputs. For a number, mean squared error (or Huber or mean absolute error when there are outliers); for a yes/no label, binary cross-entropy; for one of several classes, cross-entropy over a softmax. In code, give the loss the raw logits rather than probabilities: [cross-entropy with logits](/chapters/losses/#cross-entropy-with-logits) is the numerically safe form. [Choosing a loss](/chapters/losses/#choosing-a-loss) has the table with the PyTorch and Keras names, and the [loss lab](/chapters/losses/#widget-loss-lab) trains the same classifier with different losses side by side.',
    },
    'sgd-or-adam': {
      question: 'Should I use SGD or Adam?',
      answer:
        'Adam (or AdamW, which handles weight decay properly) is the usual first choice, because it is forgiving about the learning rate and the scale of the gradients. SGD with momentum and a schedule remains common for convolutional networks on images, where, carefully tuned, it often does as well or better on the test set. [The optimiser race](/chapters/optimisers/#widget-optimiser-race) trains one network four ways from the same start, and [What practitioners choose](/chapters/optimisers/#what-practitioners-choose) sums up the defaults. Whichever you pick, compare at each one’s own best learning rate.',
    },
    'batch-size': {
      question: 'How large should a mini-batch be?',
      answer:
        'A mini-batch gradient is a noisy estimate of the full one: the noise falls only like one over the square root of the batch size, while the cost of a step grows in proportion to it. So the best size is a compromise, usually whatever the hardware computes efficiently in parallel. [The mini-batch figure](/chapters/optimisers/#widget-minibatch-noise) shows the scatter of the gradient shrink as the batch grows, and [the section around it](/chapters/optimisers/#mini-batches-and-the-noise-they-bring) explains what that noise does near a minimum, and why very large batches need the learning rate and its schedule adapted.',
    },
    'what-backpropagation-computes': {
      question: 'What does backpropagation actually compute?',
      answer:
        'The gradient of the loss with respect to every weight, exactly, in one backward pass through the network: the chain rule applied to the computation graph, from the loss back to the inputs. It is not the learning algorithm itself; an optimiser such as gradient descent uses the gradients it delivers. [The graph stepper](/chapters/backpropagation/#widget-graph-stepper) walks through it one node at a time, [Why reverse mode](/chapters/backpropagation/#why-reverse-mode) explains why going backwards is what makes it cheap, and [the gradient check](/chapters/backpropagation/#widget-gradient-check) shows how to test a hand-written backward rule.',
    },
    'why-convolutional-networks': {
      question: 'Why use a convolutional network for images instead of a plain network?',
      answer:
        'A dense layer on an image needs a weight for every pixel and unit, and has to learn a pattern separately at every place it can appear. A convolution looks at small patches and uses the same weights everywhere, so it needs far fewer parameters and recognises a pattern wherever it is: see [Why images need more than an MLP](/chapters/convolutional-networks/#why-images-need-more-than-an-mlp). [The MLP against CNN figure](/chapters/convolutional-networks/#widget-mlp-vs-cnn) trains both on the same digits, and [the receptive-field figure](/chapters/convolutional-networks/#widget-receptive-field) shows how stacked layers come to see the whole image.',
    },
    'are-recurrent-networks-still-used': {
      question: 'Are recurrent networks still used now that there are Transformers?',
      answer:
        'Today’s large language models are Transformers, which relate every position of a sequence to every other at once and so train in parallel on very long texts. Recurrent networks have not disappeared: their cost per step is constant and their memory does not grow with what they have read, which suits streaming data and small devices, and recent recurrent and state-space models return to those properties at scale. [Where recurrent networks stand today](/chapters/recurrent-networks/#where-recurrent-networks-stand-today) tells the story, and the [character model](/chapters/recurrent-networks/#widget-char-model) is an LSTM you can train in the page.',
    },
    'zero-initial-weights': {
      question: 'Why not start all the weights at zero?',
      answer:
        'Because units that start equal stay equal: they compute the same output, receive the same gradient and take the same step, for ever, so a whole layer behaves like one unit. Random starting weights break that symmetry, as [Why the weights must differ](/chapters/training-deep-networks/#why-the-weights-must-differ) shows with the engine. Their size matters too, and [the initialisation lab](/chapters/training-deep-networks/#widget-initialisation-lab) shows how the wrong scale makes signals vanish or explode with depth.',
    },
    'validation-and-test-sets': {
      question: 'What is the difference between the validation set and the test set?',
      answer:
        'Both are held out from training. The validation set is for every decision you make, such as the learning rate, the size of the network or when to stop, so by the end the model has been chosen to do well on it. The test set is used once, at the end, to report how the final model does on data that influenced nothing. [Three sets of data](/chapters/generalisation/#three-sets-of-data) explains the split.',
    },
    'softmax-outputs-as-probabilities': {
      question: 'Can I trust a classifier’s softmax outputs as probabilities?',
      answer:
        'Not automatically. Cross-entropy rewards honest probabilities on the data it is averaged over, but trained networks are often over-confident on new data. [Calibrated probabilities](/chapters/losses/#calibrated-probabilities) explains why, and how temperature scaling, one number fitted on held-out data, repairs the confidence without changing any prediction. [The softmax temperature figure](/chapters/activations/#widget-softmax-temperature) shows what dividing the logits by a temperature does.',
    },
  },
});

// The glossary's terms as data: where each is taught (a chapter's slug and a heading id there,
// checked against the compiled chapters by tests/content/glossary.test.ts), its Chinese name, and
// the forms that count as a use of it in a chapter's prose (for the build step that links a term's
// first use in each chapter, remarkGlossary.ts). Names and definitions are words, so they live in
// the catalogue (definitions.ts), keyed by the same ids.
//
// A form written in lower case also matches with a capital first letter (at the start of a
// sentence); a form with capitals (ReLU, Adam, KL divergence) matches only as written.

export interface GlossaryTerm {
  /** The term's anchor on the glossary page is `#term-<id>`; stable, since links point at it. */
  id: string;
  /** The chapter that teaches it (its slug) … */
  chapter: string;
  /** … and the id of the heading of the section that teaches it. */
  section: string;
  /** The standard Chinese term. */
  zh: string;
  /** The words that count as a use of the term in prose, e.g. ['learning rate', 'learning rates']. */
  forms: readonly string[];
  /** Chapters where a form is used in another sense, so no use there is linked. */
  notIn?: readonly string[];
}

const t = (id: string, chapter: string, section: string, zh: string, forms: readonly string[], notIn?: readonly string[]): GlossaryTerm => ({
  id,
  chapter,
  section,
  zh,
  forms,
  ...(notIn ? { notIn } : {}),
});

export const TERMS: readonly GlossaryTerm[] = [
  // Neurons, layers and the forward pass
  t('neuron', 'neurons', 'the-artificial-neuron', '神经元', ['neuron', 'neurons', 'artificial neuron', 'artificial neurons']),
  t('weight', 'neurons', 'the-maths', '权重', ['weight', 'weights']),
  t('bias', 'neurons', 'what-the-bias-does', '偏置', ['bias', 'biases'], ['generalisation']),
  t('pre-activation', 'neurons', 'the-maths', '预激活（加权和）', ['pre-activation', 'pre-activations', 'weighted sum', 'weighted sums'], ['losses']),
  t('decision-boundary', 'neurons', 'a-neuron-as-a-picture', '决策边界', ['decision boundary', 'decision boundaries']),
  t('perceptron', 'neurons', 'the-perceptron-learning-rule', '感知机', ['perceptron', 'perceptrons'], ['optimisers']),
  t('linear-regression', 'neurons', 'one-neuron-trained-on-a-loss-linear-and-logistic-regression', '线性回归', ['linear regression']),
  t('logistic-regression', 'neurons', 'one-neuron-trained-on-a-loss-linear-and-logistic-regression', '逻辑回归（对数几率回归）', ['logistic regression']),
  t('linearly-separable', 'neurons', 'linear-separability', '线性可分', ['linearly separable', 'linear separability']),
  t('hidden-layer', 'neurons', 'input-hidden-and-output-layers', '隐藏层', ['hidden layer', 'hidden layers']),
  t('dense-layer', 'neurons', 'several-neurons-side-by-side', '全连接层（稠密层）', ['dense layer', 'dense layers', 'fully connected layer', 'fully connected layers']),
  t('batch', 'neurons', 'batches-examples-as-rows', '批量', ['batch', 'batches']),
  t('mlp', 'neurons', 'input-hidden-and-output-layers', '多层感知机', ['multilayer perceptron', 'multilayer perceptrons', 'MLP', 'MLPs', 'multilayer network', 'multilayer networks']),
  t('forward-pass', 'neurons', 'the-forward-pass', '前向传播（前向计算）', ['forward pass', 'forward passes']),
  t('universal-approximation', 'neurons', 'why-the-activation-must-not-be-linear', '万能逼近定理', ['universal approximation theorem', 'universal approximation']),
  t('parameter', 'neurons', 'parameters-and-how-to-count-them', '参数', ['parameter', 'parameters']),
  t('hyperparameter', 'neurons', 'parameters-and-how-to-count-them', '超参数', ['hyperparameter', 'hyperparameters']),

  // Activation functions
  t('activation-function', 'activations', 'a-tour-of-the-activation-functions', '激活函数', ['activation function', 'activation functions']),
  t('sigmoid', 'activations', 'sigmoid', 'Sigmoid 函数（逻辑函数）', ['sigmoid', 'sigmoids', 'logistic function']),
  t('tanh', 'activations', 'tanh', '双曲正切函数', ['tanh', 'hyperbolic tangent']),
  t('relu', 'activations', 'relu', '修正线性单元（ReLU）', ['ReLU', 'ReLUs', 'rectified linear unit', 'rectified linear units']),
  t('leaky-relu', 'activations', 'leaky-relu', '带泄漏的修正线性单元（Leaky ReLU）', ['leaky ReLU', 'leaky ReLUs', 'Leaky ReLU']),
  t('elu', 'activations', 'elu', '指数线性单元（ELU）', ['ELU', 'exponential linear unit']),
  t('gelu', 'activations', 'gelu', '高斯误差线性单元（GELU）', ['GELU', 'Gaussian error linear unit']),
  t('saturation', 'activations', 'what-saturation-does-to-learning', '饱和', ['saturation', 'saturated', 'saturates', 'saturate']),
  t('dead-relu', 'activations', 'dead-relus', '死亡 ReLU', ['dead ReLU', 'dead ReLUs', 'dying ReLU']),
  t('softmax', 'activations', 'softmax-from-scores-to-probabilities', 'Softmax 函数', ['softmax']),
  t('temperature', 'activations', 'temperature', '温度', ['temperature', 'temperatures'], ['neurons']),

  // Loss functions
  t('loss', 'losses', 'what-a-loss-measures', '损失函数', ['loss', 'losses', 'loss function', 'loss functions']),
  t('mse', 'losses', 'mean-squared-error', '均方误差', ['mean squared error', 'MSE', 'squared error']),
  t('mae', 'losses', 'mean-absolute-error', '平均绝对误差', ['mean absolute error', 'MAE', 'L1 loss']),
  t('huber-loss', 'losses', 'huber-loss', 'Huber 损失', ['Huber loss']),
  t('quantile-loss', 'losses', 'other-percentiles-the-quantile-loss', '分位数损失', ['quantile loss', 'pinball loss']),
  t('maximum-likelihood', 'losses', 'why-squared-error-the-gaussian-likelihood', '最大似然估计', ['maximum likelihood', 'negative log-likelihood', 'likelihood']),
  t('logit', 'losses', 'binary-classification-cross-entropy', '对数几率（logit）', ['logit', 'logits']),
  t('binary-cross-entropy', 'losses', 'from-the-bernoulli-likelihood-to-binary-cross-entropy', '二元交叉熵', ['binary cross-entropy']),
  t('cross-entropy', 'losses', 'from-the-categorical-likelihood-to-cross-entropy', '交叉熵', ['cross-entropy', 'categorical cross-entropy']),
  t('one-hot', 'losses', 'from-the-categorical-likelihood-to-cross-entropy', '独热编码', ['one-hot']),
  t('entropy', 'losses', 'entropy-kl-divergence-and-the-name-cross-entropy', '熵', ['entropy']),
  t('kl-divergence', 'losses', 'entropy-kl-divergence-and-the-name-cross-entropy', 'KL 散度（相对熵）', ['KL divergence', 'Kullback–Leibler divergence']),
  t('log-sum-exp', 'losses', 'computing-it-stably-the-log-sum-exp-trick', 'log-sum-exp 技巧', ['log-sum-exp', 'log-sum-exp trick', 'log-softmax']),
  t('calibration', 'losses', 'calibrated-probabilities', '校准', ['calibrated', 'calibration']),
  t('focal-loss', 'losses', 'rare-classes-class-weights-and-the-focal-loss', '焦点损失（Focal Loss）', ['focal loss']),
  t('label-smoothing', 'losses', 'label-smoothing', '标签平滑', ['label smoothing']),
  t('hinge-loss', 'losses', 'hinge-loss-and-margins', '合页损失（铰链损失）', ['hinge loss']),

  // Backpropagation
  t('derivative', 'backpropagation', 'a-derivative-is-a-local-exchange-rate', '导数', ['derivative', 'derivatives', 'partial derivative', 'partial derivatives']),
  t('gradient', 'backpropagation', 'a-derivative-is-a-local-exchange-rate', '梯度', ['gradient', 'gradients']),
  t('chain-rule', 'backpropagation', 'the-chain-rule', '链式法则', ['chain rule']),
  t('computation-graph', 'backpropagation', 'computation-graphs', '计算图', ['computation graph', 'computation graphs', 'computational graph', 'computational graphs']),
  t('backward-pass', 'backpropagation', 'the-backward-pass', '反向传递（反向计算）', ['backward pass', 'backward passes']),
  t('backpropagation', 'backpropagation', 'backpropagation-through-a-whole-network', '反向传播', ['backpropagation', 'backprop']),
  t('automatic-differentiation', 'backpropagation', 'why-reverse-mode', '自动微分', ['automatic differentiation', 'reverse mode', 'reverse-mode', 'autograd']),
  t('jacobian', 'backpropagation', 'backward-never-builds-a-jacobian', '雅可比矩阵', ['Jacobian', 'Jacobians']),
  t('gradient-descent', 'backpropagation', 'gradient-descent-using-the-gradients', '梯度下降', ['gradient descent']),
  t('gradient-check', 'backpropagation', 'checking-gradients-numerically', '梯度检验', ['gradient check', 'gradient checks', 'gradient checking', 'finite difference', 'finite differences', 'finite-difference']),
  t('vanishing-gradients', 'backpropagation', 'vanishing-and-exploding-gradients', '梯度消失', ['vanishing gradient', 'vanishing gradients', 'gradients vanish']),
  t('exploding-gradients', 'backpropagation', 'vanishing-and-exploding-gradients', '梯度爆炸', ['exploding gradient', 'exploding gradients', 'gradients explode']),

  // Convolutional networks
  t('convolution', 'convolutional-networks', 'convolution-a-sliding-dot-product', '卷积', ['convolution', 'convolutions', 'convolution layer', 'convolution layers']),
  t('kernel', 'convolutional-networks', 'one-position', '卷积核（滤波器）', ['kernel', 'kernels', 'filter', 'filters'], ['how-to-use', 'generalisation']),
  t('feature-map', 'convolutional-networks', 'colour-images-and-feature-maps', '特征图', ['feature map', 'feature maps']),
  t('channel', 'convolutional-networks', 'colour-images-and-feature-maps', '通道', ['channel', 'channels']),
  t('stride', 'convolutional-networks', 'stride-padding-and-dilation', '步幅', ['stride', 'strides']),
  t('padding', 'convolutional-networks', 'stride-padding-and-dilation', '填充', ['padding']),
  t('dilation', 'convolutional-networks', 'stride-padding-and-dilation', '膨胀（空洞卷积）', ['dilation', 'dilated convolution', 'dilated convolutions']),
  t('weight-sharing', 'convolutional-networks', 'translation', '权值共享', ['weight sharing', 'shared weights']),
  t('equivariance', 'convolutional-networks', 'translation', '平移等变性', ['equivariant', 'equivariance']),
  t('pooling', 'convolutional-networks', 'pooling', '池化', ['pooling', 'max pooling', 'average pooling']),
  t('receptive-field', 'convolutional-networks', 'receptive-fields', '感受野', ['receptive field', 'receptive fields']),
  t('transposed-convolution', 'convolutional-networks', 'transposed-convolution', '转置卷积', ['transposed convolution', 'transposed convolutions']),
  t('cnn', 'convolutional-networks', 'a-small-cnn-end-to-end', '卷积神经网络', ['convolutional network', 'convolutional networks', 'convolutional neural network', 'convolutional neural networks', 'CNN', 'CNNs']),

  // Recurrent networks
  t('rnn', 'recurrent-networks', 'the-recurrence', '循环神经网络', ['recurrent network', 'recurrent networks', 'recurrent neural network', 'recurrent neural networks', 'RNN', 'RNNs']),
  t('hidden-state', 'recurrent-networks', 'the-recurrence', '隐状态', ['hidden state', 'hidden states']),
  t('bptt', 'recurrent-networks', 'unrolling-and-backpropagation-through-time', '随时间反向传播', ['backpropagation through time', 'BPTT']),
  t('truncated-bptt', 'recurrent-networks', 'truncated-backpropagation-through-time', '截断的随时间反向传播', ['truncated backpropagation through time', 'truncated BPTT']),
  t('gradient-clipping', 'recurrent-networks', 'gradient-clipping', '梯度裁剪', ['gradient clipping']),
  t('lstm', 'recurrent-networks', 'a-memory-with-gates', '长短期记忆网络', ['LSTM', 'LSTMs', 'long short-term memory']),
  t('cell-state', 'recurrent-networks', 'a-memory-with-gates', '细胞状态（记忆元）', ['cell state', 'cell states']),
  t('gate', 'recurrent-networks', 'a-memory-with-gates', '门（遗忘门、输入门、输出门）', ['forget gate', 'forget gates', 'input gate', 'output gate']),
  t('gru', 'recurrent-networks', 'the-gru', '门控循环单元', ['GRU', 'GRUs', 'gated recurrent unit']),
  t('language-model', 'recurrent-networks', 'next-character-cross-entropy', '语言模型', ['language model', 'language models', 'language modelling']),

  // Optimisers
  t('learning-rate', 'optimisers', 'the-learning-rate', '学习率', ['learning rate', 'learning rates']),
  t('curvature', 'optimisers', 'one-parameter-one-bowl', '曲率', ['curvature', 'curvatures']),
  t('mini-batch', 'optimisers', 'mini-batches-and-the-noise-they-bring', '小批量', ['mini-batch', 'mini-batches']),
  t('sgd', 'optimisers', 'mini-batches-and-the-noise-they-bring', '随机梯度下降', ['SGD', 'stochastic gradient descent']),
  t('epoch', 'optimisers', 'mini-batches-and-the-noise-they-bring', '轮（epoch）', ['epoch', 'epochs']),
  t('batch-size', 'optimisers', 'mini-batches-and-the-noise-they-bring', '批量大小', ['batch size', 'batch sizes']),
  t('condition-number', 'optimisers', 'ill-conditioning-the-long-narrow-valley', '条件数（病态条件）', ['condition number', 'ill-conditioning', 'ill-conditioned']),
  t('momentum', 'optimisers', 'momentum', '动量', ['momentum'], ['training-deep-networks']),
  t('nesterov', 'optimisers', 'nesterov-momentum', 'Nesterov 动量', ['Nesterov momentum', 'Nesterov']),
  t('adagrad', 'optimisers', 'one-learning-rate-per-parameter', 'AdaGrad（自适应梯度算法）', ['AdaGrad']),
  t('rmsprop', 'optimisers', 'one-learning-rate-per-parameter', 'RMSprop（均方根传播）', ['RMSprop']),
  t('adam', 'optimisers', 'adam', 'Adam（自适应矩估计）', ['Adam']),
  t('adamw', 'optimisers', 'adamw-weight-decay-is-not-l2-regularisation-under-adam', 'AdamW（权重衰减解耦的 Adam）', ['AdamW']),
  t('saddle-point', 'optimisers', 'saddle-points-and-plateaus', '鞍点', ['saddle point', 'saddle points']),
  t('schedule', 'optimisers', 'learning-rate-schedules', '学习率调度', ['learning-rate schedule', 'learning-rate schedules', 'cosine annealing', 'step decay']),
  t('warm-up', 'optimisers', 'learning-rate-schedules', '学习率预热', ['warm-up', 'warmup']),

  // Training deep networks
  t('initialisation', 'training-deep-networks', 'where-to-start-initialisation', '参数初始化', ['initialisation', 'initialization', 'initialiser', 'initialisers']),
  t('symmetry-breaking', 'training-deep-networks', 'why-the-weights-must-differ', '打破对称性', ['symmetry breaking', 'break the symmetry', 'symmetry problem']),
  t('xavier-initialisation', 'training-deep-networks', 'the-variance-argument', 'Xavier 初始化（Glorot 初始化）', ['Xavier initialisation', 'Glorot initialisation', 'Xavier (Glorot) initialisation', 'Glorot (Xavier) initialisation']),
  t('he-initialisation', 'training-deep-networks', 'relu-halves-the-variance-he-initialisation', 'He 初始化（Kaiming 初始化）', ['He initialisation', 'Kaiming initialisation']),
  t('batch-normalisation', 'training-deep-networks', 'batch-normalisation', '批量归一化', ['batch normalisation', 'batch normalization', 'batch norm', 'BatchNorm']),
  t('layer-normalisation', 'training-deep-networks', 'layer-normalisation', '层归一化', ['layer normalisation', 'layer normalization', 'layer norm', 'LayerNorm']),
  t('residual-connection', 'training-deep-networks', 'add-the-input-back', '残差连接', ['residual connection', 'residual connections', 'skip connection', 'skip connections', 'residual block', 'residual blocks']),

  // Generalisation and regularisation
  t('generalisation', 'generalisation', 'three-sets-of-data', '泛化', ['generalisation', 'generalization', 'generalise', 'generalises', 'generalize', 'generalizes']),
  t('training-set', 'generalisation', 'three-sets-of-data', '训练集', ['training set', 'training sets', 'training data']),
  t('validation-set', 'generalisation', 'three-sets-of-data', '验证集', ['validation set', 'validation sets', 'validation data']),
  t('test-set', 'generalisation', 'three-sets-of-data', '测试集', ['test set', 'test sets', 'test data']),
  t('overfitting', 'generalisation', 'underfitting-and-overfitting-in-two-curves', '过拟合', ['overfitting', 'overfit', 'overfits']),
  t('underfitting', 'generalisation', 'underfitting-and-overfitting-in-two-curves', '欠拟合', ['underfitting', 'underfit', 'underfits']),
  t('capacity', 'generalisation', 'capacity-and-the-biasvariance-trade-off', '模型容量', ['capacity']),
  t('bias-variance', 'generalisation', 'capacity-and-the-biasvariance-trade-off', '偏差–方差权衡', ['bias–variance trade-off', 'bias-variance trade-off', 'bias–variance']),
  t('double-descent', 'generalisation', 'double-descent', '双下降', ['double descent']),
  t('regularisation', 'generalisation', 'choosing-and-combining-regularisers', '正则化', ['regularisation', 'regularization', 'regulariser', 'regularisers']),
  t('l2-regularisation', 'generalisation', 'l2-regularisation-and-weight-decay', 'L2 正则化', ['L2 regularisation', 'L2 regularization', 'L2 penalty']),
  t('weight-decay', 'generalisation', 'l2-regularisation-and-weight-decay', '权重衰减', ['weight decay']),
  t('l1-regularisation', 'generalisation', 'l1-and-sparsity', 'L1 正则化', ['L1 regularisation', 'L1 regularization', 'L1 penalty']),
  t('dropout', 'generalisation', 'dropout', '随机失活（Dropout）', ['dropout', 'inverted dropout']),
  t('early-stopping', 'generalisation', 'early-stopping', '早停', ['early stopping']),
  t('data-augmentation', 'generalisation', 'data-augmentation', '数据增强', ['data augmentation', 'augmentation', 'augmentations']),
  t('cross-validation', 'generalisation', 'cross-validation-for-small-data', '交叉验证', ['cross-validation', 'k-fold cross-validation', 'cross-validated']),
];

/**
 * Phrases in which a form means something else ("class weights" are not a neuron's weights, "bias
 * correction" is Adam's, "temperature record" a thermometer's, the scaled exponential linear unit is
 * SELU, not ELU), or which name a narrower idea than the term inside them ("generalisation gap"):
 * found like a term, so no shorter form inside them is linked, but never linked themselves.
 */
export const NOT_TERMS: readonly string[] = [
  'class weight',
  'class weights',
  'bias correction',
  'temperature record',
  'temperature records',
  'scaled exponential linear unit',
  'generalisation gap',
];

/** The term with this id, or undefined. */
export function findTerm(id: string): GlossaryTerm | undefined {
  return TERMS.find((term) => term.id === id);
}

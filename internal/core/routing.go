package core

// Routing administration: the user dictionary, the labeled history the topic model learns from, training
// and evaluation runs. The matching itself is TopicMatcher (matching.go).

// DictionaryWord is one entry of the segmentation dictionary as 设置 → 主题 lists it: the bureau's built-in
// terms (read-only) and the words users added.
type DictionaryWord struct {
	Word      string `json:"word"`
	Freq      int    `json:"freq"`
	Tag       string `json:"tag"`
	Builtin   bool   `json:"builtin"`   // shipped with the app; cannot be deleted
	CreatedAt string `json:"createdAt"` // for user words
}

// RoutingHistory summarises the labeled messages a model is trained on.
type RoutingHistory struct {
	Total     int                 `json:"total"`     // examples used for training
	Imported  int                 `json:"imported"`  // from CSV files
	Decisions int                 `json:"decisions"` // mailbox messages whose topic staff settled
	ByTopic   []RoutingTopicCount `json:"byTopic"`
	// NewSinceModel counts examples added after the current model was trained (all of them without a model).
	NewSinceModel int `json:"newSinceModel"`
}

// RoutingTopicCount is how many examples one topic has.
type RoutingTopicCount struct {
	TopicID   int64  `json:"topicId"`
	TopicName string `json:"topicName"`
	Count     int    `json:"count"`
}

// ExampleImportPreview describes what importing a labeled CSV (subject,body,label) would add.
type ExampleImportPreview struct {
	FileName      string              `json:"fileName"`
	Rows          int                 `json:"rows"`
	ByLabel       []RoutingTopicCount `json:"byLabel"`       // TopicID 0 = no topic of that name yet
	UnknownLabels []string            `json:"unknownLabels"` // labels without a topic; created on import if asked
	Duplicates    int                 `json:"duplicates"`    // rows already imported (same subject, body and label)
	Samples       []LabeledMessage    `json:"samples"`       // the first rows, to check the columns
}

// ExampleImportResult is what an import added.
type ExampleImportResult struct {
	Added         int      `json:"added"`
	Duplicates    int      `json:"duplicates"`
	CreatedTopics []string `json:"createdTopics"`
}

// RoutingModelInfo describes the model in use.
type RoutingModelInfo struct {
	Trained   bool    `json:"trained"` // false: topics are matched by their keywords only
	TrainedAt string  `json:"trainedAt"`
	Examples  int     `json:"examples"`
	Topics    int     `json:"topics"`
	SizeBytes int     `json:"sizeBytes"`
	Seconds   float64 `json:"seconds"` // training time
}

// Routing job kinds and stages.
const (
	RoutingJobTrain    = "train"
	RoutingJobEvaluate = "evaluate"
)

// RoutingJob is the state of the background training or evaluation run (at most one at a time).
type RoutingJob struct {
	Kind      string `json:"kind"`    // RoutingJobTrain / RoutingJobEvaluate; "" when nothing ever ran
	Running   bool   `json:"running"` // still going
	Stage     string `json:"stage"`   // what it is doing, in Chinese, e.g. 分词 / 训练 / 第2折
	Done      int    `json:"done"`
	Total     int    `json:"total"`
	StartedAt string `json:"startedAt"`
	EndedAt   string `json:"endedAt"`
	Error     string `json:"error"` // why it failed; "已取消" when cancelled
}

// RoutingEvaluation is a k-fold cross-validation of the matcher on the bureau's history.
type RoutingEvaluation struct {
	At          string             `json:"at"`
	Folds       int                `json:"folds"`
	Examples    int                `json:"examples"`
	Accuracy    float64            `json:"accuracy"`
	MacroF1     float64            `json:"macroF1"`    // mean F1 of the topics with at least MinSupport messages
	MacroF1All  float64            `json:"macroF1All"` // mean F1 of every topic, however few its messages
	MinSupport  int                `json:"minSupport"`
	Scored      int                `json:"scored"` // topics counted in MacroF1
	MsgsPerSec  float64            `json:"msgsPerSec"`
	Seconds     float64            `json:"seconds"`
	Labels      []string           `json:"labels"`    // topic names, in the order of Confusion
	Confusion   [][]int            `json:"confusion"` // [true][predicted]
	PerTopic    []RoutingTopicEval `json:"perTopic"`
	FoldMacroF1 []float64          `json:"foldMacroF1"` // per fold, over the same topics as MacroF1
}

// RoutingTopicEval is one topic's row of an evaluation.
type RoutingTopicEval struct {
	Topic     string  `json:"topic"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Support   int     `json:"support"`
}

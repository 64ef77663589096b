package lint

import (
	"strconv"

	"github.com/tunecost/tunecost/format"
	"github.com/tunecost/tunecost/model"
)

// minExamples is how many training examples a task needs before a
// fine-tune is likely to learn it: hundreds serve style, tens of thousands
// complex reasoning or code.
var minExamples = map[string]float64{
	"style":          200,
	"classification": 1000,
	"extraction":     1000,
	"reasoning":      10000,
	"code":           10000,
}

// minUniqueShare is the share of distinct examples below which the set is
// mostly rephrasings.
const minUniqueShare = 0.20

// fewExamples: a fine-tune fed too few examples for its task either fails
// to learn it or memorises the few it saw.
func fewExamples(c *checker, i int, o *model.Option) {
	need, ok := minExamples[o.Task]
	if !ok || o.TrainExamples >= need {
		return
	}
	c.warnOption(i, o, "train_examples",
		"train_examples = %s is few for task = %s (at least %s): hundreds can serve style, tens of thousands for complex reasoning or code; collect more examples or compare RAG and prompting",
		format.Number(o.TrainExamples, 0), strconv.Quote(o.Task), format.Number(need, 0))
}

// duplicates: rephrased copies of the same example teach the model that
// example by heart, not the task.
func duplicates(c *checker, i int, o *model.Option) {
	u, n := o.UniqueExamples, o.TrainExamples
	if u <= 0 || n <= 0 || u >= minUniqueShare*n { // 0 = unknown
		return
	}
	c.warnOption(i, o, "unique_examples",
		"unique_examples = %s is %s %% of train_examples = %s: rephrased duplicates are learned by heart; collect distinct examples (at least %s) rather than paraphrases",
		format.Number(u, 0), format.Number(u/n*100, 0), format.Number(n, 0), format.Number(minUniqueShare*n, 0))
}

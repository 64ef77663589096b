package pricing

import (
	"slices"
	"time"

	"github.com/tunecost/tunecost/model"
)

// Table names a kind of catalog entry: the name of its array of tables.
type Table string

// The tables of a price sheet, in the order they are listed.
const (
	TableGPU       Table = "gpu"
	TableOffer     Table = "offer"
	TableOpenModel Table = "open_model"
	TableAPIModel  Table = "api_model"
	TableEmbedding Table = "embedding"
	TableVectorDB  Table = "vector_db"
)

// Tables lists every table in listing order.
var Tables = []Table{TableGPU, TableOffer, TableOpenModel, TableAPIModel, TableEmbedding, TableVectorDB}

// rank is the table's place in Tables (listing order), or -1: what
// slices.Index(Tables, t) says, without a search in every comparison of a
// sort or a lookup.
func (t Table) rank() int {
	switch t {
	case TableGPU:
		return 0
	case TableOffer:
		return 1
	case TableOpenModel:
		return 2
	case TableAPIModel:
		return 3
	case TableEmbedding:
		return 4
	case TableVectorDB:
		return 5
	}
	return -1
}

// isModel reports whether the table holds models, whose ids share one
// namespace: a scenario names a model by id without saying its kind.
func (t Table) isModel() bool {
	return t == TableOpenModel || t == TableAPIModel || t == TableEmbedding
}

// StaleAfter is the product's default age threshold for a price (--stale-days
// changes it): older prices are flagged wherever they are listed or used.
const StaleAfter = 180 * 24 * time.Hour

// Sheet is one parsed price sheet.
type Sheet struct {
	File     string
	Name     string // [sheet] name; defaults to the file's base name
	Currency string // ISO 4217 code, e.g. "USD"
	AsOf     time.Time
	Source   string
	Entries  []Entry        // in file order
	Rates    []ExchangeRate // [[exchange_rate]], in file order

	currencyAt position          // for the layering's currency error
	asOfAt     position          // for CheckDates
	conversion *model.Conversion // set on a copy converted by LayerIn
}

// Entry is one catalog entry with where it came from. Item holds the typed
// value: model.GPU, model.Offer, model.OpenModel, model.APIModel,
// model.Embedding or model.VectorDB, matching Table.
type Entry struct {
	Table    Table
	ID       string
	Name     string
	Item     any
	Sheet    string // the sheet's name
	File     string
	Line     int // of the entry's id
	Col      int
	AsOf     time.Time // defaults to the sheet's
	Source   string    // defaults to the sheet's
	Note     string
	Closed   bool // api_model only: closed to new users
	FTClosed bool // api_model only: managed fine-tuning closed to new users

	at         *fieldPositions   // value positions, for errors found later
	conversion *model.Conversion // the currency conversion LayerIn applied; nil = none
}

// fieldPositions finds an entry's value positions when an error needs one:
// most entries never do, and working them all out ahead cost a large sheet
// more than checking its values.
type fieldPositions struct {
	loc  locator
	path []string // the entry's table and index, e.g. {"offer", "3"}
}

// Stale reports whether the entry's price is older than maxAge at now.
func (e Entry) Stale(now time.Time, maxAge time.Duration) bool {
	return now.Sub(e.AsOf) > maxAge
}

// Provider is the part of an offer id before its first "/", else "".
func (e Entry) Provider() string {
	if e.Table != TableOffer {
		return ""
	}
	for i := 0; i < len(e.ID); i++ {
		if e.ID[i] == '/' {
			return e.ID[:i]
		}
	}
	return ""
}

// FieldPos returns where the entry's field value is, falling back to the id.
func (e Entry) FieldPos(key string) (line, col int) {
	if e.at == nil {
		return e.Line, e.Col
	}
	if p := e.at.loc.value(append(slices.Clip(e.at.path), key)...); p.Line > 0 {
		return p.Line, p.Col
	}
	return e.Line, e.Col
}

package model_test

import (
	"reflect"
	"testing"

	"github.com/tunecost/tunecost/internal/fixture"
	"github.com/tunecost/tunecost/model"
)

// model's tests cannot import internal/fixture (it imports model), so they
// keep a copy of the hand-worked fixture; this keeps the copy and the
// shared one the same, so figures worked by hand in one package hold in
// the others.
func TestFixtureIsTheSharedOne(t *testing.T) {
	if got, want := model.HandCatalog(), fixture.Catalog("USD"); !reflect.DeepEqual(got, want) {
		t.Errorf("model's test catalog differs from internal/fixture's:\n%+v\n%+v", got, want)
	}
	if got, want := model.HandScenario(), fixture.Scenario(); !reflect.DeepEqual(got, want) {
		t.Errorf("model's test scenario differs from internal/fixture's:\n%+v\n%+v", got, want)
	}
	if got, want := model.HandManaged(), fixture.Managed(); !reflect.DeepEqual(got, want) {
		t.Errorf("model's managed option differs from internal/fixture's:\n%+v\n%+v", got, want)
	}
}

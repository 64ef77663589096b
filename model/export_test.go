package model

// The hand-worked fixture of model's own tests, for fixture_shared_test.go
// (package model_test), which compares it with internal/fixture.
var (
	HandCatalog  = testCatalog
	HandScenario = testScenario
	HandManaged  = managedOption
)
